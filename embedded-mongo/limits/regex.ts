/**
 * V8 switches a regular expression that backtracks excessively to its linear-time engine (same results),
 * so most catastrophic patterns (`^(a+)+$`) answer at once instead of freezing the server. Patterns that
 * engine cannot run (case-insensitive, backreferences, lookarounds, large counted repetitions) are
 * bounded by the command's time limit instead (`time-limit.ts`). The flag is process-wide and changes no
 * result, so setting it in a process that also runs other code is harmless.
 */
import v8 from "node:v8";

export const LINEAR_REGEX_FLAG = "--enable-experimental-regexp-engine-on-excessive-backtracks";

let enabled = false;

export function useLinearRegexFallback(): void {
  if (enabled) return;
  v8.setFlagsFromString(LINEAR_REGEX_FLAG);
  enabled = true;
}
