import { registerEnumType } from "type-graphql";

/** What schools share under an agreement (seed 003: small districts share counselors and buy together). */
export enum SchoolAgreementKind {
  SHARED_STAFF = "SHARED_STAFF",
  JOINT_PURCHASING = "JOINT_PURCHASING",
}

/** A party's consent, in the hub's consent words: PENDING, then ACCEPTED or DECLINED by the school's own staff. */
export enum SchoolAgreementConsent {
  PENDING = "PENDING",
  ACCEPTED = "ACCEPTED",
  DECLINED = "DECLINED",
}

/** Where an agreement stands, from its parties' consents. */
export enum SchoolAgreementStatus {
  PROPOSED = "PROPOSED",
  IN_FORCE = "IN_FORCE",
  FAILED = "FAILED",
}

registerEnumType(SchoolAgreementKind, {
  name: "SchoolAgreementKind",
  description: "What schools share under an agreement.",
  valuesConfig: {
    SHARED_STAFF: { description: "Staff shared by several schools, e.g. a counselor: each school's share is a fraction of a full-time position." },
    JOINT_PURCHASING: { description: "Goods or services bought together at a discount: each school's share is a cost." },
  },
});
registerEnumType(SchoolAgreementConsent, {
  name: "SchoolAgreementConsent",
  description: "A school's answer to an agreement: PENDING until its own staff accept or decline.",
  valuesConfig: {
    PENDING: { description: "Asked; the school has not answered yet." },
    ACCEPTED: { description: "The school's staff accepted: the school is in the agreement (final)." },
    DECLINED: { description: "The school's staff declined: the school is not in it and no longer sees it (final)." },
  },
});
registerEnumType(SchoolAgreementStatus, {
  name: "SchoolAgreementStatus",
  description: "PROPOSED while a school has not answered; then IN_FORCE when at least two schools accepted, otherwise FAILED.",
  valuesConfig: {
    PROPOSED: { description: "At least one school has not answered yet." },
    IN_FORCE: { description: "Every school answered and at least two accepted." },
    FAILED: { description: "Every school answered and fewer than two accepted." },
  },
});
