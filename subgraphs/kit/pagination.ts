import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from "type-graphql";
import { IsOptional, Max, Min } from "class-validator";
import type { Collection, Document, Filter, Sort } from "mongodb";
import { decodeKeysetCursor, encodeKeysetCursor } from "./cursor";

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number;

  @Field(() => String, { nullable: true, description: "Opaque cursor: the `endCursor` of the previous page." })
  @IsOptional()
  after?: string | null;
}

@Directive("@shareable")
@ObjectType({ description: "Where a page stands in the whole list (Relay connections)." })
export class PageInfo {
  @Field({ description: "Whether more nodes follow this page: pass `endCursor` as `after` to get them." })
  hasNextPage: boolean;

  @Field({ description: "Whether nodes precede this page (true when it was asked for with `after`)." })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "The cursor of the page's first node; null for an empty page." })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: "The cursor of the page's last node, for `after`; null for an empty page." })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Page<T> {
  edges: Array<Edge<T>>;
  pageInfo: PageInfo;
  /** Counted only when a client asks for it. */
  totalCount: PromiseLike<number>;
}

/** A promise that starts its work on first `then`, i.e. only when GraphQL resolves the field. */
export class Deferred<T> implements PromiseLike<T> {
  private promise?: Promise<T>;

  constructor(private readonly run: () => Promise<T>) {}

  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    this.promise ??= this.run();
    return this.promise.then(onFulfilled, onRejected);
  }
}

/**
 * A connection's `totalCount`, given how many candidates were read for a page of `args` (up to `first + 1`,
 * as `hasNextPage` needs): a first page that holds every match is its own count, so no count command runs.
 */
export function totalCountOf(args: PageArgs, candidates: number, count: () => Promise<number>): Deferred<number> {
  return new Deferred(!args.after && candidates <= args.first ? async () => candidates : count);
}

/**
 * Builds `<Node>Connection` and `<Node>Edge` object types for a node class:
 * `@ObjectType() class SchoolConnection extends ConnectionType(School) {}`. A connection of another
 * subgraph's entities is declared `@Directive("@shareable")` in each subgraph that serves one
 * (`pageOfReferences`).
 */
export function ConnectionType<TNode extends object>(nodeClass: ClassType<TNode>) {
  // shareable: a subgraph listing another's entities (a community's schools) declares the same edge type
  @Directive("@shareable")
  @ObjectType(`${nodeClass.name}Edge`, { description: `One ${nodeClass.name} of a page, with its cursor.` })
  class EdgeType {
    @Field({ description: "Opaque cursor of this node, for `after`." })
    cursor: string;

    @Field(() => nodeClass, { description: `The ${nodeClass.name}.` })
    node: TNode;
  }

  @ObjectType()
  abstract class ConnectionBase {
    @Field(() => [EdgeType], { description: "The nodes of this page, in the list's order." })
    edges: EdgeType[];

    @Field(() => PageInfo, { description: "Where this page stands in the whole list." })
    pageInfo: PageInfo;

    @Field(() => Int, { description: "How many nodes match, over all pages." })
    totalCount: number;
  }
  return ConnectionBase;
}

/**
 * The page made of `candidates`, the list's nodes from the cursor on in order (at least `first + 1` of them
 * when more follow): every kind of list (one query, one per parent, in memory) ends here.
 */
export function pageOf<TCandidate, TNode>(
  candidates: readonly TCandidate[],
  args: PageArgs,
  cursorOf: (candidate: TCandidate) => string,
  toNode: (candidate: TCandidate) => TNode,
  count: () => Promise<number>,
): Page<TNode> {
  const edges = candidates.slice(0, args.first).map((candidate) => lazyEdge(() => cursorOf(candidate), toNode(candidate)));
  return {
    edges,
    pageInfo: {
      hasNextPage: candidates.length > args.first,
      hasPreviousPage: Boolean(args.after),
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges.at(-1)?.cursor ?? null;
      },
    },
    totalCount: totalCountOf(args, candidates.length, count),
  };
}

/** An edge whose cursor (an HMAC signature) is sealed only if a client asks for it, once. */
function lazyEdge<TNode>(seal: () => string, node: TNode): Edge<TNode> {
  let cursor: string | undefined;
  return {
    node,
    get cursor() {
      return (cursor ??= seal());
    },
  };
}

/** The same page with each node turned into another (e.g. a record into what the caller may see of it), cursors still sealed on demand. */
export function mapNodes<T, U>(page: Page<T>, map: (node: T) => U): Page<U> {
  return { ...page, edges: page.edges.map((edge) => lazyEdge(() => edge.cursor, map(edge.node))) };
}

/** Sort keys of a keyset-paginated list; `_id` is appended to make the order total. */
export type SortKeys = Array<[field: string, direction: 1 | -1]>;

/** The sealed cursor of a node: its sort key values (see `cursor.ts`). */
export function encodeCursor(keys: SortKeys, values: unknown[]): string {
  return encodeKeysetCursor(keys.map(([field]) => field), values);
}

/** The sort key values of a cursor sealed for these keys; BAD_USER_INPUT for a forged or altered one. */
export function decodeCursor(keys: SortKeys, cursor: string): unknown[] {
  return decodeKeysetCursor(keys.map(([field]) => field), cursor);
}

export function valueAt(doc: Document, path: string): unknown {
  return path.split(".").reduce<unknown>((value, key) => (value as Document | undefined)?.[key], doc);
}

/** `(k1, k2, …) > (v1, v2, …)` in the sort's directions, as a MongoDB filter. */
export function afterFilter(keys: SortKeys, values: unknown[]): Filter<Document> {
  return {
    $or: keys.map(([field, direction], i) => {
      const clause: Document = {};
      keys.slice(0, i).forEach(([previous], j) => (clause[previous] = values[j]));
      clause[field] = { [direction === 1 ? "$gt" : "$lt"]: values[i] };
      return clause;
    }),
  };
}

/**
 * One page of `collection` matching `filter`, in keyset order (stable under inserts).
 * Sort keys must be present on every document. `map` turns stored documents into nodes.
 */
export async function paginate<TDoc extends Document, TNode>(
  collection: Collection<TDoc>,
  filter: Filter<TDoc>,
  sortKeys: SortKeys,
  args: PageArgs,
  map: (doc: TDoc) => TNode,
): Promise<Page<TNode>> {
  const keys: SortKeys = [...sortKeys.filter(([field]) => field !== "_id"), ["_id", 1]];
  const conditions: Filter<Document>[] = [filter as Filter<Document>];
  if (args.after) conditions.push(afterFilter(keys, decodeCursor(keys, args.after)));
  const sort: Sort = Object.fromEntries(keys);
  const docs = await collection
    .find({ $and: conditions } as Filter<TDoc>)
    .sort(sort)
    .limit(args.first + 1)
    .toArray();
  return pageOf(docs, args, (doc) => encodeCursor(keys, keys.map(([field]) => valueAt(doc, field))), (doc) => map(doc as TDoc), () => collection.countDocuments(filter));
}
