import { actsForSchool, BadUserInputError, ConflictError, isDuplicateKeyError, newId, NotFoundError, toEntity, type Access, type Entity } from "../../kit";
import type { NetworksAuthorization } from "../authorization";
import { Governance, SchoolLevel } from "../enums";
import type { MembershipParties, PartyLoaders } from "../membership/membership-parties";
import type { MembershipService } from "../membership/membership.service";
import type { NetworksRepositories } from "../repositories";
import type { SchoolDocument } from "../school/school.repository";
import { stateOfNcesId } from "./nces-states";
import type { OneRosterImport, OneRosterRowResult } from "./oneroster";
import { OneRosterErrorCode, OneRosterImportOutcome, OneRosterMatch, OneRosterMembershipAction, OneRosterOrgType, OneRosterRowAction } from "./oneroster-enums";
import type { OneRosterLinkDocument } from "./oneroster-link.repository";
import type { ImportOneRosterOrgsInput } from "./oneroster.inputs";
import { readOrgsCsv, type OrgRow, type RowError } from "./orgs-csv";

export interface OneRosterSettings {
  /** The most data rows one file may have (HUB_ONEROSTER_MAX_ROWS). */
  maxRows: number;
}

/** Under the 1 MB request body the gateway and the subgraphs accept, with room for JSON's escapes. */
export const MAX_CSV_BYTES = 900_000;

type SchoolFields = Pick<SchoolDocument, "name" | "ncesId" | "district">;
type Network = { id: string; name: string; organizationId: string };

/** One row's part of the plan: what to write for it, and what the report says about it. */
interface PlannedRow {
  result: OneRosterRowResult;
  newSchool?: SchoolDocument;
  link?: OneRosterLinkDocument;
  update?: { school: Entity<SchoolDocument>; changes: Partial<SchoolFields> };
  propose?: { school: { id: string; name: string }; acceptAtOnce: boolean };
}

const SKIP_REASONS = {
  TO_BE_DELETED: "status is tobedeleted: an import never archives a school or ends a membership (archiveSchool and endMembership do, by their keepers)",
  ARCHIVED: "the school is archived in the hub",
  TYPE: (type: string) => `type ${type}: the hub imports schools, and districts as their schools' district`,
} as const;

/**
 * OneRoster `orgs.csv` into a network: the network's managers register the file's new schools under their
 * organization and propose memberships, as `createSchool` and `proposeMembership` would; schools of the hub are
 * matched by the organization's own sourcedIds, then by NCES id, and changed only where the caller keeps them.
 * Nothing else about them moves: a school found by its NCES id stays its keepers', and answers the proposal itself.
 * All or nothing: a bad row refuses the file, and a write that fails undoes what the import wrote before it.
 */
export class OneRosterImportService {
  constructor(
    private readonly repos: NetworksRepositories,
    private readonly authorization: NetworksAuthorization,
    private readonly memberships: MembershipService,
    private readonly settings: OneRosterSettings,
  ) {}

  async importOrgs(access: Access, parties: MembershipParties, loaders: PartyLoaders, input: ImportOneRosterOrgsInput): Promise<OneRosterImport> {
    this.authorization.assertCanWrite(access);
    const found = await this.repos.networks.findById(input.networkId);
    if (!found) throw new NotFoundError("Network", input.networkId);
    this.authorization.assertManagesNetwork(access, found.id);
    if (found.archivedAt) throw new BadUserInputError(`Network ${found.name} is archived`, "input.networkId");
    const network: Network = { id: found.id, name: found.name, organizationId: found.organizationId };
    const bytes = Buffer.byteLength(input.csv, "utf8");
    if (bytes > MAX_CSV_BYTES) throw new BadUserInputError(`The file has ${bytes} bytes; an import takes at most ${MAX_CSV_BYTES} (split it by district)`, "input.csv");

    const { rows, count, errors } = readOrgsCsv(input.csv);
    if (count > this.settings.maxRows) throw new BadUserInputError(`The file has ${count} rows; an import takes at most ${this.settings.maxRows} (HUB_ONEROSTER_MAX_ROWS)`, "input.csv");
    if (errors.length > 0) return report(network, input.dryRun, count, [], errors, false);
    const plan = await this.plan(access, parties, loaders, network, rows);
    if (plan.errors.length > 0) return report(network, input.dryRun, count, [], plan.errors, false);
    const changes = plan.rows.some((row) => row.newSchool || row.link || row.update || row.propose);
    if (input.dryRun || !changes) return report(network, input.dryRun, count, plan.rows, [], false);
    await this.apply(access, network, plan.rows);
    return report(network, false, count, plan.rows, [], true);
  }

  /** Reads what the rows meet in the hub (in a few queries, whatever the file's size) and decides each row. */
  private async plan(access: Access, parties: MembershipParties, loaders: PartyLoaders, network: Network, rows: OrgRow[]) {
    const { repos } = this;
    const byType = (type: OneRosterOrgType) => rows.filter((row) => row.type === type);
    const districtNames = new Map(byType(OneRosterOrgType.district).map((row) => [row.sourcedId, row.name]));
    const schoolRows = byType(OneRosterOrgType.school).filter((row) => !row.toBeDeleted);
    const links = new Map((await repos.oneRosterLinks.findForSourcedIds(network.organizationId, schoolRows.map((row) => row.sourcedId))).map((link) => [link.sourcedId, link]));
    const ncesIds = schoolRows.flatMap((row) => (row.ncesId ? [row.ncesId] : []));
    const [linkedSchools, schoolsWithNcesIds] = await Promise.all([repos.schools.findByIds([...links.values()].map((link) => link.schoolId)), repos.schools.findByNcesIds(ncesIds)]);
    const schoolById = new Map(linkedSchools.map((school) => [school.id, school]));
    const schoolByNcesId = new Map(schoolsWithNcesIds.map((school) => [school.ncesId!, school]));
    const matched = [...linkedSchools, ...schoolsWithNcesIds];
    matched.forEach((school) => loaders.schoolById.prime(school.id, school));
    // every school's memberships in one query, which `forSchool` then reads again from the loader
    const membershipsOf = new Map(await Promise.all(matched.map(async ({ id }) => [id, await loaders.membershipsBySchool.load(id)] as const)));
    const speaksFor = new Map(await Promise.all(matched.map(async ({ id }) => [id, await parties.forSchool(id)] as const)));

    const errors: RowError[] = [];
    const planned: PlannedRow[] = [];
    const rowOfSchool = new Map<string, number>();
    for (const row of rows) {
      const result: OneRosterRowResult = {
        row: row.row,
        sourcedId: row.sourcedId,
        type: row.type,
        name: row.name,
        action: OneRosterRowAction.SKIP,
        matchedBy: null,
        linked: false,
        changedFields: [],
        membership: OneRosterMembershipAction.NONE,
        school: null,
        reason: null,
      };
      if (row.type === OneRosterOrgType.district) planned.push({ result: { ...result, action: OneRosterRowAction.DISTRICT } });
      else if (row.type !== OneRosterOrgType.school) planned.push({ result: { ...result, reason: SKIP_REASONS.TYPE(row.type) } });
      else if (row.toBeDeleted) planned.push({ result: { ...result, reason: SKIP_REASONS.TO_BE_DELETED } });
      else {
        const district = (row.parentSourcedId && districtNames.get(row.parentSourcedId)) || null;
        const link = links.get(row.sourcedId);
        const school = (link && schoolById.get(link.schoolId)) || (row.ncesId ? schoolByNcesId.get(row.ncesId) : undefined);
        if (!school) {
          planned.push(this.creation(access, network, row, district, result));
          continue;
        }
        const earlier = rowOfSchool.get(school.id);
        if (earlier) {
          errors.push({ row: row.row, column: "sourcedId", code: OneRosterErrorCode.DUPLICATE_SCHOOL, message: `Row ${earlier} matches the same school, ${school.name}` });
          continue;
        }
        rowOfSchool.set(school.id, row.row);
        const holder = row.ncesId ? schoolByNcesId.get(row.ncesId) : undefined;
        if (holder && holder.id !== school.id) {
          errors.push({ row: row.row, column: "identifier", code: OneRosterErrorCode.NCES_ID_TAKEN, message: `NCES id ${row.ncesId} is another school's (${holder.name}), not ${school.name}'s` });
          continue;
        }
        planned.push(this.match(access, network, row, district, school, !link, membershipsOf.get(school.id) ?? [], speaksFor.get(school.id) ?? false, result));
      }
    }
    return { rows: planned, errors };
  }

  /** A school the hub does not have: registered by the caller's organization, as `createSchool` does, with what the file knows. */
  private creation(access: Access, network: Network, row: OrgRow, district: string | null, result: OneRosterRowResult): PlannedRow {
    const now = new Date();
    const schoolId = newId();
    const newSchool: SchoolDocument = {
      _id: schoolId,
      name: row.name,
      // left out when absent, so the sparse unique index ignores the school
      ...(row.ncesId ? { ncesId: row.ncesId } : {}),
      level: SchoolLevel.OTHER,
      lowestGrade: null,
      highestGrade: null,
      locale: null,
      location: { country: "US", region: row.ncesId ? stateOfNcesId(row.ncesId) : null },
      governance: Governance.DISTRICT,
      district,
      registeredByOrganizationId: access.organizationId,
      createdAt: now,
      updatedAt: now,
      archivedAt: null,
    };
    // the caller answers for a school their organization registered while it is in no network: its admins (`MembershipParties.forSchool`)
    const acceptAtOnce = access.organizationAdmin && access.organizationId !== null;
    return {
      result: { ...result, action: OneRosterRowAction.CREATE, linked: true, membership: acceptAtOnce ? OneRosterMembershipAction.PROPOSE_AND_ACCEPT : OneRosterMembershipAction.PROPOSE },
      newSchool,
      link: linkOf(network, row, schoolId),
      propose: { school: { id: schoolId, name: row.name }, acceptAtOnce },
    };
  }

  /** A school of the hub: changed where the file differs and the caller keeps it, proposed to the network unless the pair has a history. */
  private match(
    access: Access,
    network: Network,
    row: OrgRow,
    district: string | null,
    school: Entity<SchoolDocument>,
    newLink: boolean,
    memberships: Array<{ networkId: string; status: string; openKey?: string }>,
    acceptAtOnce: boolean,
    result: OneRosterRowResult,
  ): PlannedRow {
    const planned: PlannedRow = { result: { ...result, matchedBy: newLink ? OneRosterMatch.NCES_ID : OneRosterMatch.SOURCED_ID, linked: newLink, school } };
    if (newLink) planned.link = linkOf(network, row, school.id);
    if (school.archivedAt) return { result: { ...planned.result, linked: false, reason: SKIP_REASONS.ARCHIVED } };

    // the file sets values and never clears one: a blank identifier or parent says nothing about the school
    const changes: Partial<SchoolFields> = {};
    if (row.name !== school.name) changes.name = row.name;
    if (row.ncesId && row.ncesId !== school.ncesId) changes.ncesId = row.ncesId;
    if (district && district !== school.district) changes.district = district;
    const changedFields = Object.keys(changes);
    if (changedFields.length === 0) planned.result.action = OneRosterRowAction.UNCHANGED;
    else if (actsForSchool(access, school.id)) {
      planned.update = { school, changes };
      Object.assign(planned.result, { action: OneRosterRowAction.UPDATE, changedFields });
    } else {
      Object.assign(planned.result, { action: OneRosterRowAction.KEPT, changedFields, reason: "the school's record is its keepers' (its staff, its networks' managers): the file's values are not applied" });
    }

    const pair = memberships.filter((membership) => membership.networkId === network.id);
    const open = pair.find((membership) => membership.openKey);
    if (open) planned.result.membership = open.status === "ACCEPTED" ? OneRosterMembershipAction.ALREADY_MEMBER : OneRosterMembershipAction.ALREADY_PENDING;
    else if (pair.length > 0) planned.result.membership = OneRosterMembershipAction.CLOSED_BEFORE;
    else {
      planned.result.membership = acceptAtOnce ? OneRosterMembershipAction.PROPOSE_AND_ACCEPT : OneRosterMembershipAction.PROPOSE;
      planned.propose = { school: { id: school.id, name: changes.name ?? school.name }, acceptAtOnce };
    }
    return planned;
  }

  /**
   * Links first (their unique key stops a second import of the same rows running at the same time), then schools,
   * changes guarded by the values read, memberships. The database has no transactions here: when a write fails, what
   * this import wrote before it is undone, and the caller gets CONFLICT with nothing applied.
   */
  private async apply(access: Access, network: Network, rows: PlannedRow[]): Promise<void> {
    const { repos } = this;
    const links = rows.flatMap((row) => (row.link ? [row.link] : []));
    const schools = rows.flatMap((row) => (row.newSchool ? [row.newSchool] : []));
    const applied: Array<{ school: Entity<SchoolDocument>; changes: Partial<SchoolFields> }> = [];
    try {
      await repos.oneRosterLinks.insertMany(links);
      await repos.schools.insertMany(schools);
      for (const row of rows) {
        if (!row.update) continue;
        const { school, changes } = row.update;
        const expected = Object.fromEntries(Object.keys(changes).map((field) => [field, school[field as keyof SchoolFields] ?? null]));
        const updated = await repos.schools.updateIfUnchanged(school.id, expected, changes);
        if (!updated) throw new ConflictError(`${school.name} changed while the file was imported: nothing was applied; run the import again`);
        applied.push(row.update);
        if (changes.name) await repos.memberships.renameSchool(school.id, changes.name);
        row.result.school = updated;
      }
      const proposals = rows.flatMap((row) => (row.propose ? [row.propose] : []));
      await this.memberships.proposeMany(access, network, proposals, "Proposed by a OneRoster import of the network's managers");
    } catch (error) {
      await this.undo(links, schools, applied);
      if (isDuplicateKeyError(error)) throw new ConflictError("The hub changed while the file was imported (another import, or a school registered with one of its NCES ids): nothing was applied; run the import again");
      throw error;
    }
    for (const row of rows) if (row.newSchool) row.result.school = toEntity(row.newSchool);
  }

  private async undo(links: OneRosterLinkDocument[], schools: SchoolDocument[], applied: Array<{ school: Entity<SchoolDocument>; changes: Partial<SchoolFields> }>) {
    const { repos } = this;
    for (const { school, changes } of applied) {
      const previous = Object.fromEntries(Object.keys(changes).map((field) => [field, school[field as keyof SchoolFields] ?? null]));
      await repos.schools.restore(school.id, { ...previous, updatedAt: school.updatedAt });
      if (changes.name) await repos.memberships.renameSchool(school.id, school.name);
    }
    await repos.schools.undoInserts(schools.map((school) => school._id));
    await repos.oneRosterLinks.deleteByIds(links.map((link) => link._id));
  }
}

function linkOf(network: Network, row: OrgRow, schoolId: string): OneRosterLinkDocument {
  return { _id: newId(), organizationId: network.organizationId, sourcedId: row.sourcedId, schoolId, createdAt: new Date() };
}

function report(network: Network, dryRun: boolean, count: number, rows: PlannedRow[], errors: RowError[], applied: boolean): OneRosterImport {
  const results = rows.map((row) => row.result);
  const actions = (action: OneRosterRowAction) => results.filter((result) => result.action === action).length;
  const memberships = (action: OneRosterMembershipAction) => results.filter((result) => result.membership === action).length;
  const changes = rows.some((row) => row.newSchool || row.link || row.update || row.propose);
  return {
    networkId: network.id,
    organizationId: network.organizationId,
    dryRun,
    applied,
    outcome: errors.length > 0 ? OneRosterImportOutcome.REFUSED : changes ? OneRosterImportOutcome.CHANGES : OneRosterImportOutcome.NO_CHANGES,
    summary: {
      rows: count,
      created: actions(OneRosterRowAction.CREATE),
      updated: actions(OneRosterRowAction.UPDATE),
      unchanged: actions(OneRosterRowAction.UNCHANGED),
      kept: actions(OneRosterRowAction.KEPT),
      districts: actions(OneRosterRowAction.DISTRICT),
      skipped: actions(OneRosterRowAction.SKIP),
      linked: results.filter((result) => result.linked).length,
      membershipsProposed: memberships(OneRosterMembershipAction.PROPOSE),
      membershipsAccepted: memberships(OneRosterMembershipAction.PROPOSE_AND_ACCEPT),
    },
    rows: results,
    errors,
  };
}
