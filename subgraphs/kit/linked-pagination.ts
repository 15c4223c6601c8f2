import type { Collection, Document, Filter } from "mongodb";
import { afterFilter, decodeCursor, encodeCursor, pageOf, valueAt, type Page, type PageArgs, type SortKeys } from "./pagination";
import { READ_ALL } from "./loaders";
import { groupsOf, pageAndCountStages, type GroupRow } from "./grouped-pagination";
import { toEntity, type Entity, type StoredDocument } from "./repository";

/*
 * Connections nested under many parents whose nodes do not name their parent in a plain field: nodes reached
 * through a link collection (a network's schools, through its accepted memberships) or nodes listing their
 * parents in an array (a pathway's stages). As with `pagesByGroup`: one aggregate for every parent's page and
 * count, in keyset order with the kit's cursors (those of the node's own root list).
 */

/** Link documents `{ [parentField]: parent id, [targetField]: node id }` matching `filter` join a parent to a node. */
export interface Link {
  collection: Collection<Document>;
  parentField: string;
  targetField: string;
  filter: Filter<Document>;
}

/** One page per parent id of the documents of `target` linked to it, matching `filter`. */
export function pagesThroughLink<TDoc extends StoredDocument>(
  target: Collection<TDoc>,
  link: Link,
  parentIds: readonly string[],
  filter: Filter<TDoc>,
  sortKeys: SortKeys,
  args: PageArgs,
): Promise<Map<string, Page<Entity<TDoc>>>> {
  const pairs: Document[] = [
    { $match: { $and: [{ [link.parentField]: { $in: [...parentIds] } }, link.filter] } },
    { $lookup: { from: target.collectionName, localField: link.targetField, foreignField: "_id", as: "node" } },
    { $unwind: "$node" },
    { $project: { parent: `$${link.parentField}`, node: 1 } },
    { $match: prefixed(filter as Filter<Document>, "node") },
  ];
  return pagesOfPairs<TDoc>(link.collection, pairs, parentIds, sortKeys, args);
}

/** One page per parent id of the documents whose `arrayField` (e.g. `stages.schoolId`) holds it, matching `filter`. */
export function pagesByArrayField<TDoc extends StoredDocument>(
  collection: Collection<TDoc>,
  arrayField: string,
  parentIds: readonly string[],
  filter: Filter<TDoc>,
  sortKeys: SortKeys,
  args: PageArgs,
): Promise<Map<string, Page<Entity<TDoc>>>> {
  const ids = [...parentIds];
  const pairs: Document[] = [
    { $match: { $and: [{ [arrayField]: { $in: ids } }, filter as Filter<Document>] } },
    { $project: { parent: `$${arrayField}`, node: "$$ROOT" } },
    { $unwind: "$parent" },
    { $match: { parent: { $in: ids } } },
    // a parent listed twice in one document still gets the node once
    { $group: { _id: { parent: "$parent", node: "$node._id" }, parent: { $first: "$parent" }, node: { $first: "$node" } } },
  ];
  return pagesOfPairs<TDoc>(collection as unknown as Collection<Document>, pairs, parentIds, sortKeys, args);
}

/** The filter on a sub-document: each field path prefixed, through `$and`, `$or` and `$nor`. */
function prefixed(filter: Filter<Document>, prefix: string): Filter<Document> {
  return Object.fromEntries(
    Object.entries(filter).map(([key, value]) =>
      ["$and", "$or", "$nor"].includes(key)
        ? [key, (value as Filter<Document>[]).map((clause) => prefixed(clause, prefix))]
        : [`${prefix}.${key}`, value],
    ),
  );
}

/** Pages from `{ parent, node }` pairs produced by `pairs`. */
async function pagesOfPairs<TDoc extends StoredDocument>(
  collection: Collection<Document>,
  pairs: Document[],
  parentIds: readonly string[],
  sortKeys: SortKeys,
  args: PageArgs,
): Promise<Map<string, Page<Entity<TDoc>>>> {
  const keys: SortKeys = [...sortKeys.filter(([field]) => field !== "_id"), ["_id", 1]];
  const onNode: SortKeys = keys.map(([field, direction]) => [`node.${field}`, direction]);
  const after = args.after ? afterFilter(onNode, decodeCursor(keys, args.after)) : null;
  const rows = await collection
    .aggregate<GroupRow<TDoc>>([...pairs, { $sort: Object.fromEntries(onNode) }, ...pageAndCountStages("$parent", "$node", after, args.first)], READ_ALL)
    .toArray();
  const byParent = groupsOf(rows, after !== null);
  return new Map(
    parentIds.map((parentId) => {
      const { docs, count } = byParent.get(parentId) ?? { docs: [], count: 0 };
      const page: Page<Entity<TDoc>> = pageOf(docs, args, (doc) => encodeCursor(keys, keys.map(([field]) => valueAt(doc, field))), toEntity, async () => count);
      return [parentId, page];
    }),
  );
}
