import { BadUserInputError, type Access } from "../../kit";
import { ResourceOwnerKind } from "../enums";
import type { StoredOwner } from "../policies";
import type { ResourceFields } from "../resource/resource.repository";

/*
 * Co-development credits. Naming a school or network as a co-developer is a public claim about it, so the
 * claim shows only once the credited party accepts it (at once when the publisher acts for it too); until
 * then it is a proposal that only the resource's owner and the credited party see. The credited party may
 * decline a proposal or withdraw an accepted credit at any time; the owner may drop or re-propose one.
 * Credits widen nobody's access: co-developers see the resource by its visibility like anyone else.
 */

/** What a resource stores of its credits. */
export type Credits = Required<Pick<ResourceFields, "coDeveloperSchoolIds" | "coDeveloperNetworkIds" | "proposedCoDeveloperSchoolIds" | "proposedCoDeveloperNetworkIds">>;

export const NO_CREDITS: Credits = { coDeveloperSchoolIds: [], coDeveloperNetworkIds: [], proposedCoDeveloperSchoolIds: [], proposedCoDeveloperNetworkIds: [] };

/** Who answers for a credited school (its staff) or network (its coordinators and admins); reading too. */
export function speaksFor(access: Access, kind: ResourceOwnerKind, id: string): boolean {
  return kind === ResourceOwnerKind.SCHOOL ? access.schoolIds.includes(id) : access.managedNetworkIds.includes(id);
}

/** A resource's stored credits, also for resources stored before networks could be credited. */
export function creditsOf(resource: Partial<Credits>): Credits {
  return {
    coDeveloperSchoolIds: resource.coDeveloperSchoolIds ?? [],
    coDeveloperNetworkIds: resource.coDeveloperNetworkIds ?? [],
    proposedCoDeveloperSchoolIds: resource.proposedCoDeveloperSchoolIds ?? [],
    proposedCoDeveloperNetworkIds: resource.proposedCoDeveloperNetworkIds ?? [],
  };
}

/**
 * The credits after the owner names `schoolIds` and `networkIds` (omitted: unchanged): a party already
 * accepted stays accepted, one the caller acts for is accepted at once (their consent), any other is proposed;
 * a party no longer named loses its credit. `field` prefixes the input fields named in errors.
 */
export function creditsAfter(
  access: Access,
  owner: StoredOwner,
  current: Credits,
  named: { schoolIds?: readonly string[] | null; networkIds?: readonly string[] | null },
  field: string,
): Credits {
  const next = { ...current };
  if (named.schoolIds) {
    assertDistinct(named.schoolIds, `${field}.coDeveloperSchoolIds`);
    if (owner.schoolId && named.schoolIds.includes(owner.schoolId)) {
      throw new BadUserInputError("The owning school is not also a co-developer", `${field}.coDeveloperSchoolIds`);
    }
    const accepted = named.schoolIds.filter((id) => current.coDeveloperSchoolIds.includes(id) || (access.canWrite && speaksFor(access, ResourceOwnerKind.SCHOOL, id)));
    next.coDeveloperSchoolIds = accepted;
    next.proposedCoDeveloperSchoolIds = named.schoolIds.filter((id) => !accepted.includes(id));
  }
  if (named.networkIds) {
    assertDistinct(named.networkIds, `${field}.coDeveloperNetworkIds`);
    if (!owner.schoolId && named.networkIds.includes(owner.networkId)) {
      throw new BadUserInputError("The owning network is not also a co-developer", `${field}.coDeveloperNetworkIds`);
    }
    const accepted = named.networkIds.filter((id) => current.coDeveloperNetworkIds.includes(id) || (access.canWrite && speaksFor(access, ResourceOwnerKind.NETWORK, id)));
    next.coDeveloperNetworkIds = accepted;
    next.proposedCoDeveloperNetworkIds = named.networkIds.filter((id) => !accepted.includes(id));
  }
  return next;
}

function assertDistinct(ids: readonly string[], field: string): void {
  if (new Set(ids).size !== ids.length) throw new BadUserInputError("A co-developer appears twice", field);
}
