import { getNamedType, type GraphQLResolveInfo } from "graphql";
import type { Collection, Db, IndexDescription } from "mongodb";
import type { MiddlewareFn } from "type-graphql";
import type { Access } from "./access";
import { newId } from "./repository";

/** One write: who, when, what changed, on whose record. */
export interface AuditEntry {
  _id: string;
  at: Date;
  subgraph: string;
  /** The mutation, e.g. `addMembership`. */
  operation: string;
  actor: { principal: Access["principal"]; organizationId: string | null };
  entity: { type: string; id: string | null };
  /** Whose record it is, where the result says so; organization admins read entries about their own records. */
  owner: { organizationId: string | null; networkId: string | null; schoolId: string | null };
  /** The record's visibility after the write, where it has one: a PRIVATE school record's entry is not for its network's admins. */
  visibility: string | null;
  /** The mutation's arguments: what the caller asked to change. */
  changes: Record<string, unknown>;
}

const AUDIT_INDEXES: IndexDescription[] = [
  { key: { "actor.organizationId": 1, at: -1 } },
  { key: { "owner.organizationId": 1, at: -1 } },
  { key: { "owner.networkId": 1, at: -1 } },
];

/**
 * The hub's append-only audit log. Every subgraph writes to it (one database shared as a log sink, like
 * a logging service); the networks subgraph serves it to organization admins.
 */
export class AuditTrail {
  readonly entries: Collection<AuditEntry>;

  constructor(
    db: Db,
    /** The subgraph that writes through this trail. */
    readonly subgraph: string,
  ) {
    this.entries = db.collection<AuditEntry>("entries");
  }

  async ensureIndexes(): Promise<void> {
    await this.entries.createIndexes(AUDIT_INDEXES);
  }

  async record(entry: Omit<AuditEntry, "_id" | "at" | "subgraph">): Promise<void> {
    await this.entries.insertOne({ _id: newId(), at: new Date(), subgraph: this.subgraph, ...entry });
  }
}

/** Where a mutation's result says it belongs: its owner, its network, or itself when it is one. */
function ownerOf(typeName: string, result: Record<string, any>): AuditEntry["owner"] {
  const owner = result.owner && typeof result.owner === "object" ? result.owner : {};
  return {
    organizationId: result.organizationId ?? (typeName === "Organization" ? result.id : null) ?? null,
    networkId: owner.networkId ?? result.networkId ?? (typeName === "Network" ? result.id : null) ?? null,
    schoolId: owner.schoolId ?? result.schoolId ?? (typeName === "School" ? result.id : null) ?? null,
  };
}

/** What the kit adds to every subgraph's request context. */
export interface AuditedContext {
  access: Access;
  audit?: AuditTrail;
}

type Redaction = (args: Record<string, any>) => Record<string, unknown>;
const redactions = new WeakMap<GraphQLResolveInfo, Redaction>();

/**
 * For a mutation whose arguments carry what not everyone who reads the audit log may see (e.g. peer-review
 * findings): `@UseMiddleware(RedactInAudit((args) => …))` records the redacted arguments instead.
 */
export function RedactInAudit(redact: Redaction): MiddlewareFn {
  return async ({ info }, next) => {
    redactions.set(info, redact);
    return next();
  };
}

/**
 * Records every successful mutation in the request's audit trail. Installed in every subgraph schema
 * (type-graphql global middleware), so no write can forget it.
 */
export const auditMutations: MiddlewareFn<AuditedContext> = async ({ info, args, context }, next) => {
  const result = await next();
  if (info.parentType.name !== "Mutation" || !context.audit) return result;
  const typeName = getNamedType(info.returnType).name;
  const record = (result && typeof result === "object" ? result : {}) as Record<string, any>;
  await context.audit.record({
      operation: info.fieldName,
      actor: { principal: context.access.principal, organizationId: context.access.organizationId },
      entity: { type: typeName, id: typeof record.id === "string" ? record.id : null },
      owner: ownerOf(typeName, record),
      visibility: typeof record.visibility === "string" ? record.visibility : null,
      changes: (redactions.get(info) ?? ((all) => all))(args),
  });
  return result;
};
