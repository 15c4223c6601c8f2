import { resolveAgreementReference } from "./agreement.reference";
import { AgreementPartyResolver, AgreementResolver, SchoolAgreementsResolver } from "./agreement.resolver";

/** What the agreement module adds to the resources subgraph's schema. */
export const agreementModule = {
  resolvers: [AgreementResolver, AgreementPartyResolver, SchoolAgreementsResolver],
  referenceResolvers: { Agreement: { __resolveReference: resolveAgreementReference } },
} as const;
