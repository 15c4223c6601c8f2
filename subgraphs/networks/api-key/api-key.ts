import { Field, ID, ObjectType } from "type-graphql";
import { ConnectionType } from "../../kit";
import type { ApiKeyScope } from "../enums";

@ObjectType({ description: "A partner system's credential, scoped to one organization. The secret is shown once, at creation." })
export class ApiKey {
  @Field(() => ID, { description: "The key's id (to revoke it)." })
  id: string;

  organizationId: string;

  @Field({ description: "What the key is for." })
  name: string;

  @Field({ description: "Read-write keys may change the organization's records; others only read." })
  canWrite: boolean;

  /** Rights beyond reading and writing records (resolved: keys from before scopes have none). */
  scopes?: ApiKeyScope[];

  @Field({ description: "The key's first characters, to tell keys apart." })
  prefix: string;

  @Field({ description: "When the key was created." })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: "When the key was last used; null if never." })
  lastUsedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: "When the key was revoked; null while it works." })
  revokedAt?: Date | null;
}

@ObjectType({ description: "A new API key and its secret." })
export class CreatedApiKey {
  @Field(() => ApiKey, { description: "The key's record." })
  apiKey: ApiKey;

  @Field({ description: "Send as `x-api-key`. Shown only now: the hub keeps a hash." })
  secret: string;
}

@ObjectType({ description: "A page of API keys." })
export class ApiKeyConnection extends ConnectionType(ApiKey) {}
