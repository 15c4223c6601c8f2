import { Field, Int, ObjectType } from "type-graphql";
import { School } from "../school/school";
import { OneRosterErrorCode, OneRosterImportOutcome, OneRosterMatch, OneRosterMembershipAction, OneRosterRowAction } from "./oneroster-enums";

@ObjectType({ description: "What an import did, or would do, with one row of `orgs.csv`." })
export class OneRosterRowResult {
  @Field(() => Int, { description: "The row's number, the header being row 1 (as a spreadsheet shows it)." })
  row: number;

  @Field({ description: "The row's sourcedId." })
  sourcedId: string;

  @Field({ description: "The row's type, as in the file (school, district, …)." })
  type: string;

  @Field({ description: "The row's name." })
  name: string;

  @Field(() => OneRosterRowAction, { description: "What happens to the row." })
  action: OneRosterRowAction;

  @Field(() => OneRosterMatch, { nullable: true, description: "How the row found an existing school; null when none was found (CREATE) or for rows that are no school." })
  matchedBy: OneRosterMatch | null;

  @Field({ description: "True when the row's sourcedId is linked to its school by this import (a new school, or one found by its NCES id)." })
  linked: boolean;

  @Field(() => [String], { description: "The school's fields the file changes (UPDATE) or would change but may not (KEPT): `name`, `ncesId`, `district`." })
  changedFields: string[];

  @Field(() => OneRosterMembershipAction, { description: "What becomes of the school's membership of the network." })
  membership: OneRosterMembershipAction;

  @Field(() => School, { nullable: true, description: "The school as the import leaves it (in a dry run, as it is now); null in a dry run for a school to be created, and for rows that are no school." })
  school: School | null;

  @Field(() => String, { nullable: true, description: "Why a row is SKIP or KEPT." })
  reason: string | null;
}

@ObjectType({ description: "A problem with one row (or with the header, row 1): the whole file is refused until it is fixed." })
export class OneRosterRowError {
  @Field(() => Int, { description: "The row's number, the header being row 1." })
  row: number;

  @Field(() => String, { nullable: true, description: "The column at fault; null when the whole row (or file) is." })
  column: string | null;

  @Field(() => OneRosterErrorCode, { description: "What is wrong." })
  code: OneRosterErrorCode;

  @Field({ description: "What is wrong, for a person." })
  message: string;
}

@ObjectType({ description: "How many rows the import changes, or would change, in each way." })
export class OneRosterImportSummary {
  @Field(() => Int, { description: "Data rows in the file." })
  rows: number;

  @Field(() => Int, { description: "Schools registered." })
  created: number;

  @Field(() => Int, { description: "Schools whose record changes." })
  updated: number;

  @Field(() => Int, { description: "Schools matched that already had the file's values." })
  unchanged: number;

  @Field(() => Int, { description: "Schools matched whose record differs from the file but is not the caller's to edit." })
  kept: number;

  @Field(() => Int, { description: "District rows (their names go to their schools)." })
  districts: number;

  @Field(() => Int, { description: "Rows nothing is imported from." })
  skipped: number;

  @Field(() => Int, { description: "sourcedIds newly linked to a school." })
  linked: number;

  @Field(() => Int, { description: "Memberships proposed and waiting for the school's side (PENDING)." })
  membershipsProposed: number;

  @Field(() => Int, { description: "Memberships proposed and accepted at once, the caller answering for the school too." })
  membershipsAccepted: number;
}

@ObjectType({
  description:
    "The report of a OneRoster `orgs.csv` import into a network: what changed (or, in a dry run, would change), row by row, or every bad row and nothing applied.",
})
export class OneRosterImport {
  /** The network imported into: the audit log files the import under it. */
  networkId: string;

  /** The network's organization, whose sourcedIds the file's are. */
  organizationId: string;

  @Field({ description: "True when nothing was written because the caller asked for a dry run." })
  dryRun: boolean;

  @Field({ description: "True when the changes were written (not a dry run, no bad rows, something to change)." })
  applied: boolean;

  @Field(() => OneRosterImportOutcome, { description: "Changes, no changes, or refused for bad rows." })
  outcome: OneRosterImportOutcome;

  @Field(() => OneRosterImportSummary, { description: "Counts by kind of change." })
  summary: OneRosterImportSummary;

  @Field(() => [OneRosterRowResult], { description: "Every row and what happens to it, in file order (empty when refused). Bounded by the row limit: the answer to this request, not a stored list." })
  rows: OneRosterRowResult[];

  @Field(() => [OneRosterRowError], { description: "Every problem found, by row (empty unless REFUSED)." })
  errors: OneRosterRowError[];
}
