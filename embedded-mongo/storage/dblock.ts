/**
 * One server per --dbpath: a `mongod.lock` file holding the owner's pid, created exclusively.
 * A lock left by a process that no longer runs (kill -9) is taken over; a live owner (another
 * process, or another server in this process) makes startup fail with a clear message.
 */
import fs from "node:fs";
import path from "node:path";
import { openPrivate, privateDir } from "./private-files";

const LOCK_FILE = "mongod.lock";
const heldInThisProcess = new Set<string>();

export class DbPathLockedError extends Error {}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export interface DbPathLock {
  release(): void;
}

export function lockDbPath(dir: string): DbPathLock {
  privateDir(dir);
  const real = fs.realpathSync(dir);
  const file = path.join(real, LOCK_FILE);
  const refuse = (owner: string): never => {
    throw new DbPathLockedError(
      `Unable to lock the dbpath ${real}: it is already in use by ${owner}. Stop that server first, or choose another --dbpath.`,
    );
  };
  if (heldInThisProcess.has(real)) refuse(`another embedded server in this process (pid ${process.pid})`);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openPrivate(file, "wx");
      fs.writeSync(fd, `${process.pid}\n`);
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      heldInThisProcess.add(real);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          heldInThisProcess.delete(real);
          try {
            if (fs.readFileSync(file, "utf8").trim() === String(process.pid)) fs.rmSync(file, { force: true });
          } catch {
            // already gone
          }
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      let owner = NaN;
      try {
        owner = Number.parseInt(fs.readFileSync(file, "utf8").trim(), 10);
      } catch {
        // vanished meanwhile: retry
      }
      if (alive(owner) && owner !== process.pid) refuse(`the process with pid ${owner}`);
      // Stale lock (its process is gone, or it is our own pid from an unclean stop): take it over.
      fs.rmSync(file, { force: true });
    }
  }
  return refuse("another process");
}
