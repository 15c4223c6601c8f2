import type { Document, Filter, IndexDescription } from "mongodb";
import { SecuredRepository, toEntity, type Access, type SortKeys, type StoredDocument, type Visibility } from "../../kit";
import { agreementPolicy } from "../policies";
import type { StoredParty } from "./school-agreement";
import { SchoolAgreementConsent, type SchoolAgreementKind } from "./school-agreement.enums";
import type { SchoolAgreementFilterArgs, SchoolAgreementsArgs } from "./school-agreement.inputs";

export interface SchoolAgreementDocument extends StoredDocument {
  /** The proposing school; no network, so no network's coordinators read it. */
  owner: { networkId: null; schoolId: string };
  /** Always PRIVATE: read by the proposing school and `readerSchoolIds` only. */
  visibility: Visibility;
  kind: SchoolAgreementKind;
  title: string;
  description?: string | null;
  startDate: string;
  endDate?: string | null;
  parties: StoredParty[];
  /** Schools PENDING or ACCEPTED: their staff read the agreement (a school that declined no longer does). */
  readerSchoolIds: string[];
  /** Schools ACCEPTED: the schools in the agreement. */
  memberSchoolIds: string[];
  createdAt: Date;
  updatedAt: Date;
}

/** The only answers a school can give: to a consent, from the one consent it may come from. */
export const SCHOOL_AGREEMENT_CONSENT_TRANSITIONS: Partial<Record<SchoolAgreementConsent, SchoolAgreementConsent>> = {
  [SchoolAgreementConsent.ACCEPTED]: SchoolAgreementConsent.PENDING,
  [SchoolAgreementConsent.DECLINED]: SchoolAgreementConsent.PENDING,
};

const AGREEMENT_ORDER: SortKeys = [["startDate", -1]];

/** Which list of schools a query groups by: the schools in it, or also those still asked. */
const schoolsField = (args: SchoolAgreementFilterArgs) => (args.includeProposals ? "readerSchoolIds" : "memberSchoolIds");

function filterFor(args: SchoolAgreementFilterArgs): Document {
  return args.kind ? { kind: args.kind } : {};
}

export class SchoolAgreementRepository extends SecuredRepository<SchoolAgreementDocument> {
  readonly policy = agreementPolicy;
  readonly collectionName = "agreements";
  readonly indexes: IndexDescription[] = [
    { key: { memberSchoolIds: 1, startDate: -1 } },
    { key: { readerSchoolIds: 1, startDate: -1 } },
    { key: { "owner.schoolId": 1, startDate: -1 } },
  ];

  /** Agreements `access` may read, of one school (or of the caller's own schools), newest first. */
  list(access: Access, args: SchoolAgreementsArgs) {
    const schools = args.schoolId ? args.schoolId : { $in: access.schoolIds };
    const filter = { ...filterFor(args), [schoolsField(args)]: schools };
    return this.pageReadable(access, filter as Filter<SchoolAgreementDocument>, AGREEMENT_ORDER, args);
  }

  /** One page per school of the agreements it is in (or asked to join) that `access` may read. */
  pagesForSchools(access: Access, schoolIds: readonly string[], args: SchoolAgreementFilterArgs) {
    return this.pagesByGroupReadable(access, schoolsField(args), schoolIds, filterFor(args) as Filter<SchoolAgreementDocument>, AGREEMENT_ORDER, args);
  }

  /**
   * Records a party's answer if, at this moment, its consent is the one `to` may come from (an atomic guard:
   * of two answers at once, one applies). Null when the school is not a party in that state. The party's
   * share never changes, so its element is rewritten whole.
   */
  async transition(id: string, party: StoredParty, to: SchoolAgreementConsent, note: string | null) {
    const from = SCHOOL_AGREEMENT_CONSENT_TRANSITIONS[to];
    if (!from) return null;
    const at = new Date();
    const { schoolId } = party;
    const answered: StoredParty = { ...party, consent: to, answeredAt: at, note };
    const doc = await this.collection.findOneAndUpdate(
      { _id: id, parties: { $elemMatch: { schoolId, consent: from } } },
      {
        $set: { "parties.$": answered, updatedAt: at },
        ...(to === SchoolAgreementConsent.ACCEPTED ? { $addToSet: { memberSchoolIds: schoolId } } : { $pull: { readerSchoolIds: schoolId } }),
      } as Document,
      { returnDocument: "after" },
    );
    return doc ? toEntity(doc) : null;
  }
}
