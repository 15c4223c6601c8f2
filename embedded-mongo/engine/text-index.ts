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

export class TextIndex {
  /** term -> recordId -> score contribution */
  private readonly postings = new Map<string, Map<number, number>>();
  /** recordId -> its terms (to remove it) */
  private readonly docTerms = new Map<number, string[]>();
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
    const scores = this.scoreDocument(doc);
    for (const [t, s] of scores) {
      let p = this.postings.get(t);
      if (!p) this.postings.set(t, (p = new Map()));
      p.set(recordId, s);
    }
    this.docTerms.set(recordId, [...scores.keys()]);
    if (recordId > this.maxRecordId) this.maxRecordId = recordId;
  }

  remove(recordId: number): void {
    const ts = this.docTerms.get(recordId);
    if (!ts) return;
    for (const t of ts) {
      const p = this.postings.get(t);
      p?.delete(recordId);
      if (p && p.size === 0) this.postings.delete(t);
    }
    this.docTerms.delete(recordId);
  }

  clear(): void {
    this.postings.clear();
    this.docTerms.clear();
  }

  /**
   * Candidate records of a search straight from the posting lists: every record holding any search term
   * and none of the negated ones, in posting order (the first term's records first). Scores are the sums of
   * the stored per-term contributions (no document is read or re-tokenized), in a dense array indexed by
   * record id; `withScores: false` skips them (counts). `examined` counts postings read.
   */
  search(search: TextSearch, withScores = true): TextCandidates {
    const size = this.maxRecordId + 1;
    const scores = withScores ? new Float64Array(size) : undefined;
    const terms = search.terms.filter((t) => this.postings.has(t));
    let examined = 0;
    let rids: number[];
    if (terms.length === 1 && !scores) {
      rids = [...this.postings.get(terms[0])!.keys()];
      examined = rids.length;
    } else {
      rids = [];
      const seen = new Uint8Array(size);
      for (const t of terms) {
        for (const [rid, s] of this.postings.get(t)!) {
          examined++;
          if (seen[rid] === 0) {
            seen[rid] = 1;
            rids.push(rid);
          }
          if (scores) scores[rid] += s;
        }
      }
    }
    if (search.negated.length > 0 && rids.length > 0) {
      const excluded = new Set<number>();
      for (const t of search.negated) {
        const p = this.postings.get(t);
        if (p) for (const rid of p.keys()) excluded.add(rid);
      }
      if (excluded.size > 0) rids = rids.filter((rid) => !excluded.has(rid));
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
