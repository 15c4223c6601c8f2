import { Length } from "class-validator";
import { ArgsType, Field, ID, InputType } from "type-graphql";
import { PageArgs } from "../../kit";
import { ApiKeyScope } from "../enums";

@InputType({ description: "An API key to create for a partner system." })
export class CreateApiKeyInput {
  @Field(() => ID, { description: "The organization the key acts for; the caller must be one of its admins." })
  organizationId: string;

  @Field({ description: "What the key is for, e.g. the partner system's name." })
  @Length(2, 120)
  name: string;

  @Field({ defaultValue: false, description: "Whether the key may write (false: read-only)." })
  canWrite: boolean;

  @Field(() => [ApiKeyScope], { defaultValue: [], description: "SCHEMA_PUBLISH: the key checks and publishes the organization's subgraphs." })
  scopes: ApiKeyScope[];
}

@ArgsType()
export class ApiKeysArgs extends PageArgs {
  @Field(() => ID, { description: "The organization whose keys to list; the caller must be one of its admins." })
  @Length(1, 64)
  organizationId: string;
}
