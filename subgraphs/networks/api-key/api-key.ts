import { Field, ID, ObjectType } from "type-graphql";
import { ConnectionType } from "../../kit";
import type { ApiKeyScope } from "../enums";

@ObjectType({ description: "A partner system's credential, scoped to one organization. The secret is shown once, at creation." })
export class ApiKey {
  @Field(() => ID)
  id: string;

  organizationId: string;

  @Field()
  name: string;

  @Field({ description: "Read-write keys may change the organization's records; others only read." })
  canWrite: boolean;

  /** Rights beyond reading and writing records (resolved: keys from before scopes have none). */
  scopes?: ApiKeyScope[];

  @Field({ description: "The key's first characters, to tell keys apart." })
  prefix: string;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  lastUsedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt?: Date | null;
}

@ObjectType()
export class CreatedApiKey {
  @Field(() => ApiKey)
  apiKey: ApiKey;

  @Field({ description: "Send as `x-api-key`. Shown only now: the hub keeps a hash." })
  secret: string;
}

@ObjectType({ description: "A page of API keys." })
export class ApiKeyConnection extends ConnectionType(ApiKey) {}
