import { resolveAgreementReference } from "./school-agreement.reference";
import { SchoolAgreementPartyResolver, SchoolAgreementResolver, SchoolAgreementsFieldResolver } from "./school-agreement.resolver";

/** What the agreement module adds to the resources subgraph's schema. */
export const schoolAgreementModule = {
  resolvers: [SchoolAgreementResolver, SchoolAgreementPartyResolver, SchoolAgreementsFieldResolver],
  referenceResolvers: { SchoolAgreement: { __resolveReference: resolveAgreementReference } },
} as const;
