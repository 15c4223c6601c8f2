import { assertCanWrite, BadUserInputError, ConflictError, isDuplicateKeyError, newId, NotFoundError, openCursor, sealCursor, type Access, type Page } from "../../kit";
import { assertMayChange, assertMayWriteFor } from "../authorization";
import { NeedPriority, NeedStatus } from "../enums";
import type { DevelopmentRepositories } from "../repositories";
import { focusKey } from "../shared/focus";
import { schoolOwner } from "../shared/owner";
import { Policies } from "../policies";
import type { CommonNeed } from "./need";
import type { CommonNeedsArgs, RecordNeedInput, UpdateNeedInput } from "./need.inputs";
import { needKey, type NeedDocument } from "./need.repository";

/** Need rules: one open need per school and focus area; a network's common needs rank by how many schools share them. */
export class NeedService {
  constructor(private readonly repos: DevelopmentRepositories) {}

  async record(access: Access, input: RecordNeedInput) {
    assertCanWrite(access);
    const focusArea = input.focusArea.trim().replace(/\s+/g, " ");
    const key = focusKey(focusArea);
    const networkIds = [...new Set(input.networkIds)];
    // the school's need sits in the first network it is shared with
    const owner = schoolOwner(input.schoolId, networkIds[0]);
    assertMayWriteFor(access, owner);
    const now = new Date();
    try {
      return await this.repos.needs.insert({
        _id: newId(),
        schoolId: input.schoolId,
        networkIds,
        focusArea,
        focusAreaKey: key,
        description: input.description ?? null,
        priority: input.priority,
        status: NeedStatus.OPEN,
        owner,
        visibility: input.visibility,
        openKey: needKey(input.schoolId, key),
        createdAt: now,
        updatedAt: now,
        closedAt: null,
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new ConflictError(`The school already has an open need on ${focusArea}`);
      throw error;
    }
  }

  async update(access: Access, id: string, input: UpdateNeedInput) {
    const need = await this.existing(access, id);
    if (need.status !== NeedStatus.OPEN) throw new ConflictError(`The need on ${need.focusArea} is ${need.status.toLowerCase()}`);
    const changes: Partial<NeedDocument> = { ...input, networkIds: input.networkIds ? [...new Set(input.networkIds)] : undefined };
    if (changes.networkIds) {
      changes.owner = schoolOwner(need.schoolId, changes.networkIds[0]);
      // moving the need to another network needs a role there too
      if (changes.owner.networkId !== need.owner.networkId) assertMayWriteFor(access, changes.owner);
    }
    return (await this.repos.needs.update(id, changes))!;
  }

  async close(access: Access, id: string, status: NeedStatus) {
    await this.existing(access, id);
    const closed = await this.repos.needs.close(id, status);
    if (closed) return closed;
    const need = await this.repos.needs.findById(id);
    if (!need) throw new NotFoundError("Need", id);
    throw new ConflictError(`The need on ${need.focusArea} is already ${need.status.toLowerCase()}`);
  }

  /** The need, if `access` may see and change it: NOT_FOUND when it may not see it, FORBIDDEN when it may not change it. */
  private async existing(access: Access, id: string) {
    assertCanWrite(access);
    const need = await this.repos.needs.findById(id);
    if (!need) throw new NotFoundError("Need", id);
    assertMayChange(access, Policies.need, need);
    return need;
  }
}

type OpenNeed = Pick<NeedDocument, "schoolId" | "networkIds" | "focusArea" | "focusAreaKey" | "priority">;

/**
 * Groups open needs into each network's common needs: one per focus area, with the distinct schools
 * that share it; ranked by school count, then high-priority count, then name.
 */
export function rankCommonNeeds(networkIds: readonly string[], needs: readonly OpenNeed[]): Map<string, CommonNeed[]> {
  const wanted = new Set(networkIds);
  const byNetwork = new Map<string, Map<string, { label: string; schools: Set<string>; high: Set<string> }>>();
  for (const need of needs) {
    for (const networkId of need.networkIds) {
      if (!wanted.has(networkId)) continue;
      const areas = byNetwork.get(networkId) ?? new Map();
      byNetwork.set(networkId, areas);
      const area = areas.get(need.focusAreaKey) ?? { label: need.focusArea, schools: new Set<string>(), high: new Set<string>() };
      areas.set(need.focusAreaKey, area);
      area.schools.add(need.schoolId);
      if (need.priority === NeedPriority.HIGH) area.high.add(need.schoolId);
    }
  }
  const result = new Map<string, CommonNeed[]>();
  for (const networkId of networkIds) {
    const ranked = [...(byNetwork.get(networkId) ?? new Map()).entries()].map(
      ([key, area]): CommonNeed => ({
        networkId,
        focusAreaKey: key,
        focusArea: area.label,
        schoolCount: area.schools.size,
        highPriorityCount: area.high.size,
        schoolIds: [...area.schools],
      }),
    );
    ranked.sort(byRank);
    result.set(networkId, ranked);
  }
  return result;
}

/** The ranking: most schools first, then most rating it high priority, then by focus area. */
function byRank(a: CommonNeed, b: CommonNeed): number {
  return b.schoolCount - a.schoolCount || b.highPriorityCount - a.highPriorityCount || a.focusAreaKey.localeCompare(b.focusAreaKey);
}

/** A common need's place in the ranking, sealed as its cursor. */
type RankKey = Pick<CommonNeed, "schoolCount" | "highPriorityCount" | "focusAreaKey">;
const CURSOR_LIST = "CommonNeed";

function rankCursor(need: CommonNeed): string {
  return sealCursor(CURSOR_LIST, [need.schoolCount, need.highPriorityCount, need.focusAreaKey]);
}

function openRankCursor(cursor: string): RankKey {
  const values = openCursor(CURSOR_LIST, cursor);
  if (Array.isArray(values) && values.length === 3 && Number.isInteger(values[0]) && Number.isInteger(values[1]) && typeof values[2] === "string") {
    return { schoolCount: values[0], highPriorityCount: values[1], focusAreaKey: values[2] };
  }
  throw new BadUserInputError("Invalid cursor: pass a cursor returned by this list", "after");
}

/**
 * One page of a network's ranked common needs (computed from all its readable open needs, so paged here):
 * those shared by at least `minSchools` schools, after the cursor's place in the ranking.
 */
export function pageCommonNeeds(ranked: readonly CommonNeed[], args: CommonNeedsArgs): Page<CommonNeed> {
  const matching = ranked.filter((need) => need.schoolCount >= args.minSchools);
  const after = args.after ? openRankCursor(args.after) : null;
  const rest = after ? matching.filter((need) => byRank(need, after as CommonNeed) > 0) : matching;
  const edges = rest.slice(0, args.first).map((need) => ({ cursor: rankCursor(need), node: need }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rest.length > args.first,
      hasPreviousPage: Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: Promise.resolve(matching.length),
  };
}
