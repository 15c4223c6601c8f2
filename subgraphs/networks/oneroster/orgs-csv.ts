import { parse } from "csv-parse/sync";
import { OneRosterErrorCode, OneRosterOrgType } from "./oneroster-enums";

/** The columns of OneRoster 1.2's `orgs.csv`, in the specification's order; each must be in the header. */
export const ORGS_COLUMNS = ["sourcedId", "status", "dateLastModified", "name", "type", "identifier", "parentSourcedId"] as const;
type Column = (typeof ORGS_COLUMNS)[number];

/** One data row of the file, checked on its own and against the other rows. */
export interface OrgRow {
  /** The record's number counting the header as row 1: the row a spreadsheet shows. */
  row: number;
  sourcedId: string;
  toBeDeleted: boolean;
  name: string;
  type: OneRosterOrgType;
  /** A school's 12-digit NCES id; null when blank (and on rows of other types, where the hub does not read it). */
  ncesId: string | null;
  parentSourcedId: string | null;
}

export interface RowError {
  row: number;
  column: string | null;
  code: OneRosterErrorCode;
  message: string;
}

const NCES_ID = /^\d{12}$/;
// ISO 8601 date-time as the specification gives it (e.g. 2024-08-15T14:03:00.000Z)
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const TYPES = new Set<string>(Object.values(OneRosterOrgType));
const MAX_ID_LENGTH = 256;

/**
 * Reads an `orgs.csv` (RFC 4180 as the binding requires: a header row, fields quoted with double quotes,
 * a UTF-8 byte-order mark tolerated) into rows, or every problem found in it. Rows are checked one by one
 * and then against each other (duplicate ids, parents named but absent); nothing here reads the database.
 */
export function readOrgsCsv(text: string): { rows: OrgRow[]; count: number; errors: RowError[] } {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: false });
  } catch (error) {
    const { lines, message } = error as { lines?: number; message: string };
    return { rows: [], count: 0, errors: [{ row: lines ?? 1, column: null, code: OneRosterErrorCode.MALFORMED_CSV, message: `The file is not valid CSV: ${message}` }] };
  }
  const [header = [], ...data] = records;
  const position = new Map(header.map((name, index) => [name.trim(), index]));
  const missing = ORGS_COLUMNS.filter((column) => !position.has(column));
  if (missing.length > 0) {
    return { rows: [], count: data.length, errors: missing.map((column) => ({ row: 1, column, code: OneRosterErrorCode.MISSING_COLUMN, message: `The header has no ${column} column` })) };
  }
  const errors: RowError[] = [];
  const rows: OrgRow[] = [];
  data.forEach((fields, index) => {
    const row = index + 2;
    if (fields.length !== header.length) {
      errors.push({ row, column: null, code: OneRosterErrorCode.WRONG_FIELD_COUNT, message: `The row has ${fields.length} fields, the header ${header.length}` });
      return;
    }
    const value = (column: Column) => fields[position.get(column)!].trim();
    const problems: RowError[] = [];
    const problem = (column: Column, code: OneRosterErrorCode, message: string) => problems.push({ row, column, code, message });

    const sourcedId = value("sourcedId");
    if (!sourcedId) problem("sourcedId", OneRosterErrorCode.REQUIRED, "sourcedId is required");
    else if (sourcedId.length > MAX_ID_LENGTH) problem("sourcedId", OneRosterErrorCode.TOO_LONG, `sourcedId is longer than ${MAX_ID_LENGTH} characters`);
    const status = value("status");
    if (status && status !== "active" && status !== "tobedeleted") problem("status", OneRosterErrorCode.INVALID_VALUE, `status must be blank, active or tobedeleted, not "${status}"`);
    const modified = value("dateLastModified");
    if (modified && (!DATE_TIME.test(modified) || Number.isNaN(Date.parse(modified)))) {
      problem("dateLastModified", OneRosterErrorCode.INVALID_VALUE, `dateLastModified must be blank or an ISO 8601 date-time, not "${modified}"`);
    }
    const name = value("name");
    if (name.length < 2 || name.length > 200) problem("name", name ? OneRosterErrorCode.INVALID_VALUE : OneRosterErrorCode.REQUIRED, "name must be 2 to 200 characters");
    const type = value("type");
    if (!TYPES.has(type)) problem("type", type ? OneRosterErrorCode.INVALID_VALUE : OneRosterErrorCode.REQUIRED, `type must be one of ${[...TYPES].join(", ")}, not "${type}"`);
    const identifier = value("identifier");
    if (type === OneRosterOrgType.school && identifier && !NCES_ID.test(identifier)) {
      problem("identifier", OneRosterErrorCode.INVALID_NCES_ID, `A school's identifier must be blank or its 12-digit NCES school id, not "${identifier}"`);
    }
    const parentSourcedId = value("parentSourcedId");
    if (parentSourcedId && parentSourcedId === sourcedId) problem("parentSourcedId", OneRosterErrorCode.INVALID_VALUE, "An org cannot be its own parent");

    if (problems.length > 0) errors.push(...problems);
    else {
      rows.push({
        row,
        sourcedId,
        toBeDeleted: status === "tobedeleted",
        name,
        type: type as OneRosterOrgType,
        ncesId: type === OneRosterOrgType.school && identifier ? identifier : null,
        parentSourcedId: parentSourcedId || null,
      });
    }
  });
  const whole = data.flatMap((fields, index) => (fields.length === header.length ? [{ row: index + 2, field: (column: Column) => fields[position.get(column)!].trim() }] : []));
  errors.push(...crossRowErrors(rows, whole.map(({ row, field }) => ({ row, sourcedId: field("sourcedId"), parentSourcedId: field("parentSourcedId") }))));
  return { rows, count: data.length, errors: errors.sort((x, y) => x.row - y.row) };
}

/**
 * Duplicate sourcedIds and parents that name no org of the file (a bulk file holds them all), on every row with
 * its fields, bad or not; duplicate NCES ids among good school rows.
 */
function crossRowErrors(rows: OrgRow[], references: Array<{ row: number; sourcedId: string; parentSourcedId: string }>): RowError[] {
  const errors: RowError[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, sourcedId } of references) {
    if (!sourcedId) continue;
    const earlier = firstRowOf.get(sourcedId);
    if (earlier) errors.push({ row, column: "sourcedId", code: OneRosterErrorCode.DUPLICATE_SOURCED_ID, message: `sourcedId ${sourcedId} is also on row ${earlier}` });
    else firstRowOf.set(sourcedId, row);
  }
  const firstRowOfNcesId = new Map<string, number>();
  for (const row of rows) {
    if (!row.ncesId) continue;
    const earlier = firstRowOfNcesId.get(row.ncesId);
    if (earlier) errors.push({ row: row.row, column: "identifier", code: OneRosterErrorCode.DUPLICATE_IDENTIFIER, message: `NCES id ${row.ncesId} is also on row ${earlier}` });
    else firstRowOfNcesId.set(row.ncesId, row.row);
  }
  for (const { row, parentSourcedId } of references) {
    if (parentSourcedId && !firstRowOf.has(parentSourcedId)) {
      errors.push({ row, column: "parentSourcedId", code: OneRosterErrorCode.UNKNOWN_PARENT, message: `No org of the file has sourcedId ${parentSourcedId}` });
    }
  }
  return errors;
}
