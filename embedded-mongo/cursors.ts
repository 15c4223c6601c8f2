/** Open server cursors: results waiting for getMore. */
import { calculateObjectSize, Long } from "bson";
import type { Doc } from "./engine/paths";
import { commandError, ErrorCodes } from "./errors";

/** mongod returns at most 16 MiB of documents in one batch. */
export const MAX_BATCH_BYTES = 16 * 1024 * 1024;
export const DEFAULT_FIRST_BATCH = 101;
const IDLE_TIMEOUT_MS = 10 * 60 * 1000;

interface ServerCursor {
  id: Long;
  ns: string;
  docs: Doc[];
  pos: number;
  batchSize?: number;
  lastUsed: number;
}

export class CursorRegistry {
  private readonly cursors = new Map<string, ServerCursor>();
  private readonly sweeper: NodeJS.Timeout;

  constructor() {
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  get open(): number {
    return this.cursors.size;
  }

  close(): void {
    clearInterval(this.sweeper);
    this.cursors.clear();
  }

  private sweep(): void {
    const now = Date.now();
    for (const [k, c] of this.cursors) if (now - c.lastUsed > IDLE_TIMEOUT_MS) this.cursors.delete(k);
  }

  private newId(): Long {
    for (;;) {
      const hi = Math.floor(Math.random() * 0x3fffffff) + 1;
      const lo = Math.floor(Math.random() * 0xffffffff);
      const id = Long.fromBits(lo | 0, hi, false);
      if (!this.cursors.has(id.toString())) return id;
    }
  }

  /** Takes the first batch of `docs`; registers a cursor when more remain. */
  firstBatch(ns: string, docs: Doc[], batchSize: number | undefined, singleBatch = false): Doc {
    const size = batchSize === undefined ? DEFAULT_FIRST_BATCH : batchSize;
    const { batch, next } = takeBatch(docs, 0, size === 0 ? 0 : size);
    let id = Long.ZERO;
    if (next < docs.length && !singleBatch) {
      id = this.newId();
      this.cursors.set(id.toString(), { id, ns, docs, pos: next, lastUsed: Date.now() });
    }
    return { cursor: { firstBatch: batch, id, ns }, ok: 1 };
  }

  getMore(id: Long, ns: string, batchSize: number | undefined): Doc {
    const key = id.toString();
    const cursor = this.cursors.get(key);
    if (!cursor) throw commandError(ErrorCodes.CursorNotFound, `cursor id ${key} not found`);
    if (cursor.ns !== ns) {
      throw commandError(ErrorCodes.Unauthorized, `Requested getMore on namespace '${ns}', but cursor belongs to a different namespace ${cursor.ns}`);
    }
    const { batch, next } = takeBatch(cursor.docs, cursor.pos, batchSize && batchSize > 0 ? batchSize : Number.MAX_SAFE_INTEGER);
    cursor.pos = next;
    cursor.lastUsed = Date.now();
    let replyId = cursor.id;
    if (next >= cursor.docs.length) {
      this.cursors.delete(key);
      replyId = Long.ZERO;
    }
    return { cursor: { nextBatch: batch, id: replyId, ns }, ok: 1 };
  }

  kill(ids: Long[]): Doc {
    const killed: Long[] = [];
    const notFound: Long[] = [];
    for (const id of ids) {
      if (this.cursors.delete(id.toString())) killed.push(id);
      else notFound.push(id);
    }
    return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
  }
}

function takeBatch(docs: Doc[], from: number, count: number): { batch: Doc[]; next: number } {
  const batch: Doc[] = [];
  let bytes = 0;
  let i = from;
  while (i < docs.length && batch.length < count) {
    const size = calculateObjectSize(docs[i]);
    if (batch.length > 0 && bytes + size > MAX_BATCH_BYTES) break;
    bytes += size;
    batch.push(docs[i]);
    i++;
  }
  return { batch, next: i };
}
