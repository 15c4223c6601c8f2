import type { Collection, Document, Filter } from "mongodb";
import { afterFilter, decodeCursor, encodeCursor, pageOf, valueAt, type Page, type PageArgs, type SortKeys } from "./pagination";
import { READ_ALL } from "./loaders";
import { groupsOf, pageAndCountStages, type GroupRow } from "./grouped-pagination";
import { toEntity, type Entity, type StoredDocument } from "./repository";

/*
 * Connections nested under many parents whose nodes do not name their parent in a plain field: nodes reached
 * through a link collection (a network's schools, through its accepted memberships) or nodes listing their
 * parents in an array (a pathway's stages). As with `pagesByGroup`: one aggregate for every parent's page and
 * count, in keyset order with the kit's cursors (those of the node's own root list). A parent read by id can
 * have its page through a link joined to that read (`pageThroughLinkJoined`, `findJoined`): one command for both.
 */

/** Link documents `{ [parentField]: parent id, [targetField]: node id }` matching `filter` join a parent to a node. */
export interface Link {
  /** Only read through aggregates, so any repository's own collection will do. */
  collection: Pick<Collection, "aggregate" | "collectionName">;
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
  const pairs: Document[] = [{ $match: { $and: [{ [link.parentField]: { $in: [...parentIds] } }, link.filter] } }, ...linkedNodes(target, link, filter)];
  return pagesOfPairs<TDoc>(link.collection, pairs, parentIds, sortKeys, args);
}

/** From link documents, the `{ parent, node }` pairs of the nodes they join that match `filter`. */
function linkedNodes<TDoc extends StoredDocument>(target: Collection<TDoc>, link: Link, filter: Filter<TDoc>): Document[] {
  return [
    { $lookup: { from: target.collectionName, localField: link.targetField, foreignField: "_id", as: "node" } },
    { $unwind: "$node" },
    { $project: { parent: `$${link.parentField}`, node: 1 } },
    { $match: prefixed(filter as Filter<Document>, "node") },
  ];
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
  return pagesOfPairs<TDoc>(collection, pairs, parentIds, sortKeys, args);
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

/** The keyset of a page of pairs: its sort keys (`_id` last), on the node, and the cursor's filter. */
function pairKeys(sortKeys: SortKeys, args: PageArgs): { keys: SortKeys; onNode: SortKeys; after: Filter<Document> | null } {
  const keys: SortKeys = [...sortKeys.filter(([field]) => field !== "_id"), ["_id", 1]];
  const onNode: SortKeys = keys.map(([field, direction]) => [`node.${field}`, direction]);
  return { keys, onNode, after: args.after ? afterFilter(onNode, decodeCursor(keys, args.after)) : null };
}

/** The stages after `pairs`: each parent's page and count (`pageAndCountStages`). */
function pairPageStages(sortKeys: SortKeys, args: PageArgs): Document[] {
  const { onNode, after } = pairKeys(sortKeys, args);
  return [{ $sort: Object.fromEntries(onNode) }, ...pageAndCountStages("$parent", "$node", after, args.first)];
}

/** Each parent's page, from the rows of `pairPageStages`. */
function pagesOfRows<TDoc extends StoredDocument>(rows: Array<GroupRow<TDoc>>, parentIds: readonly string[], sortKeys: SortKeys, args: PageArgs): Map<string, Page<Entity<TDoc>>> {
  const { keys, after } = pairKeys(sortKeys, args);
  const byParent = groupsOf(rows, after !== null);
  return new Map(
    parentIds.map((parentId) => {
      const { docs, count } = byParent.get(parentId) ?? { docs: [], count: 0 };
      const page: Page<Entity<TDoc>> = pageOf(docs, args, (doc) => encodeCursor(keys, keys.map(([field]) => valueAt(doc, field))), toEntity, async () => count);
      return [parentId, page];
    }),
  );
}

/** Pages from `{ parent, node }` pairs produced by `pairs`. */
async function pagesOfPairs<TDoc extends StoredDocument>(
  collection: Link["collection"],
  pairs: Document[],
  parentIds: readonly string[],
  sortKeys: SortKeys,
  args: PageArgs,
): Promise<Map<string, Page<Entity<TDoc>>>> {
  const rows = await collection.aggregate<GroupRow<TDoc>>([...pairs, ...pairPageStages(sortKeys, args)], READ_ALL).toArray();
  return pagesOfRows(rows, parentIds, sortKeys, args);
}

/**
 * A page through a link read in the same command as its parent: the `$lookup` stage to append to a read of the
 * parents' own collection (`findJoined`), and how to take each parent's page off its document.
 */
export interface JoinedPage<TNode> {
  stages: Document[];
  take(parent: Document): Page<TNode>;
}

/** The field of a parent document that holds its joined page's rows until `take`. */
const JOINED = "__page";

/** `pagesThroughLink` for each parent document read (by `_id`): the link's pairs and page stages run inside a `$lookup`. */
export function pageThroughLinkJoined<TDoc extends StoredDocument>(target: Collection<TDoc>, link: Link, filter: Filter<TDoc>, sortKeys: SortKeys, args: PageArgs): JoinedPage<Entity<TDoc>> {
  const pairs: Document[] = [{ $match: link.filter }, ...linkedNodes(target, link, filter)];
  return {
    stages: [{ $lookup: { from: link.collection.collectionName, localField: "_id", foreignField: link.parentField, pipeline: [...pairs, ...pairPageStages(sortKeys, args)], as: JOINED } }],
    take(parent) {
      const rows = parent[JOINED] as Array<GroupRow<TDoc>>;
      delete parent[JOINED];
      return pagesOfRows(rows, [parent._id as string], sortKeys, args).get(parent._id as string)!;
    },
  };
}

/** The documents of `collection` with these ids, each with its joined page: one command for both. */
export async function findJoined<TDoc extends StoredDocument, TNode>(collection: Collection<TDoc>, ids: readonly string[], joined: JoinedPage<TNode>): Promise<Array<{ entity: Entity<TDoc>; page: Page<TNode> }>> {
  const docs = await collection.aggregate<TDoc>([{ $match: { _id: { $in: [...ids] } } }, ...joined.stages], READ_ALL).toArray();
  return docs.map((doc) => {
    const page = joined.take(doc);
    return { entity: toEntity(doc), page };
  });
}
