import { JSONResolver } from "graphql-scalars";
import { Field, ID, ObjectType } from "type-graphql";
import { ConnectionType } from "../../kit";

@ObjectType({ description: "Who did a write." })
export class AuditActor {
  @Field({ description: "PERSON, API_KEY, ANONYMOUS or SYSTEM." })
  kind: string;

  @Field(() => ID, { nullable: true, description: "The person's or the API key's id." })
  id?: string | null;

  @Field(() => ID, { nullable: true })
  organizationId?: string | null;
}

@ObjectType({ description: "One write recorded in the hub's audit log: who, when, what changed." })
export class AuditEntry {
  @Field(() => ID)
  id: string;

  @Field()
  at: Date;

  @Field({ description: "The subgraph that made the change." })
  subgraph: string;

  @Field({ description: "The mutation, e.g. proposeMembership." })
  operation: string;

  @Field(() => AuditActor)
  actor: AuditActor;

  @Field({ description: "The type of the changed record." })
  entityType: string;

  @Field(() => ID, { nullable: true })
  entityId?: string | null;

  @Field(() => JSONResolver, { description: "The arguments of the write: what was asked to change." })
  changes: Record<string, unknown>;
}

@ObjectType()
export class AuditEntryConnection extends ConnectionType(AuditEntry) {}
