import { createHash } from "node:crypto";
import type { Collection, Document, Filter } from "mongodb";
import { BadUserInputError, openCursor, sealCursor, totalCountOf, type Page, type PageArgs } from "../../kit";

/** Deepest offset a ranked search pages to; past it, refine the search instead. */
export const MAX_RANKED_OFFSET = 10_000;

export interface RankedNode<TNode> {
  node: TNode;
  score: number;
}

/** A page of relevance-ranked hits: edges carry the text score. */
export type RankedPage<TNode> = Omit<Page<TNode>, "edges"> & { edges: Array<{ cursor: string; node: TNode; score: number }> };

function fingerprint(filter: unknown): string {
  return createHash("sha1").update(JSON.stringify(filter)).digest("base64url").slice(0, 10);
}

function encodeCursor(offset: number, search: string): string {
  return sealCursor(`ranked:${search}`, offset);
}

function decodeCursor(cursor: string, search: string): number {
  const offset = openCursor(`ranked:${search}`, cursor);
  if (typeof offset === "number" && Number.isInteger(offset) && offset >= 0) return offset;
  throw new BadUserInputError("Invalid cursor: pass a cursor returned by this search, with the same words and filters", "after");
}

/**
 * One page of `$text` hits, best first (ties by `_id`). Scores are not unique or stable under writes, so
 * keyset pagination cannot apply: the sealed cursor holds the offset after the node, bound to this very
 * search (words and filters), and a new hit may shift later pages by a few places.
 */
export async function rankedPage<TDoc extends Document, TNode>(
  collection: Collection<TDoc>,
  filter: Filter<TDoc>,
  args: PageArgs,
  map: (doc: TDoc) => TNode,
): Promise<RankedPage<TNode>> {
  const search = fingerprint(filter);
  const offset = args.after ? decodeCursor(args.after, search) : 0;
  if (offset > MAX_RANKED_OFFSET) {
    throw new BadUserInputError(`Searches page at most ${MAX_RANKED_OFFSET} hits deep: add words or filters`, "after");
  }
  const docs = await collection
    .find(filter, { projection: { score: { $meta: "textScore" } } })
    .sort({ score: { $meta: "textScore" }, _id: 1 })
    .skip(offset)
    .limit(args.first + 1)
    .toArray();
  const hasNextPage = docs.length > args.first;
  const edges = docs.slice(0, args.first).map((doc, i) => {
    const { score, ...stored } = doc as Document;
    return { cursor: encodeCursor(offset + i + 1, search), node: map(stored as TDoc), score: Number(score) };
  });
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: totalCountOf(args, docs.length, () => collection.countDocuments(filter)),
  };
}
