import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { ForbiddenError, PageArgs, paginate, type AuditEntry as StoredEntry } from "../../kit";
import type { NetworksContext } from "../context";
import { Organization } from "../organization/organization";
import { AuditEntryConnection } from "./audit-entry";

function toAuditEntry(entry: StoredEntry) {
  const principal = entry.actor.principal;
  const id = principal.kind === "PERSON" ? principal.personId : principal.kind === "API_KEY" ? principal.keyId : null;
  return {
    id: entry._id,
    at: entry.at,
    subgraph: entry.subgraph,
    operation: entry.operation,
    actor: { kind: principal.kind, id, organizationId: entry.actor.organizationId },
    entityType: entry.entity.type,
    entityId: entry.entity.id,
    changes: entry.changes,
  };
}

@Resolver(() => Organization)
export class OrganizationAuditResolver {
  @FieldResolver(() => AuditEntryConnection, {
    description: "Writes by the organization's people and keys, and writes to its records, newest first. Its admins only.",
  })
  async auditLog(@Root() organization: Organization, @Args() args: PageArgs, @Ctx() { access, repos, audit }: NetworksContext) {
    if (!access.organizationAdmin || access.organizationId !== organization.id) {
      throw new ForbiddenError("Only the organization's admins read its audit log");
    }
    const networkIds = await repos.networks.idsOperatedBy(organization.id);
    const filter = {
      $or: [
        { "actor.organizationId": organization.id },
        { "owner.organizationId": organization.id },
        // a school's PRIVATE records are its staff's: their entries' arguments are not for the network's admins
        { "owner.networkId": { $in: networkIds }, $or: [{ "owner.schoolId": null }, { visibility: { $ne: "PRIVATE" } }] },
      ],
    };
    return paginate(audit.entries, filter, [["at", -1]], args, toAuditEntry);
  }
}
