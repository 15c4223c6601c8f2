import type { Document, Filter, IndexDescription } from "mongodb";
import { SecuredRepository, toEntity, type Access, type SortKeys, type StoredDocument, type Visibility } from "../../kit";
import { agreementPolicy } from "../policies";
import type { StoredParty } from "./agreement";
import { AgreementConsent, type AgreementKind } from "./agreement.enums";
import type { AgreementFilterArgs, AgreementsArgs } from "./agreement.inputs";

export interface AgreementDocument extends StoredDocument {
  /** The proposing school; no network, so no network's coordinators read it. */
  owner: { networkId: null; schoolId: string };
  /** Always PRIVATE: read by the proposing school and `readerSchoolIds` only. */
  visibility: Visibility;
  kind: AgreementKind;
  title: string;
  description?: string | null;
  startDate: string;
  endDate?: string | null;
  parties: StoredParty[];
  /** Schools PROPOSED or ACCEPTED: their staff read the agreement (a school that declined no longer does). */
  readerSchoolIds: string[];
  /** Schools ACCEPTED: the schools in the agreement. */
  memberSchoolIds: string[];
  createdAt: Date;
  updatedAt: Date;
}

/** The only answers a school can give: to a consent, from the one consent it may come from. */
export const AGREEMENT_CONSENT_TRANSITIONS: Partial<Record<AgreementConsent, AgreementConsent>> = {
  [AgreementConsent.ACCEPTED]: AgreementConsent.PROPOSED,
  [AgreementConsent.DECLINED]: AgreementConsent.PROPOSED,
};

const AGREEMENT_ORDER: SortKeys = [["startDate", -1]];

/** Which list of schools a query groups by: the schools in it, or also those still asked. */
const schoolsField = (args: AgreementFilterArgs) => (args.includeProposals ? "readerSchoolIds" : "memberSchoolIds");

function filterFor(args: AgreementFilterArgs): Document {
  return args.kind ? { kind: args.kind } : {};
}

export class AgreementRepository extends SecuredRepository<AgreementDocument> {
  readonly policy = agreementPolicy;
  readonly collectionName = "agreements";
  readonly indexes: IndexDescription[] = [
    { key: { memberSchoolIds: 1, startDate: -1 } },
    { key: { readerSchoolIds: 1, startDate: -1 } },
    { key: { "owner.schoolId": 1, startDate: -1 } },
  ];

  /** Agreements `access` may read, of one school (or of the caller's own schools), newest first. */
  list(access: Access, args: AgreementsArgs) {
    const schools = args.schoolId ? args.schoolId : { $in: access.schoolIds };
    const filter = { ...filterFor(args), [schoolsField(args)]: schools };
    return this.pageReadable(access, filter as Filter<AgreementDocument>, AGREEMENT_ORDER, args);
  }

  /** One page per school of the agreements it is in (or asked to join) that `access` may read. */
  pagesForSchools(access: Access, schoolIds: readonly string[], args: AgreementFilterArgs) {
    return this.pagesByGroupReadable(access, schoolsField(args), schoolIds, filterFor(args) as Filter<AgreementDocument>, AGREEMENT_ORDER, args);
  }

  /**
   * Records a party's answer if, at this moment, its consent is the one `to` may come from (an atomic guard:
   * of two answers at once, one applies). Null when the school is not a party in that state. The party's
   * share never changes, so its element is rewritten whole.
   */
  async transition(id: string, party: StoredParty, to: AgreementConsent, note: string | null) {
    const from = AGREEMENT_CONSENT_TRANSITIONS[to];
    if (!from) return null;
    const at = new Date();
    const { schoolId } = party;
    const answered: StoredParty = { ...party, consent: to, answeredAt: at, note };
    const doc = await this.collection.findOneAndUpdate(
      { _id: id, parties: { $elemMatch: { schoolId, consent: from } } },
      {
        $set: { "parties.$": answered, updatedAt: at },
        ...(to === AgreementConsent.ACCEPTED ? { $addToSet: { memberSchoolIds: schoolId } } : { $pull: { readerSchoolIds: schoolId } }),
      } as Document,
      { returnDocument: "after" },
    );
    return doc ? toEntity(doc) : null;
  }
}
