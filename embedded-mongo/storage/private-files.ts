/**
 * The data folder is readable by its owner only: the folder 0700, every file in it 0600. Modes are
 * set explicitly (not left to the umask), and a folder made by an older version is tightened at start.
 */
import fs from "node:fs";
import path from "node:path";

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates `dir` (and missing parents) owner-only, and tightens it and everything under it. */
export function privateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  tighten(dir);
}

function tighten(dir: string): void {
  fs.chmodSync(dir, PRIVATE_DIR_MODE);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) tighten(full);
    else if (entry.isFile()) fs.chmodSync(full, PRIVATE_FILE_MODE);
  }
}

/** `fs.openSync` with the owner-only mode (the mode applies when the file is created). */
export function openPrivate(file: string, flags: string): number {
  return fs.openSync(file, flags, PRIVATE_FILE_MODE);
}
