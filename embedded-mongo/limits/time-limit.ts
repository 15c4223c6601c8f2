/**
 * Time limits for one command: the client's `maxTimeMS`, or the server's limit for commands that evaluate
 * regular expressions (a backtracking pattern can run for hours on a short string and the server has one
 * thread). The work is stopped wherever it is by V8's watchdog (`vm` timeout), which also interrupts a
 * regular expression mid-match, so only work that changes nothing runs under it: reads whole, writes in
 * their matching and computing phase (their changes are applied outside, never half-way).
 */
import vm from "node:vm";
import { isPlainObject, type Doc } from "../engine/paths";
import { commandError, ErrorCodes } from "../errors";

export interface TimeLimit {
  ms: number;
  message: string;
}

/** The server's limit for commands carrying a regular expression, when the client gave no maxTimeMS. */
export const DEFAULT_REGEX_TIME_LIMIT_MS = 5000;
const MAX_TIME_MS = 2147483647;
const PATTERN_OPERATORS = new Set(["$regex", "$regexMatch", "$regexFind", "$regexFindAll"]);

const sandbox = vm.createContext({ run: undefined as undefined | (() => void) });
const runInSandbox = new vm.Script("run()");
let current: (TimeLimit & { deadline: number }) | undefined;
let watched = false;

function expired(limit: TimeLimit): Error {
  return commandError(ErrorCodes.MaxTimeMSExpired, limit.message);
}

/** Whether a command document holds a regular expression or an operator that evaluates one (iterative: documents may be deep). */
export function carriesPattern(body: Doc): boolean {
  const stack: unknown[] = [body];
  while (stack.length) {
    const v = stack.pop();
    if (v instanceof RegExp || (v as { _bsontype?: string } | null)?._bsontype === "BSONRegExp") return true;
    if (Array.isArray(v)) stack.push(...v);
    else if (isPlainObject(v)) {
      for (const [k, child] of Object.entries(v)) {
        if (PATTERN_OPERATORS.has(k)) return true;
        if (child !== null && typeof child === "object") stack.push(child);
      }
    }
  }
  return false;
}

/** The command's time limit: its maxTimeMS (0 = none), else the regex limit when it carries a pattern. */
export function timeLimitOf(body: Doc, regexLimitMs: number): TimeLimit | undefined {
  const raw = body.maxTimeMS;
  if (raw !== undefined && raw !== null) {
    const ms = typeof raw === "number" ? raw : Number((raw as { valueOf(): unknown }).valueOf());
    if (!Number.isInteger(ms) || ms < 0 || ms > MAX_TIME_MS) {
      throw commandError(ErrorCodes.BadValue, `${String(raw)} value for maxTimeMS is out of range [0, ${MAX_TIME_MS}]`);
    }
    if (ms > 0) return { ms, message: "operation exceeded time limit" };
  }
  if (regexLimitMs > 0 && carriesPattern(body)) {
    return { ms: regexLimitMs, message: `operation exceeded the server's time limit of ${regexLimitMs} ms for commands evaluating regular expressions (give maxTimeMS to choose another)` };
  }
  return undefined;
}

/** Runs a command with its time limit in force for `interruptible` sections. */
export function withTimeLimit<T>(limit: TimeLimit | undefined, fn: () => T): T {
  const previous = current;
  current = limit ? { ...limit, deadline: Date.now() + limit.ms } : undefined;
  try {
    return fn();
  } finally {
    current = previous;
  }
}

/** Runs work that changes nothing so the watchdog may stop it anywhere once the time limit has passed. */
export function interruptible<T>(fn: () => T): T {
  if (!current || watched) return fn();
  const limit = current;
  const remaining = Math.ceil(limit.deadline - Date.now());
  if (remaining <= 0) throw expired(limit);
  let result: T | undefined;
  watched = true;
  sandbox.run = () => {
    result = fn();
  };
  try {
    runInSandbox.runInContext(sandbox, { timeout: remaining });
  } catch (e) {
    if ((e as NodeJS.ErrnoException)?.code === "ERR_SCRIPT_EXECUTION_TIMEOUT") throw expired(limit);
    throw e;
  } finally {
    watched = false;
    sandbox.run = undefined;
  }
  return result as T;
}

/** A cheap check between units of work that must not be interrupted (e.g. between write statements). */
export function checkTimeLimit(): void {
  if (current && Date.now() >= current.deadline) throw expired(current);
}
