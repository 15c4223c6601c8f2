/**
 * A text index: an inverted index from stemmed English terms to per-document scores, scored the way
 * mongod's FTS does (weight x term frequency with a position decay, scaled by term density).
 */
import { eng as englishStopWords } from "stopword";
import stem from "wink-porter2-stemmer";
import { getPath, isPlainObject, type Doc } from "./paths";

const STOP_WORDS = new Set(englishStopWords.map((w: string) => w.toLowerCase()));

const NON_ASCII = /[^\x00-\x7f]/;

export function tokenize(text: string): string[] {
  const lower = text.toLowerCase();
  // accents come off decomposed letters; ASCII has none
  const plain = NON_ASCII.test(lower) ? lower.normalize("NFD").replace(/\p{M}/gu, "") : lower;
  return plain.split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0);
}

/**
 * The term of each token met, null for a stop word: stemming is most of the cost of indexing a document, and
 * a collection's vocabulary is small next to its number of words. Emptied when full.
 */
const TERM_OF_TOKEN = new Map<string, string | null>();
const TOKENS_KEPT = 50_000;

function termOf(token: string): string | null {
  let term = TERM_OF_TOKEN.get(token);
  if (term === undefined) {
    term = STOP_WORDS.has(token) ? null : stem(token);
    if (TERM_OF_TOKEN.size >= TOKENS_KEPT) TERM_OF_TOKEN.clear();
    TERM_OF_TOKEN.set(token, term);
  }
  return term;
}

/** Lower-cased, accent-free, stop-word-free, stemmed terms of a string. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const token of tokenize(text)) {
    const term = termOf(token);
    if (term !== null) out.push(term);
  }
  return out;
}

export interface TextSearch {
  terms: string[];
  negated: string[];
  phrases: string[];
  negatedPhrases: string[];
}

/** Parses a $text $search string: terms, "phrases" and -negations. */
export function parseSearch(search: string): TextSearch {
  const result: TextSearch = { terms: [], negated: [], phrases: [], negatedPhrases: [] };
  const re = /(-?)"([^"]*)"?|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(search)) !== null) {
    if (m[2] !== undefined) {
      const phrase = m[2].trim();
      if (!phrase) continue;
      if (m[1]) result.negatedPhrases.push(phrase.toLowerCase());
      else {
        result.phrases.push(phrase.toLowerCase());
        result.terms.push(...terms(phrase));
      }
      continue;
    }
    const word = m[3];
    if (word.startsWith("-") && word.length > 1) result.negated.push(...terms(word.slice(1)));
    else result.terms.push(...terms(word));
  }
  result.terms = [...new Set(result.terms)];
  return result;
}

export interface TextCandidates {
  /** Matching record ids, each once, in posting order. */
  rids: number[];
  /** Score by record id (dense), when asked for. */
  scores?: Float64Array;
  examined: number;
}

/**
 * One term's postings in flat arrays (no object per posting for the garbage collector to trace): record ids,
 * score contributions and the version of the record's entry that wrote them, in the order they were added.
 */
class Postings {
  rids = new Int32Array(4);
  scores = new Float64Array(4);
  versions = new Uint32Array(4);
  length = 0;

  push(rid: number, score: number, version: number): void {
    if (this.length === this.rids.length) {
      const capacity = this.length * 2;
      this.rids = grown(this.rids, capacity);
      this.scores = grown(this.scores, capacity);
      this.versions = grown(this.versions, capacity);
    }
    this.rids[this.length] = rid;
    this.scores[this.length] = score;
    this.versions[this.length] = version;
    this.length++;
  }
}

function grown<T extends Int32Array | Float64Array | Uint32Array>(array: T, capacity: number): T {
  const next = new (array.constructor as new (length: number) => T)(capacity);
  next.set(array);
  return next;
}

/** Postings of removed or rewritten records are dropped in one pass once they outnumber the live ones. */
const COMPACT_AFTER = 1024;
/** Versions are 32-bit: renumbered (after a compaction) before they wrap. */
const LAST_VERSION = 0xffff_fff0;

export class TextIndex {
  private readonly postings = new Map<string, Postings>();
  /** By record id: the version of its current entry (its postings carry it), 0 when not indexed. */
  private versionOf = new Uint32Array(1024);
  /** By record id: how many postings its current entry has. */
  private termCount = new Uint32Array(1024);
  private nextVersion = 1;
  private livePostings = 0;
  private deadPostings = 0;
  /** Marks the records already met by a search (a record is met when its mark is the search's epoch). */
  private marks = new Uint32Array(1024);
  private epoch = 0;
  readonly weights: Record<string, number>;
  readonly wildcard: boolean;
  /** The highest record id ever added (sizes the dense per-query arrays). */
  private maxRecordId = 0;

  constructor(weights: Record<string, number>) {
    this.weights = weights;
    this.wildcard = Object.prototype.hasOwnProperty.call(weights, "$**");
  }

  /** Per-field strings of a document with their weights. */
  private fieldTexts(doc: Doc): Array<{ text: string; weight: number }> {
    const out: Array<{ text: string; weight: number }> = [];
    if (this.wildcard) {
      const visit = (v: unknown, path: string): void => {
        if (typeof v === "string") out.push({ text: v, weight: this.weights[path] ?? this.weights["$**"] });
        else if (Array.isArray(v)) v.forEach((e) => visit(e, path));
        else if (isPlainObject(v)) for (const k of Object.keys(v)) visit(v[k], path ? `${path}.${k}` : k);
      };
      visit(doc, "");
      return out;
    }
    for (const [field, weight] of Object.entries(this.weights)) {
      const collect = (v: unknown): void => {
        if (typeof v === "string") out.push({ text: v, weight });
        else if (Array.isArray(v)) v.forEach(collect);
      };
      const direct = getPath(doc, field);
      if (direct !== undefined) collect(direct);
      else if (field.includes(".")) {
        // a.b where a is an array of documents
        const [head, ...rest] = field.split(".");
        const arr = doc[head];
        if (Array.isArray(arr)) for (const e of arr) if (isPlainObject(e)) collect(getPath(e, rest.join(".")));
      }
    }
    return out;
  }

  /** Score per term for a document (mongod's formula). */
  scoreDocument(doc: Doc): Map<string, number> {
    const scores = new Map<string, number>();
    for (const { text, weight } of this.fieldTexts(doc)) {
      const fieldTerms = terms(text);
      if (fieldTerms.length === 0) continue;
      const stats = new Map<string, { count: number; freq: number; exp: number }>();
      for (const t of fieldTerms) {
        const s = stats.get(t) ?? { count: 0, freq: 0, exp: 0 };
        s.exp = s.exp ? s.exp * 2 : 1;
        s.count += 1;
        s.freq += 1 / s.exp;
        stats.set(t, s);
      }
      for (const [t, s] of stats) {
        const coeff = (0.5 * s.count) / fieldTerms.length + 0.5;
        scores.set(t, (scores.get(t) ?? 0) + weight * s.freq * coeff);
      }
    }
    return scores;
  }

  add(doc: Doc, recordId: number): void {
    this.remove(recordId);
    if (this.nextVersion >= LAST_VERSION) this.renumber();
    const version = this.nextVersion++;
    const scores = this.scoreDocument(doc);
    for (const [t, s] of scores) {
      let p = this.postings.get(t);
      if (!p) this.postings.set(t, (p = new Postings()));
      p.push(recordId, s, version);
    }
    if (recordId >= this.versionOf.length) {
      const capacity = Math.max(recordId + 1, this.versionOf.length * 2);
      this.versionOf = grown(this.versionOf, capacity);
      this.termCount = grown(this.termCount, capacity);
    }
    this.versionOf[recordId] = version;
    this.termCount[recordId] = scores.size;
    this.livePostings += scores.size;
    if (recordId > this.maxRecordId) this.maxRecordId = recordId;
  }

  remove(recordId: number): void {
    if (recordId >= this.versionOf.length || this.versionOf[recordId] === 0) return;
    this.versionOf[recordId] = 0;
    this.livePostings -= this.termCount[recordId];
    this.deadPostings += this.termCount[recordId];
    this.termCount[recordId] = 0;
    if (this.deadPostings > COMPACT_AFTER && this.deadPostings > this.livePostings) this.compact();
  }

  clear(): void {
    this.postings.clear();
    this.versionOf.fill(0);
    this.termCount.fill(0);
    this.livePostings = 0;
    this.deadPostings = 0;
  }

  /** Drops the postings of removed and rewritten records, keeping the order of the others. */
  private compact(): void {
    for (const [term, p] of this.postings) {
      let kept = 0;
      for (let i = 0; i < p.length; i++) {
        if (p.versions[i] !== this.versionOf[p.rids[i]]) continue;
        p.rids[kept] = p.rids[i];
        p.scores[kept] = p.scores[i];
        p.versions[kept] = p.versions[i];
        kept++;
      }
      p.length = kept;
      if (kept === 0) this.postings.delete(term);
    }
    this.deadPostings = 0;
  }

  /** Every live entry gets version 1 (after a compaction nothing else is left), so versions restart. */
  private renumber(): void {
    this.compact();
    for (const p of this.postings.values()) p.versions.fill(1, 0, p.length);
    for (let rid = 0; rid < this.versionOf.length; rid++) if (this.versionOf[rid] !== 0) this.versionOf[rid] = 1;
    this.nextVersion = 2;
  }

  /** A fresh epoch for marking the records a search meets. */
  private newEpoch(): number {
    if (this.marks.length < this.versionOf.length) this.marks = new Uint32Array(this.versionOf.length);
    if (this.epoch === 0xffff_ffff) {
      this.marks.fill(0);
      this.epoch = 0;
    }
    return ++this.epoch;
  }

  /**
   * Candidate records of a search straight from the posting lists: every record holding any search term
   * and none of the negated ones, in posting order (the first term's records first). Scores are the sums of
   * the stored per-term contributions (no document is read or re-tokenized), in a dense array indexed by
   * record id; `withScores: false` skips them (counts). `examined` counts postings read.
   */
  search(search: TextSearch, withScores = true): TextCandidates {
    const scores = withScores ? new Float64Array(this.maxRecordId + 1) : undefined;
    const { versionOf } = this;
    const epoch = this.newEpoch();
    const { marks } = this;
    let examined = 0;
    const rids: number[] = [];
    for (const t of search.terms) {
      const p = this.postings.get(t);
      if (!p) continue;
      const { rids: ids, scores: contributions, versions, length } = p;
      for (let i = 0; i < length; i++) {
        const rid = ids[i];
        if (versions[i] !== versionOf[rid]) continue;
        examined++;
        if (marks[rid] !== epoch) {
          marks[rid] = epoch;
          rids.push(rid);
        }
        if (scores) scores[rid] += contributions[i];
      }
    }
    if (search.negated.length > 0 && rids.length > 0) {
      const excluded = this.newEpoch();
      let any = false;
      for (const t of search.negated) {
        const p = this.postings.get(t);
        if (!p) continue;
        for (let i = 0; i < p.length; i++) {
          if (p.versions[i] !== versionOf[p.rids[i]]) continue;
          marks[p.rids[i]] = excluded;
          any = true;
        }
      }
      if (any) return { rids: rids.filter((rid) => marks[rid] !== excluded), scores, examined };
    }
    return { rids, scores, examined };
  }

  /** Phrase checks need the raw text. */
  matchesPhrases(doc: Doc, search: TextSearch): boolean {
    if (search.phrases.length === 0 && search.negatedPhrases.length === 0) return true;
    const text = this.fieldTexts(doc)
      .map((f) => f.text.toLowerCase())
      .join("\n");
    return search.phrases.every((p) => text.includes(p)) && !search.negatedPhrases.some((p) => text.includes(p));
  }
}
