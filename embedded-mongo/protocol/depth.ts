/**
 * mongod refuses BSON nested deeper than 200 levels before doing anything with it ("BSONObj exceeded
 * maximum nested object depth", code 15 Overflow). The depth is read from the bytes (no recursion, no
 * objects built), so a message of a million nested documents costs one linear scan.
 */
export const MAX_BSON_DEPTH = 200;

/** Sizes of fixed-width BSON values by type byte. */
const FIXED: Record<number, number> = { 1: 8, 6: 0, 7: 12, 8: 1, 9: 8, 10: 0, 16: 4, 17: 8, 18: 8, 19: 16, 0x7f: 0, 0xff: 0 };

/**
 * The nesting depth of the document at `start` (1 for a flat document), or -1 once it exceeds `limit`.
 * Malformed bytes end the scan early: the BSON parser reports them.
 */
export function bsonDepth(buf: Buffer, start: number, end: number, limit = MAX_BSON_DEPTH): number {
  const ends: number[] = [];
  let pos = start;
  let deepest = 0;
  const enter = (at: number): boolean => {
    if (at + 5 > end) return false;
    const size = buf.readInt32LE(at);
    if (size < 5 || at + size > end) return false;
    ends.push(at + size - 1);
    deepest = Math.max(deepest, ends.length);
    pos = at + 4;
    return true;
  };
  if (!enter(start)) return 0;
  while (ends.length) {
    if (deepest > limit) return -1;
    if (pos >= ends[ends.length - 1]) {
      pos = ends.pop()! + 1;
      continue;
    }
    const type = buf[pos];
    const nameEnd = buf.indexOf(0, pos + 1);
    if (nameEnd < 0 || nameEnd >= end) return deepest;
    let at = nameEnd + 1;
    if (type === 3 || type === 4) {
      if (!enter(at)) return deepest;
      continue;
    }
    if (type in FIXED) at += FIXED[type];
    else if (type === 2 || type === 13 || type === 14 || type === 15) at += 4 + (at + 4 <= end ? buf.readInt32LE(at) : 0) - (type === 15 ? 4 : 0);
    else if (type === 5) at += 5 + (at + 4 <= end ? buf.readInt32LE(at) : 0);
    else if (type === 11) {
      const a = buf.indexOf(0, at);
      const b = a < 0 ? -1 : buf.indexOf(0, a + 1);
      if (b < 0) return deepest;
      at = b + 1;
    } else if (type === 12) at += 4 + (at + 4 <= end ? buf.readInt32LE(at) : 0) + 12;
    else return deepest;
    if (at <= pos || at > end) return deepest;
    pos = at;
  }
  return deepest;
}
