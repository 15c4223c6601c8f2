import { registerEnumType } from "type-graphql";

/** Who may see a record, from narrowest to widest. */
export enum Visibility {
  PRIVATE = "PRIVATE",
  NETWORK = "NETWORK",
  ALLIANCE = "ALLIANCE",
  PUBLIC = "PUBLIC",
}

registerEnumType(Visibility, {
  name: "Visibility",
  description: "Who may see a record.",
  valuesConfig: {
    PRIVATE: { description: "Only the owner (its school, network or organization)." },
    NETWORK: { description: "The owner and the members of the owning network(s)." },
    ALLIANCE: { description: "Also the networks allied with the owner, for the kinds of data the alliance agreement shares." },
    PUBLIC: { description: "Everyone, including anonymous callers." },
  },
});
