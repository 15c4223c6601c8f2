import { ANONYMOUS_ACCESS, type Access } from "../../kit";
import { SharedDataKind } from "../enums";
import type { NetworksRepositories } from "../repositories";
import { ViewerKind, ViewerRole, type AlliedData, type Viewer } from "./viewer";

/**
 * The caller as the public API shows them. Everything comes from the access the gateway forwarded, so the
 * answer never grants or reveals more than that access already does; the gateway's SYSTEM principal is
 * answered as anonymous.
 */
export function viewerOf(forwarded: Access): Viewer {
  const access = forwarded.principal.kind === "SYSTEM" ? ANONYMOUS_ACCESS : forwarded;
  const { principal } = access;
  const roles: ViewerRole[] = [];
  if (access.organizationAdmin) roles.push(ViewerRole.ORGANIZATION_ADMIN);
  if (access.managedNetworkIds.length > 0) roles.push(ViewerRole.NETWORK_MANAGER);
  if (access.schoolIds.length > 0) roles.push(ViewerRole.SCHOOL_STAFF);
  return {
    access,
    principal:
      principal.kind === "PERSON"
        ? { kind: ViewerKind.PERSON, id: principal.personId }
        : principal.kind === "API_KEY"
          ? { kind: ViewerKind.API_KEY, id: principal.keyId }
          : { kind: ViewerKind.ANONYMOUS, id: null },
    canWrite: access.canWrite,
    roles,
  };
}

/**
 * For every kind, the networks outside the caller's own whose records the caller reads through an alliance, and
 * which alliance shares them. Only pairs the forwarded access already grants are named: the alliances are looked
 * up again only to say through which one.
 */
export async function alliedDataOf(access: Access, repos: NetworksRepositories): Promise<AlliedData[]> {
  const granted = Object.values(access.alliedNetworkIds).some((ids) => ids && ids.length > 0);
  const own = granted ? await repos.allianceMembers.findAcceptedByNetworkIds(access.memberNetworkIds) : [];
  const alliances = (await repos.alliances.findByIds([...new Set(own.map((member) => member.allianceId))])).filter((a) => !a.endedOn);
  const members = alliances.length > 0 ? await repos.allianceMembers.findAcceptedByAllianceIds(alliances.map((a) => a.id)) : [];
  return Object.values(SharedDataKind).map((kind) => {
    const allowed = new Set(access.alliedNetworkIds[kind] ?? []);
    const shares = alliances
      .filter((alliance) => alliance.agreement.sharedKinds.includes(kind))
      .flatMap((alliance) =>
        members
          .filter((m) => m.allianceId === alliance.id && allowed.has(m.networkId) && !access.memberNetworkIds.includes(m.networkId))
          .map((m) => ({ networkId: m.networkId, alliance })),
      )
      .sort((a, b) => a.networkId.localeCompare(b.networkId) || a.alliance.id.localeCompare(b.alliance.id));
    return { kind, shares };
  });
}
