import DataLoader from "dataloader";
import type { Collection, Document, Filter } from "mongodb";
import { READ_ALL } from "./loaders";
import { afterFilter, decodeCursor, encodeCursor, pageOf, valueAt, type Page, type PageArgs, type SortKeys } from "./pagination";
import { toEntity, type Entity, type StoredDocument } from "./repository";

/*
 * Connections nested under many parents (the endorsements of every campaign on a page) in one database
 * command: an aggregate sorts the matching documents of all parents, groups them by parent and keeps
 * `first + 1` of each, and counts them all for `totalCount` in the same pass. Cursors are the kit's keyset
 * cursors.
 *
 * The parent of a document is a field (`"campaignId"`), or a list field when a document belongs to several
 * parents (a resource listed under several networks): it appears in each parent's page. Where the parents
 * are not stored on the document at all, a `GroupExpression` computes them.
 */

/** An aggregation expression giving the parent id(s) of a document; the caller's `filter` selects the documents. */
export interface GroupExpression {
  expression: Document;
}

/** The field holding each document's parent id(s) while grouping (removed from the documents returned). */
const GROUP = "__group";

function groupStages(group: string | GroupExpression, groupIds: readonly string[]): Document[] {
  return [
    { $addFields: { [GROUP]: typeof group === "string" ? `$${group}` : group.expression } },
    // a list of parents counts under each of them; a single value unwinds to itself
    { $unwind: `$${GROUP}` },
    { $match: { [GROUP]: { $in: [...groupIds] } } },
  ];
}

function parentCondition(group: string | GroupExpression, groupIds: readonly string[]): Filter<Document>[] {
  return typeof group === "string" ? [{ [group]: { $in: [...groupIds] } }] : [];
}

/**
 * One page per parent id of the documents whose `group` is (or lists) that id and that match `filter`,
 * in keyset order; an empty page for parents without any.
 */
export async function pagesByGroup<TDoc extends StoredDocument>(
  collection: Collection<TDoc>,
  group: string | GroupExpression,
  groupIds: readonly string[],
  filter: Filter<TDoc>,
  sortKeys: SortKeys,
  args: PageArgs,
): Promise<Map<string, Page<Entity<TDoc>>>> {
  const keys: SortKeys = [...sortKeys.filter(([field]) => field !== "_id"), ["_id", 1]];
  const after = args.after ? afterFilter(keys, decodeCursor(keys, args.after)) : null;
  const pipeline: Document[] = [
    { $match: { $and: [...parentCondition(group, groupIds), filter as Filter<Document>] } },
    { $sort: Object.fromEntries(keys) },
    ...groupStages(group, groupIds),
    ...pageAndCountStages(`$${GROUP}`, "$$ROOT", after, args.first),
  ];
  const groups = await collection.aggregate<GroupRow<TDoc>>(pipeline, READ_ALL).toArray();
  const byGroup = groupsOf(groups, after !== null);
  return new Map(
    groupIds.map((groupId) => {
      const { docs, count } = byGroup.get(groupId) ?? { docs: [], count: 0 };
      const page: Page<Entity<TDoc>> = pageOf(
        docs.map(({ [GROUP]: _parent, ...doc }) => doc as TDoc),
        args,
        (doc) => encodeCursor(keys, keys.map(([field]) => valueAt(doc, field))),
        toEntity,
        async () => count,
      );
      return [groupId, page];
    }),
  );
}

/** What `pageAndCountStages` answers: a row per parent, or with a cursor one row of two facets. */
export type GroupRow<TDoc> = { _id: string; docs: TDoc[]; count: number } | { pages: Array<{ _id: string; docs: TDoc[] }>; counts: Array<{ _id: string; count: number }> };

/**
 * The last stages of a per-parent page query, over candidates already in keyset order: for each parent (the
 * expression `parent`), its nodes (`node`) from the cursor on, `first + 1` of them, and how many it has in all,
 * counted in the same pass so `totalCount` costs no command of its own. After a cursor the count still takes the
 * nodes before it, so pages and counts are two facets of the one pass.
 */
export function pageAndCountStages(parent: string, node: string, after: Filter<Document> | null, first: number): Document[] {
  const slice = { $project: { count: 1, docs: { $slice: ["$docs", first + 1] } } };
  if (!after) return [{ $group: { _id: parent, docs: { $push: node }, count: { $sum: 1 } } }, slice];
  return [
    {
      $facet: {
        pages: [{ $match: after }, { $group: { _id: parent, docs: { $push: node } } }, slice],
        counts: [{ $group: { _id: parent, count: { $sum: 1 } } }],
      },
    },
  ];
}

/** The nodes and count of each parent, from the rows of `pageAndCountStages`. */
export function groupsOf<TDoc>(rows: Array<GroupRow<TDoc>>, faceted: boolean): Map<string, { docs: TDoc[]; count: number }> {
  if (!faceted) return new Map((rows as Array<{ _id: string; docs: TDoc[]; count: number }>).map(({ _id, docs, count }) => [_id, { docs, count }]));
  const [{ pages, counts }] = rows as Array<{ pages: Array<{ _id: string; docs: TDoc[] }>; counts: Array<{ _id: string; count: number }> }>;
  const docsOf = new Map(pages.map(({ _id, docs }) => [_id, docs]));
  return new Map(counts.map(({ _id, count }) => [_id, { docs: docsOf.get(_id) ?? [], count }]));
}

/**
 * Per-request cache of page loaders, one per (list, arguments): the same nested connection asked with
 * the same arguments under many parents is loaded in one batch.
 */
export class GroupedPageLoaders {
  private readonly loaders = new Map<string, { loader: DataLoader<string, Page<unknown>>; fetch?: PageFetch<unknown> }>();

  load<T>(list: string, args: object, parentId: string, fetch: PageFetch<T>): Promise<Page<T>> {
    const entry = this.entry(list, args);
    entry.fetch = fetch;
    return entry.loader.load(parentId) as Promise<Page<T>>;
  }

  /** A page already read (joined to its parent's read): `load` answers it without a command. */
  prime<T>(list: string, args: object, parentId: string, page: Page<T>): void {
    this.entry(list, args).loader.prime(parentId, page);
  }

  private entry(list: string, args: object) {
    const key = `${list}:${argumentsKey(args)}`;
    let entry = this.loaders.get(key);
    if (!entry) {
      const created: { loader: DataLoader<string, Page<unknown>>; fetch?: PageFetch<unknown> } = {
        loader: new DataLoader<string, Page<unknown>>(async (ids) => {
          const pages = await created.fetch!(ids);
          return ids.map((id) => pages.get(id) as Page<unknown>);
        }),
      };
      this.loaders.set(key, (entry = created));
    }
    return entry;
  }
}

/** Reads one page per parent id. */
type PageFetch<T> = (parentIds: readonly string[]) => Promise<Map<string, Page<T>>>;

/** The same text for the same arguments in any key order (a resolver's and a lookahead's instances list them differently). */
function argumentsKey(args: object): string {
  return JSON.stringify(Object.entries(args).filter(([, value]) => value !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
