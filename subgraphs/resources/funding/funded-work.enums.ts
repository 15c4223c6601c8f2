import { registerEnumType } from "type-graphql";

/** What a funding award can pay for. */
export enum FundedWorkKind {
  EVENT = "EVENT",
  MENTORSHIP = "MENTORSHIP",
  RESOURCE = "RESOURCE",
  AGREEMENT = "AGREEMENT",
}

registerEnumType(FundedWorkKind, {
  name: "FundedWorkKind",
  description: "What a funding award pays for.",
  valuesConfig: {
    EVENT: { description: "A professional-development event (development subgraph)." },
    MENTORSHIP: { description: "A mentorship between schools (development subgraph)." },
    RESOURCE: { description: "A resource: a curriculum, a program, technical assistance…" },
    AGREEMENT: { description: "Shared staff or a joint purchase between schools." },
  },
});
