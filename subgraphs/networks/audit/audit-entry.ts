import { JSONResolver } from "graphql-scalars";
import { Field, ID, ObjectType } from "type-graphql";
import { ConnectionType } from "../../kit";

@ObjectType({ description: "Who did a write." })
export class AuditActor {
  @Field({ description: "PERSON, API_KEY, ANONYMOUS or SYSTEM." })
  kind: string;

  @Field(() => ID, { nullable: true, description: "The person's or the API key's id." })
  id?: string | null;

  @Field(() => ID, { nullable: true, description: "The actor's organization." })
  organizationId?: string | null;
}

@ObjectType({ description: "One write recorded in the hub's audit log: who, when, what changed." })
export class AuditEntry {
  @Field(() => ID, { description: "The entry's id." })
  id: string;

  @Field({ description: "When the write happened." })
  at: Date;

  @Field({ description: "The subgraph that made the change." })
  subgraph: string;

  @Field({ description: "The mutation, e.g. proposeMembership." })
  operation: string;

  @Field(() => AuditActor, { description: "Who made the write." })
  actor: AuditActor;

  @Field({ description: "The type of the changed record." })
  entityType: string;

  @Field(() => ID, { nullable: true, description: "The id of the changed record, when the write names one." })
  entityId?: string | null;

  @Field(() => JSONResolver, { description: "The arguments of the write: what was asked to change." })
  changes: Record<string, unknown>;
}

@ObjectType({ description: "A page of audit log entries." })
export class AuditEntryConnection extends ConnectionType(AuditEntry) {}
