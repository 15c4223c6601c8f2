import type { Collection, Document, Filter } from "mongodb";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { BadUserInputError, toEntity, type Access, type StoredDocument } from "../../kit";
import { AuditActor } from "../audit/audit-entry";

/** Where a relation that widens access stands: it grants something only while ACCEPTED. */
export enum ConsentStatus {
  PENDING = "PENDING",
  ACCEPTED = "ACCEPTED",
  DECLINED = "DECLINED",
  WITHDRAWN = "WITHDRAWN",
  ENDED = "ENDED",
}

registerEnumType(ConsentStatus, {
  name: "ConsentStatus",
  description: "PENDING until the other party accepts; only ACCEPTED grants access. DECLINED, WITHDRAWN and ENDED are final.",
  valuesConfig: {
    PENDING: { description: "Asked, waiting for the other party's answer; grants nothing yet." },
    ACCEPTED: { description: "Accepted by the party asked: in force." },
    DECLINED: { description: "Declined by the party asked (or closed when an alliance was dissolved)." },
    WITHDRAWN: { description: "Withdrawn by the party that asked, before an answer." },
    ENDED: { description: "Was accepted, then ended by either side (left, ended or dissolved)." },
  },
});

/** Who may make a move: the party that asked, the party asked, or either. */
export type ConsentParty = "INITIATOR" | "RESPONDENT" | "EITHER";

/** The only moves a relation can make: to a status, from the one status it may come from, by whom. */
export const CONSENT_TRANSITIONS: Partial<Record<ConsentStatus, { from: ConsentStatus; by: ConsentParty }>> = {
  [ConsentStatus.ACCEPTED]: { from: ConsentStatus.PENDING, by: "RESPONDENT" },
  [ConsentStatus.DECLINED]: { from: ConsentStatus.PENDING, by: "RESPONDENT" },
  [ConsentStatus.WITHDRAWN]: { from: ConsentStatus.PENDING, by: "INITIATOR" },
  [ConsentStatus.ENDED]: { from: ConsentStatus.ACCEPTED, by: "EITHER" },
};

/** Statuses that keep the pair's open key: at most one pending-or-accepted relation per pair. */
export const OPEN_STATUSES = [ConsentStatus.PENDING, ConsentStatus.ACCEPTED];
/** Statuses anyone may see: the directory is public, requests are for their parties only. */
export const PUBLIC_STATUSES = [ConsentStatus.ACCEPTED, ConsentStatus.ENDED];

export interface ConsentStepDocument {
  status: ConsentStatus;
  at: Date;
  actor: { kind: string; id: string | null; organizationId: string | null };
  /** The networks the actor answered for (alliance votes); empty where one party acts. */
  networkIds: string[];
  note?: string | null;
}

/** What every consent-bearing document stores. */
export interface ConsentFields {
  status: ConsentStatus;
  /** Every step, oldest first; empty for relations recorded before consent existed. */
  history: ConsentStepDocument[];
  openKey?: string;
  updatedAt: Date;
}

@ObjectType({ description: "One step of a relation's consent: the status it led to, who acted, when." })
export class ConsentStep {
  @Field(() => ConsentStatus, { description: "The state this step moved the relation to." })
  status: ConsentStatus;

  @Field({ description: "When the step was taken." })
  at: Date;

  @Field(() => AuditActor, { description: "Who took the step." })
  actor: AuditActor;

  @Field(() => [ID], { description: "The networks the actor answered for, where several networks must consent." })
  networkIds: string[];

  @Field(() => String, { nullable: true, description: "A word from the actor to the other side." })
  note?: string | null;
}

export function consentStep(access: Access, status: ConsentStatus, note: string | null = null, networkIds: string[] = []): ConsentStepDocument {
  const principal = access.principal;
  const id = principal.kind === "PERSON" ? principal.personId : principal.kind === "API_KEY" ? principal.keyId : null;
  return { status, at: new Date(), actor: { kind: principal.kind, id, organizationId: access.organizationId }, networkIds, note };
}

/**
 * Moves a relation to `to` if, at this moment, it is in the status `to` may come from and matches `guard`
 * (an atomic check: two concurrent decisions cannot both apply). Null when it is not.
 */
export async function moveConsent<TDoc extends StoredDocument & ConsentFields>(
  collection: Collection<TDoc>,
  id: string,
  to: ConsentStatus,
  step: ConsentStepDocument,
  options: { set?: Document; guard?: Document } = {},
) {
  const rule = CONSENT_TRANSITIONS[to];
  if (!rule) return null;
  const doc = await collection.findOneAndUpdate(
    { ...options.guard, _id: id, status: rule.from } as Filter<TDoc>,
    {
      $set: { ...options.set, status: to, updatedAt: step.at },
      $push: { history: step },
      ...(OPEN_STATUSES.includes(to) ? {} : { $unset: { openKey: "" } }),
    } as Document,
    { returnDocument: "after" },
  );
  return doc ? toEntity(doc as TDoc) : null;
}

export function assertNote(note: string | null | undefined): void {
  if (note != null && (note.length < 1 || note.length > 4000)) {
    throw new BadUserInputError("note must be 1 to 4000 characters", "note");
  }
}
