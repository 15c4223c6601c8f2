import { createHash } from "node:crypto";

/** A well-formed record id (24 hex digits) derived from a readable name, so tests can name their records. */
export function testId(name: string): string {
  return createHash("sha1").update(`test:${name}`).digest("hex").slice(0, 24);
}
