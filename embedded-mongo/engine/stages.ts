/**
 * A query plan as mongod's tree of stages: COLLSCAN, IXSCAN + FETCH, TEXT, SORT, SKIP, LIMIT, PROJECTION and
 * COUNT. A stage pushes its results to its parent, which answers false to stop it (a LIMIT reached), so a
 * scan stops as soon as enough documents are found. Each stage keeps the statistics `explain` reports.
 */
import type { Collection, OrderedIndexEntry, TextIndexEntry } from "./collection";
import type { Doc } from "./paths";
import { describeBounds, type IndexPlan } from "./planner";
import { sortItems, type SortSpec } from "./sort";
import type { TextSearch } from "./text-index";
import type { CollationSpec } from "./collation";

/** Receives one result (record id and document); false stops the producer. */
export type Sink = (rid: number, doc: Doc) => boolean;

/** The per-document test of a filter. */
export interface Matcher {
  test(doc: Doc): boolean;
  /** The test by record id from the collection's field columns, where they answer (undefined: test the document). */
  testRecord?(recordId: number): boolean | undefined;
}

/** An index scan yields record ids only: FETCH reads the documents. */
const NO_DOC: Doc = Object.freeze({}) as Doc;

export abstract class PlanStage {
  abstract readonly name: string;
  nReturned = 0;
  /** whether the stage ran to the end of its input (not stopped by its parent) */
  protected eof = false;
  private millis = 0;

  constructor(readonly input?: PlanStage) {}

  /** Pushes the stage's results to `sink`; false when the sink stopped it. */
  execute(sink: Sink): boolean {
    const started = performance.now();
    try {
      this.eof = this.produce(sink);
      return this.eof;
    } finally {
      this.millis += performance.now() - started;
    }
  }

  protected abstract produce(sink: Sink): boolean;

  /** The stage's own fields in `queryPlanner.winningPlan`. */
  protected planFields(): Doc {
    return {};
  }

  /** The stage's own counters in `executionStats.executionStages`. */
  protected counters(): Doc {
    return {};
  }

  /** Units of work, as mongod counts them roughly: one per input result or examined entry, plus one. */
  protected works(): number {
    return (this.input ? this.input.works() : this.nReturned) + 1;
  }

  totalKeysExamined(): number {
    return this.input?.totalKeysExamined() ?? 0;
  }

  totalDocsExamined(): number {
    return this.input?.totalDocsExamined() ?? 0;
  }

  /** The stage tree in mongod's shape, with execution statistics when `withStats`. */
  describe(withStats: boolean): Doc {
    const out: Doc = { stage: this.name, ...this.planFields() };
    if (withStats) {
      const works = this.works();
      Object.assign(out, {
        nReturned: this.nReturned,
        executionTimeMillisEstimate: Math.round(this.millis),
        works,
        advanced: this.nReturned,
        needTime: Math.max(0, works - this.nReturned - 1),
        needYield: 0,
        saveState: 0,
        restoreState: 0,
        isEOF: this.eof ? 1 : 0,
        ...this.counters(),
      });
    }
    if (this.input) out.inputStage = this.input.describe(withStats);
    return out;
  }
}

/** No collection: nothing to read. */
export class EofStage extends PlanStage {
  readonly name = "EOF";
  protected produce(): boolean {
    return true;
  }
}

/** Every document in natural order, filtered. */
export class CollectionScan extends PlanStage {
  readonly name = "COLLSCAN";
  private docsExamined = 0;

  constructor(
    private readonly coll: Collection,
    private readonly matcher: Matcher,
    private readonly filter: Doc,
  ) {
    super();
  }

  protected produce(sink: Sink): boolean {
    for (const [rid, doc] of this.coll.records) {
      this.docsExamined++;
      if (!this.matcher.test(doc)) continue;
      this.nReturned++;
      if (!sink(rid, doc)) return false;
    }
    return true;
  }

  protected planFields(): Doc {
    return { ...(Object.keys(this.filter).length ? { filter: this.filter } : {}), direction: "forward" };
  }

  protected counters(): Doc {
    return { docsExamined: this.docsExamined };
  }

  protected works(): number {
    return this.docsExamined + 1;
  }

  totalDocsExamined(): number {
    return this.docsExamined;
  }
}

/**
 * Record ids from a B+tree index: the keys within the plan's bounds, or (for a sort the index provides)
 * the whole index in one direction. A multikey index or several intervals may yield a record twice: it is
 * passed on once.
 */
export class IndexScan extends PlanStage {
  readonly name = "IXSCAN";
  private keysExamined = 0;
  private dupsTested = 0;
  private dupsDropped = 0;

  constructor(
    private readonly entry: OrderedIndexEntry,
    private readonly scan: { plan: IndexPlan } | { direction: 1 | -1 },
  ) {
    super();
  }

  protected produce(sink: Sink): boolean {
    const ordered = this.entry.ordered;
    if ("direction" in this.scan) {
      for (const rid of ordered.ordered(this.scan.direction)) {
        this.keysExamined++;
        this.nReturned++;
        if (!sink(rid, NO_DOC)) return false;
      }
      return true;
    }
    const seen = ordered.multikey || this.scan.plan.bounds.some((b) => b && b.length > 1) ? new Set<number>() : undefined;
    let complete = true;
    this.keysExamined += ordered.scan(this.scan.plan.bounds, (rid) => {
      if (seen) {
        this.dupsTested++;
        if (seen.has(rid)) {
          this.dupsDropped++;
          return true;
        }
        seen.add(rid);
      }
      this.nReturned++;
      if (sink(rid, NO_DOC)) return true;
      complete = false;
      return false;
    });
    return complete;
  }

  protected planFields(): Doc {
    const { entry } = this;
    const forward = !("direction" in this.scan) || this.scan.direction > 0;
    const bounds = "plan" in this.scan ? describeBounds(this.scan.plan) : Object.fromEntries(entry.ordered.fields.map((f) => [f, ["[MinKey, MaxKey]"]]));
    return {
      keyPattern: entry.spec.key,
      indexName: entry.spec.name,
      isMultiKey: entry.ordered.multikey,
      isUnique: entry.ordered.unique,
      isSparse: entry.ordered.sparse,
      isPartial: entry.partial !== undefined,
      indexVersion: 2,
      direction: forward ? "forward" : "backward",
      indexBounds: bounds,
    };
  }

  protected counters(): Doc {
    return { keysExamined: this.keysExamined, seeks: 1, dupsTested: this.dupsTested, dupsDropped: this.dupsDropped };
  }

  protected works(): number {
    return this.keysExamined + 1;
  }

  totalKeysExamined(): number {
    return this.keysExamined;
  }
}

/** Reads the documents of an index scan's record ids and applies the filter (unless the bounds are exact). */
export class Fetch extends PlanStage {
  readonly name = "FETCH";
  private docsExamined = 0;

  constructor(
    input: IndexScan,
    private readonly coll: Collection,
    private readonly matcher: Matcher | undefined,
    private readonly filter: Doc,
  ) {
    super(input);
  }

  protected produce(sink: Sink): boolean {
    return this.input!.execute((rid) => {
      const doc = this.coll.get(rid);
      if (!doc) return true;
      this.docsExamined++;
      if (this.matcher && !this.matcher.test(doc)) return true;
      this.nReturned++;
      return sink(rid, doc);
    });
  }

  protected planFields(): Doc {
    return this.matcher && Object.keys(this.filter).length ? { filter: this.filter } : {};
  }

  protected counters(): Doc {
    return { docsExamined: this.docsExamined, alreadyHasObj: 0 };
  }

  totalDocsExamined(): number {
    return this.docsExamined;
  }
}

/** The filtered hits of a `$text` query, kept for the next command with the same filter. */
export interface TextHits {
  version: number;
  rids: number[];
  scores?: Float64Array;
  keysExamined: number;
  docsExamined: number;
}

/** Candidates per wanted hit that the first round of a best-first search reads (each next round four times more). */
const BEST_FIRST_ROUND = 4;

/**
 * A `$text` search (mongod's TEXT_MATCH over FETCH over TEXT_OR over the text index): candidates and
 * their scores come from the posting lists, only candidates are read, checked for phrases and filtered.
 * Hits of an earlier identical search (`cache`) are reused while the collection is unchanged.
 *
 * With `best` (the sort's first key is the text score and only that many hits are wanted), candidates are
 * read best score first, in rounds, until the round has found `best` hits: every candidate left scores
 * below every one read, so the sort above ranks the same hits first as if all had been read.
 */
export class TextStage extends PlanStage {
  readonly name = "TEXT_MATCH";
  /** score by record id, once run (undefined when scores were not wanted) */
  scores: Float64Array | undefined;
  private keysExamined = 0;
  private docsExamined = 0;
  private docsRejected = 0;

  constructor(
    private readonly coll: Collection,
    private readonly entry: TextIndexEntry,
    private readonly search: TextSearch,
    private readonly matcher: Matcher,
    private readonly filter: Doc,
    /** Only counted (under COUNT): no scores, no documents. */
    private readonly countOnly: boolean,
    private readonly cache: { get(): TextHits | undefined; keep(hits: TextHits): void } | undefined,
    private readonly best = 0,
  ) {
    super();
  }

  protected produce(sink: Sink): boolean {
    const cached = this.cache?.get();
    if (cached) {
      this.scores = cached.scores;
      this.keysExamined = cached.keysExamined;
      this.docsExamined = cached.docsExamined;
      for (const rid of cached.rids) {
        this.nReturned++;
        if (!sink(rid, this.docOf(rid))) return false;
      }
      return true;
    }
    const { text } = this.entry;
    const candidates = text.search(this.search, !this.countOnly);
    this.scores = candidates.scores;
    this.keysExamined = candidates.examined;
    if (this.best > 0 && this.scores && candidates.rids.length > BEST_FIRST_ROUND * this.best) return this.produceBestFirst(candidates.rids, this.scores, sink);
    const hits: number[] = [];
    for (const rid of candidates.rids) {
      if (!this.hit(rid)) continue;
      hits.push(rid);
      this.nReturned++;
      if (!sink(rid, this.docOf(rid))) return false;
    }
    this.cache?.keep({ version: this.coll.version, rids: hits, scores: this.scores, keysExamined: this.keysExamined, docsExamined: this.docsExamined });
    return true;
  }

  /** A hit's document for the parent; a COUNT reads none. */
  private docOf(rid: number): Doc {
    return this.countOnly ? NO_DOC : this.coll.get(rid)!;
  }

  /**
   * Whether the candidate passes the filter and the phrases, counted in the statistics (as a document
   * examined, though the field columns usually answer without it).
   */
  private hit(rid: number): boolean {
    const phrases = this.search.phrases.length > 0 || this.search.negatedPhrases.length > 0;
    const byColumns = this.matcher.testRecord?.(rid);
    if (byColumns !== undefined && !(byColumns && phrases)) {
      this.docsExamined++;
      if (byColumns) return true;
      this.docsRejected++;
      return false;
    }
    const doc = this.coll.get(rid);
    if (!doc) return false;
    this.docsExamined++;
    if ((byColumns ?? this.matcher.test(doc)) && (!phrases || this.entry.text.matchesPhrases(doc, this.search))) return true;
    this.docsRejected++;
    return false;
  }

  /**
   * Rounds over the candidates scoring at least the n-th best score (n = 4 x `best`, then 16 x ...; ties all
   * in one round), until `best` hits are found; the hits go out in posting order, as a full read sends them
   * (the sort keeps that order among equal keys).
   */
  private produceBestFirst(rids: number[], scores: Float64Array, sink: Sink): boolean {
    const n = rids.length;
    const candidateScores = new Float64Array(n);
    for (let i = 0; i < n; i++) candidateScores[i] = scores[rids[i]];
    const selected = candidateScores.slice();
    const found: number[] = [];
    let above = Infinity;
    for (let wanted = BEST_FIRST_ROUND * this.best; ; wanted *= BEST_FIRST_ROUND) {
      const least = wanted >= n ? -Infinity : nthLargest(selected, wanted);
      for (let i = 0; i < n; i++) {
        const score = candidateScores[i];
        if (score >= least && score < above && this.hit(rids[i])) found.push(i);
      }
      above = least;
      if (found.length >= this.best || wanted >= n) break;
    }
    found.sort((a, b) => a - b);
    for (const i of found) {
      this.nReturned++;
      if (!sink(rids[i], this.docOf(rids[i]))) return false;
    }
    return true;
  }

  totalKeysExamined(): number {
    return this.keysExamined;
  }

  totalDocsExamined(): number {
    return this.docsExamined;
  }

  describe(withStats: boolean): Doc {
    const stats = (fields: Doc): Doc => (withStats ? { nReturned: this.nReturned, executionTimeMillisEstimate: 0, isEOF: this.eof ? 1 : 0, ...fields } : {});
    const ixscan: Doc = {
      stage: "IXSCAN",
      keyPattern: { _fts: "text", _ftsx: 1 },
      indexName: this.entry.spec.name,
      isMultiKey: true,
      isUnique: false,
      isSparse: false,
      isPartial: this.entry.partial !== undefined,
      indexVersion: 2,
      direction: "backward",
      indexBounds: {},
      ...(withStats ? { keysExamined: this.keysExamined } : {}),
    };
    const root = super.describe(withStats);
    return {
      ...root,
      indexPrefix: {},
      indexName: this.entry.spec.name,
      parsedTextQuery: { terms: this.search.terms, negatedTerms: this.search.negated, phrases: this.search.phrases, negatedPhrases: this.search.negatedPhrases },
      textIndexVersion: 3,
      ...(withStats ? { docsRejected: this.docsRejected } : {}),
      inputStage: {
        stage: "FETCH",
        ...(Object.keys(this.filter).length ? { filter: this.filter } : {}),
        ...stats({ docsExamined: this.docsExamined }),
        inputStage: { stage: "TEXT_OR", ...stats({ docsExamined: 0 }), inputStage: ixscan },
      },
    };
  }

  protected works(): number {
    return this.keysExamined + this.docsExamined + 1;
  }
}

/** The n-th largest value (n from 1), by quickselect: reorders `values`, in O(values.length) on average. */
function nthLargest(values: Float64Array, n: number): number {
  const k = n - 1;
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const pivot = values[(low + high) >>> 1];
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i] > pivot) i++;
      while (values[j] < pivot) j--;
      if (i <= j) {
        const swap = values[i];
        values[i] = values[j];
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) high = j;
    else if (k >= i) low = i;
    else return values[k];
  }
  return values[k];
}

/** An in-memory sort; with `limitAmount`, a top-k selection keeping only that many. */
export class SortStage extends PlanStage {
  readonly name = "SORT";

  constructor(
    input: PlanStage,
    private readonly pattern: SortSpec,
    private readonly collation: CollationSpec | undefined,
    private readonly limitAmount: number,
    private readonly scoreOf: ((rid: number) => number | undefined) | undefined,
  ) {
    super(input);
  }

  protected produce(sink: Sink): boolean {
    let items: Array<[number, Doc]> = [];
    this.input!.execute((rid, doc) => {
      items.push([rid, doc]);
      return true;
    });
    const scoreOf = this.scoreOf;
    items = sortItems(items, this.pattern, {
      collation: this.collation,
      docOf: (m) => m[1],
      scoreOf: scoreOf ? (m) => scoreOf(m[0]) : undefined,
      limit: this.limitAmount > 0 ? this.limitAmount : undefined,
    });
    for (const [rid, doc] of items) {
      this.nReturned++;
      if (!sink(rid, doc)) return false;
    }
    return true;
  }

  protected planFields(): Doc {
    return { sortPattern: this.pattern, memLimit: 104857600, ...(this.limitAmount > 0 ? { limitAmount: this.limitAmount } : {}), type: "simple" };
  }

  protected counters(): Doc {
    return { usedDisk: false, spills: 0 };
  }
}

export class SkipStage extends PlanStage {
  readonly name = "SKIP";
  private skipped = 0;

  constructor(
    input: PlanStage,
    private readonly skipAmount: number,
  ) {
    super(input);
  }

  protected produce(sink: Sink): boolean {
    return this.input!.execute((rid, doc) => {
      if (this.skipped < this.skipAmount) {
        this.skipped++;
        return true;
      }
      this.nReturned++;
      return sink(rid, doc);
    });
  }

  protected planFields(): Doc {
    return { skipAmount: this.skipAmount };
  }
}

export class LimitStage extends PlanStage {
  readonly name = "LIMIT";

  constructor(
    input: PlanStage,
    private readonly limitAmount: number,
  ) {
    super(input);
  }

  protected produce(sink: Sink): boolean {
    let stopped = false;
    this.input!.execute((rid, doc) => {
      this.nReturned++;
      if (!sink(rid, doc)) stopped = true;
      return !stopped && this.nReturned < this.limitAmount;
    });
    return !stopped;
  }

  protected planFields(): Doc {
    return { limitAmount: this.limitAmount };
  }
}

/**
 * Counts its input (`count`, countDocuments): skip and limit apply to the count, nothing is kept, and the
 * input stops once `skip + limit` are counted.
 */
export class CountStage extends PlanStage {
  readonly name = "COUNT";
  private counted = 0;

  constructor(
    input: PlanStage,
    private readonly skip: number,
    private readonly limit: number,
  ) {
    super(input);
  }

  get count(): number {
    const n = Math.max(0, this.counted - this.skip);
    return this.limit > 0 ? Math.min(n, this.limit) : n;
  }

  protected produce(): boolean {
    const enough = this.limit > 0 ? this.skip + this.limit : Infinity;
    this.input!.execute(() => ++this.counted < enough);
    return true;
  }

  protected counters(): Doc {
    return { nCounted: this.count, nSkipped: Math.min(this.skip, this.counted) };
  }
}

/**
 * A find's projection. It reshapes the page once it is complete (`reshape` maps results to documents one to
 * one), as the projection library works on a batch.
 */
export class ProjectionStage extends PlanStage {
  readonly name: "PROJECTION_SIMPLE" | "PROJECTION_DEFAULT";

  constructor(
    input: PlanStage,
    private readonly spec: Doc,
    private readonly reshape: (items: Array<[number, Doc]>) => Doc[],
  ) {
    super(input);
    const simple = Object.values(spec).every((v) => v === 0 || v === 1 || v === true || v === false);
    this.name = simple ? "PROJECTION_SIMPLE" : "PROJECTION_DEFAULT";
  }

  protected produce(sink: Sink): boolean {
    const items: Array<[number, Doc]> = [];
    this.input!.execute((rid, doc) => {
      items.push([rid, doc]);
      return true;
    });
    const shaped = this.reshape(items);
    for (let i = 0; i < shaped.length; i++) {
      this.nReturned++;
      if (!sink(items[i][0], shaped[i])) return false;
    }
    return true;
  }

  protected planFields(): Doc {
    return { transformBy: this.spec };
  }
}

/** `explain`'s queryPlanner.winningPlan and executionStats for a plan that has run. */
export function explainPlan(root: PlanStage, millis: number): { winningPlan: Doc; executionStats: Doc } {
  return {
    winningPlan: root.describe(false),
    executionStats: {
      executionSuccess: true,
      nReturned: root instanceof CountStage ? root.count : root.nReturned,
      executionTimeMillis: millis,
      totalKeysExamined: root.totalKeysExamined(),
      totalDocsExamined: root.totalDocsExamined(),
      executionStages: root.describe(true),
    },
  };
}
