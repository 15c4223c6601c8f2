/**
 * The journal: an append-only file of BSON entries, each framed as [length u32][crc32 u32][bson].
 * Entries of one command are written and fsync'ed before its reply; the file is compacted (rewritten
 * from the current state, then atomically renamed) at startup and whenever it grows well past the
 * size of the live data. A torn tail (crash mid-write) is ignored and truncated on recovery.
 */
import fs from "node:fs";
import { holdNumbers } from "../engine/numbers";
import path from "node:path";
import zlib from "node:zlib";
import { deserialize, serialize, type Document } from "bson";
import { openPrivate, privateDir } from "./private-files";

const FILE = "journal.bson";
const TMP = "journal.bson.compact";
const FRAME = 8;
const MIN_COMPACT_BYTES = 64 * 1024 * 1024;

/** Numbers keep their BSON type (`engine/numbers.ts`): decoded as wrappers, then held. */
const BSON_OPTIONS = { promoteValues: false, promoteBuffers: false, bsonRegExp: false } as const;

function crc32(buf: Uint8Array): number {
  return zlib.crc32(buf) >>> 0;
}

function frame(entry: Document): Buffer {
  const body = serialize(entry, { ignoreUndefined: true, checkKeys: false });
  const out = Buffer.allocUnsafe(FRAME + body.length);
  out.writeUInt32LE(body.length, 0);
  out.writeUInt32LE(crc32(body), 4);
  out.set(body, FRAME);
  return out;
}

export class Journal {
  private fd: number;
  private pending: Buffer[] = [];
  private size: number;
  private liveBytes = 0;
  private readonly file: string;

  private constructor(
    private readonly dir: string,
    fd: number,
    size: number,
  ) {
    this.file = path.join(dir, FILE);
    this.fd = fd;
    this.size = size;
  }

  /** Reads every intact entry; the caller replays them, then calls compact(). */
  static open(dir: string): { journal: Journal; entries: Document[] } {
    privateDir(dir);
    const file = path.join(dir, FILE);
    fs.rmSync(path.join(dir, TMP), { force: true });
    const entries: Document[] = [];
    let valid = 0;
    if (fs.existsSync(file)) {
      const data = fs.readFileSync(file);
      let pos = 0;
      while (pos + FRAME <= data.length) {
        const len = data.readUInt32LE(pos);
        const crc = data.readUInt32LE(pos + 4);
        if (pos + FRAME + len > data.length) break;
        const body = data.subarray(pos + FRAME, pos + FRAME + len);
        if (crc32(body) !== crc) break;
        try {
          entries.push(holdNumbers(deserialize(body, BSON_OPTIONS)));
        } catch {
          break;
        }
        pos += FRAME + len;
      }
      valid = pos;
    }
    const fd = openPrivate(file, fs.existsSync(file) ? "r+" : "w+");
    fs.ftruncateSync(fd, valid);
    return { journal: new Journal(dir, fd, valid), entries };
  }

  append(entry: Document): void {
    this.pending.push(frame(entry));
  }

  get hasPending(): boolean {
    return this.pending.length > 0;
  }

  /** Writes and fsyncs what the last command changed. */
  flush(): void {
    if (this.pending.length === 0) return;
    const buf = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending);
    this.pending = [];
    let off = 0;
    while (off < buf.length) off += fs.writeSync(this.fd, buf, off, buf.length - off, this.size + off);
    fs.fdatasyncSync(this.fd);
    this.size += buf.length;
  }

  /** Whether the journal is big enough, relative to the live data, to be worth rewriting. */
  shouldCompact(): boolean {
    return this.size > MIN_COMPACT_BYTES && this.size > 2 * this.liveBytes;
  }

  /** Rewrites the journal from a snapshot of the current state. */
  compact(snapshot: Iterable<Document>): void {
    this.flush();
    const tmp = path.join(this.dir, TMP);
    const fd = openPrivate(tmp, "w");
    let size = 0;
    let chunk: Buffer[] = [];
    let chunkBytes = 0;
    const writeChunk = (): void => {
      const buf = Buffer.concat(chunk);
      let off = 0;
      while (off < buf.length) off += fs.writeSync(fd, buf, off, buf.length - off, size + off);
      size += buf.length;
      chunk = [];
      chunkBytes = 0;
    };
    for (const entry of snapshot) {
      const f = frame(entry);
      chunk.push(f);
      chunkBytes += f.length;
      if (chunkBytes > 4 * 1024 * 1024) writeChunk();
    }
    writeChunk();
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, this.file);
    try {
      const dirFd = fs.openSync(this.dir, "r");
      fs.fsyncSync(dirFd);
      fs.closeSync(dirFd);
    } catch {
      // directories cannot be opened for fsync on every platform
    }
    fs.closeSync(this.fd);
    this.fd = fs.openSync(this.file, "r+");
    this.size = size;
    this.liveBytes = size;
  }

  close(): void {
    try {
      this.flush();
    } finally {
      fs.closeSync(this.fd);
    }
  }
}
