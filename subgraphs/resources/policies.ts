import {
  assertCanWrite,
  ForbiddenError,
  isAcceptedMember,
  RecordPolicy,
  Visibility,
  type Access,
  type RecordOwner,
  type SharedKind,
  type SharedRecord,
} from "../kit";

/*
 * Who may see and change what in the resources subgraph: one kit policy per record type (README "Security
 * model" has the table of mutations).
 *
 * - Resources: read under their owner (a network, or a school within it) and visibility; alliances read
 *   ALLIANCE resources when their agreement shares RESOURCES. Co-developing schools and the networks a resource
 *   is shared through are descriptive only: they widen nothing. Written by a role on the owner: the owning
 *   school's staff, or the owning network's managers for the network's own. A school's resource is published
 *   through a network the school accepted membership in. An adaptation is also read by the owner of the
 *   resource it was adapted from, whatever its visibility: the adapter chose to link it, and the original's
 *   owner sees how its practice was improved (joint practice development), until either side unlinks it.
 *   Nothing of the original widens.
 * - Adoptions follow their resource (a copy of its owner and visibility, kept in step by ResourceService);
 *   the adopting school's staff change them.
 * - Share requests are between the requesting school and the resource's owner: read by the requester's staff
 *   and by those who may write the resource (they carry the resource's owner, always PRIVATE), decided by the
 *   latter.
 * - Funding awards: owned by their network with a visibility of their own; written by the network's managers.
 *   Their links to funded work (`fundingLinkPolicy`) are read exactly as the award.
 * - Agreements (shared staff, joint purchasing) are between schools: read by the staff of the schools in them and
 *   of those asked and not yet answered (`readerSchoolIds`), by nobody else, not even the schools' networks'
 *   coordinators (a school's costs and staffing are its own; no network is a party). Each school answers for
 *   itself, through its own staff only.
 */

/** The kind of data an alliance agreement must share for allied networks to see ALLIANCE resources and awards. */
export const RESOURCE_DATA: SharedKind = "RESOURCES";

/** A kit `RecordOwner` as stored here: the owning network, and the owning school within it or null. */
export interface StoredOwner extends RecordOwner {
  schoolId: string | null;
}

/** What the policies read on every record of this subgraph. */
export interface Sharing extends SharedRecord {
  owner: StoredOwner;
  visibility: Visibility;
}

export const resourcePolicy = new RecordPolicy<Sharing>({
  typeName: "Resource",
  read: { kind: RESOURCE_DATA, readByOwnerOf: "adaptedFromOwner" },
  writers: "the owning school's staff, or the owning network's coordinators and admins for its own resources,",
});

export const adoptionPolicy = resourcePolicy.child<Sharing & { schoolId: string }>({
  typeName: "ResourceAdoption",
  write: (access, adoption) => access.schoolIds.includes(adoption.schoolId),
  writers: "the adopting school's staff",
});

export const shareRequestPolicy = new RecordPolicy<Sharing & { requesterSchoolId: string }>({
  typeName: "ShareRequest",
  read: { kind: RESOURCE_DATA, participantSchools: ["requesterSchoolId"] },
  writers: "the resource's owner",
});

export const fundingAwardPolicy = new RecordPolicy<Sharing>({
  typeName: "FundingAward",
  read: { kind: RESOURCE_DATA },
  writers: "the network's coordinators and admins",
});

export const fundingLinkPolicy = fundingAwardPolicy.child<Sharing>({
  typeName: "FundedWork",
  writers: "the award's network's coordinators and admins",
});

/** Stored PRIVATE, owned by the proposing school and no network; `readerSchoolIds` are the schools whose staff read it. */
export const agreementPolicy = new RecordPolicy<SharedRecord & { readerSchoolIds: string[] }>({
  typeName: "SchoolAgreement",
  read: { kind: RESOURCE_DATA, participantSchools: ["readerSchoolIds"] },
  writers: "the staff of the schools in the agreement",
});

/** What a share request stores of its resource: the owner (who decides), never a visibility wider than PRIVATE. */
export function shareRequestSharing(resource: Sharing): Sharing {
  return { owner: { networkId: resource.owner.networkId, schoolId: resource.owner.schoolId }, visibility: Visibility.PRIVATE };
}

/**
 * Publishing for `owner`: a role on the owner (the school's staff; the network's managers for its own
 * resources), and for a school's resource a network the school accepted membership in: naming a network
 * does not make a school its member.
 */
export function assertMayPublish(access: Access, owner: StoredOwner): void {
  resourcePolicy.assertMayCreate(access, { owner, visibility: Visibility.PRIVATE });
  if (owner.schoolId && !isAcceptedMember(access, owner.schoolId, owner.networkId)) {
    throw new ForbiddenError("A school's resource is published through a network the school is an accepted member of");
  }
}

/** Acting for a school (adopting a resource, asking for one): its staff. */
export function assertStaffOf(access: Access, schoolId: string, what: string): void {
  assertCanWrite(access);
  if (!access.schoolIds.includes(schoolId)) throw new ForbiddenError(`Only the school's staff may ${what} for it`);
}
