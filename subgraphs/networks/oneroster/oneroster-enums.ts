import { registerEnumType } from "type-graphql";

/** OneRoster 1.2's org types, spelled as in the file. */
export enum OneRosterOrgType {
  school = "school",
  district = "district",
  department = "department",
  local = "local",
  state = "state",
  national = "national",
}

/** What an import does, or would do, with one row. */
export enum OneRosterRowAction {
  CREATE = "CREATE",
  UPDATE = "UPDATE",
  UNCHANGED = "UNCHANGED",
  KEPT = "KEPT",
  DISTRICT = "DISTRICT",
  SKIP = "SKIP",
}

/** How a school row found its school. */
export enum OneRosterMatch {
  SOURCED_ID = "SOURCED_ID",
  NCES_ID = "NCES_ID",
}

/** What becomes of the school's membership of the network. */
export enum OneRosterMembershipAction {
  PROPOSE = "PROPOSE",
  PROPOSE_AND_ACCEPT = "PROPOSE_AND_ACCEPT",
  ALREADY_PENDING = "ALREADY_PENDING",
  ALREADY_MEMBER = "ALREADY_MEMBER",
  CLOSED_BEFORE = "CLOSED_BEFORE",
  NONE = "NONE",
}

export enum OneRosterImportOutcome {
  CHANGES = "CHANGES",
  NO_CHANGES = "NO_CHANGES",
  REFUSED = "REFUSED",
}

/** Why a row is refused. */
export enum OneRosterErrorCode {
  MALFORMED_CSV = "MALFORMED_CSV",
  MISSING_COLUMN = "MISSING_COLUMN",
  WRONG_FIELD_COUNT = "WRONG_FIELD_COUNT",
  REQUIRED = "REQUIRED",
  TOO_LONG = "TOO_LONG",
  INVALID_VALUE = "INVALID_VALUE",
  INVALID_NCES_ID = "INVALID_NCES_ID",
  DUPLICATE_SOURCED_ID = "DUPLICATE_SOURCED_ID",
  DUPLICATE_IDENTIFIER = "DUPLICATE_IDENTIFIER",
  UNKNOWN_PARENT = "UNKNOWN_PARENT",
  NCES_ID_TAKEN = "NCES_ID_TAKEN",
  DUPLICATE_SCHOOL = "DUPLICATE_SCHOOL",
}

function values(descriptions: Record<string, string>) {
  return Object.fromEntries(Object.entries(descriptions).map(([value, description]) => [value, { description }]));
}

registerEnumType(OneRosterRowAction, {
  name: "OneRosterRowAction",
  description: "What an import does (or, in a dry run, would do) with one row of `orgs.csv`.",
  valuesConfig: values({
    CREATE: "A new school is registered by the caller's organization and linked to the row's sourcedId.",
    UPDATE: "The matched school's name, NCES id or district change to the file's (the caller keeps the school).",
    UNCHANGED: "The matched school already has the file's values.",
    KEPT: "The matched school's record differs from the file but is not the caller's to edit: it stays as it is; its keepers change it.",
    DISTRICT: "A district: not a school of the hub; its name becomes the `district` of the schools under it.",
    SKIP: "Nothing is imported from the row (`reason` says why): status tobedeleted, an archived school, or a type the hub does not hold.",
  }),
});
registerEnumType(OneRosterMatch, {
  name: "OneRosterMatch",
  description: "How a row found an existing school.",
  valuesConfig: values({
    SOURCED_ID: "By the row's sourcedId, linked to the school by an earlier import of the network's organization.",
    NCES_ID: "By its identifier, the school's NCES id; the sourcedId is linked to the school from now on.",
  }),
});
registerEnumType(OneRosterMembershipAction, {
  name: "OneRosterMembershipAction",
  description: "What becomes of the school's membership of the network: proposed as `proposeMembership` would, never imposed.",
  valuesConfig: values({
    PROPOSE: "A membership is proposed: PENDING until the school's side accepts it.",
    PROPOSE_AND_ACCEPT: "A membership is proposed and accepted at once: the caller also answers for the school (e.g. its organization registered it and it is in no network).",
    ALREADY_PENDING: "A proposal or request is already pending: nothing new.",
    ALREADY_MEMBER: "The school is already an accepted member.",
    CLOSED_BEFORE: "A membership of the pair was declined, withdrawn or ended: the import does not ask again (`proposeMembership` does).",
    NONE: "No membership: the row is not an imported school.",
  }),
});
registerEnumType(OneRosterImportOutcome, {
  name: "OneRosterImportOutcome",
  description: "What the import did, or in a dry run would do.",
  valuesConfig: values({
    CHANGES: "Records change: applied, unless it was a dry run.",
    NO_CHANGES: "The network already holds the file: nothing changes.",
    REFUSED: "Some rows are bad (`errors`): nothing is applied, also not the good rows.",
  }),
});
registerEnumType(OneRosterErrorCode, {
  name: "OneRosterErrorCode",
  description: "Why a row of `orgs.csv` is refused.",
  valuesConfig: values({
    MALFORMED_CSV: "The file is not RFC 4180 CSV (e.g. a quote left open); the row is where reading stopped.",
    MISSING_COLUMN: "The header lacks a column of the binding (sourcedId, status, dateLastModified, name, type, identifier, parentSourcedId).",
    WRONG_FIELD_COUNT: "The row has more or fewer fields than the header.",
    REQUIRED: "The column is blank but required.",
    TOO_LONG: "The value is longer than allowed.",
    INVALID_VALUE: "The value is not one the binding allows (status, dateLastModified, type, name's length, a parent that is the row itself).",
    INVALID_NCES_ID: "A school's identifier is neither blank nor a 12-digit NCES school id.",
    DUPLICATE_SOURCED_ID: "Another row of the file has the same sourcedId.",
    DUPLICATE_IDENTIFIER: "Another school row of the file has the same NCES id.",
    UNKNOWN_PARENT: "parentSourcedId names no org of the file.",
    NCES_ID_TAKEN: "The row's school would get an NCES id another school of the hub has.",
    DUPLICATE_SCHOOL: "Another row of the file matches the same school of the hub.",
  }),
});
