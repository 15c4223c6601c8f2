import { Length } from "class-validator";
import { Field, ID, InputType } from "type-graphql";

@InputType()
export class CreateApiKeyInput {
  @Field(() => ID)
  organizationId: string;

  @Field({ description: "What the key is for, e.g. the partner system's name." })
  @Length(2, 120)
  name: string;

  @Field({ defaultValue: false })
  canWrite: boolean;
}
