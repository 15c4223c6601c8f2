import DataLoader from "dataloader";
import type { Collection, Document, Filter } from "mongodb";
import { afterFilter, decodeCursor, encodeCursor, pageOf, valueAt, type Page, type PageArgs, type SortKeys } from "./pagination";
import { toEntity, type Entity, type StoredDocument } from "./repository";

/*
 * Connections nested under many parents (the endorsements of every campaign on a page) in one database
 * command: an aggregate sorts the matching documents of all parents, groups them by parent and keeps
 * `first + 1` of each. Cursors are the kit's keyset cursors. `totalCount`, when asked, is one more
 * aggregate for all parents.
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
  const base: Filter<Document>[] = [...parentCondition(group, groupIds), filter as Filter<Document>];
  const conditions: Filter<Document>[] = [...base];
  if (args.after) conditions.push(afterFilter(keys, decodeCursor(keys, args.after)));
  const groups = await collection
    .aggregate<{ _id: string; docs: TDoc[] }>([
      { $match: { $and: conditions } },
      { $sort: Object.fromEntries(keys) },
      ...groupStages(group, groupIds),
      { $group: { _id: `$${GROUP}`, docs: { $push: "$$ROOT" } } },
      { $project: { docs: { $slice: ["$docs", args.first + 1] } } },
    ])
    .toArray();
  const docsByGroup = new Map(groups.map((entry) => [entry._id, entry.docs]));
  const counts = new DataLoader<string, number>(async (ids) => {
    const totals = await collection
      .aggregate<{ _id: string; count: number }>([
        { $match: { $and: [...parentCondition(group, ids), filter as Filter<Document>] } },
        ...groupStages(group, ids),
        { $group: { _id: `$${GROUP}`, count: { $sum: 1 } } },
      ])
      .toArray();
    const byId = new Map(totals.map((total) => [total._id, total.count]));
    return ids.map((id) => byId.get(id) ?? 0);
  });
  return new Map(
    groupIds.map((groupId) => {
      const docs = docsByGroup.get(groupId) ?? [];
      const page: Page<Entity<TDoc>> = pageOf(
        docs.map(({ [GROUP]: _parent, ...doc }) => doc as TDoc),
        args,
        (doc) => encodeCursor(keys, keys.map(([field]) => valueAt(doc, field))),
        toEntity,
        () => counts.load(groupId),
      );
      return [groupId, page];
    }),
  );
}

/**
 * Per-request cache of page loaders, one per (list, arguments): the same nested connection asked with
 * the same arguments under many parents is loaded in one batch.
 */
export class GroupedPageLoaders {
  private readonly loaders = new Map<string, DataLoader<string, Page<unknown>>>();

  load<T>(list: string, args: object, parentId: string, fetch: (parentIds: readonly string[]) => Promise<Map<string, Page<T>>>): Promise<Page<T>> {
    const key = `${list}:${JSON.stringify(args)}`;
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = new DataLoader<string, Page<unknown>>(async (ids) => {
        const pages = await fetch(ids);
        return ids.map((id) => pages.get(id) as Page<unknown>);
      });
      this.loaders.set(key, loader);
    }
    return loader.load(parentId) as Promise<Page<T>>;
  }
}
