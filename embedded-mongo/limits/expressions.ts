/**
 * Expressions that build values bigger than their inputs ($range, $concatArrays, $concat, $replaceAll,
 * $replaceOne) are checked before they build: one value over mongod's 100 MB memory limit, or one command
 * building more than four times that in all (a $map of $range, a $reduce that doubles an array), fails with
 * code 146 ExceededMemoryLimit instead of the process running out of memory. mingo then builds the value
 * from the already evaluated arguments (passed as $literal, so nothing is evaluated twice).
 */
import { evalExpr } from "mingo/core";
import type { Options } from "mingo/types/types";
import { isPlainObject, type Doc } from "../engine/paths";
import { commandError, ErrorCodes } from "../errors";

type ExpressionOperator = (obj: unknown, expr: unknown, options: Options) => unknown;

export const MEMORY_LIMIT_BYTES = 100 * 1024 * 1024;
/** mongod's in-memory size of one array element, near enough for a limit. */
const ELEMENT_BYTES = 16;
/** What one command may build in all (most of it is garbage by the end, but not while a $map holds it). */
export const COMMAND_BUILD_LIMIT_BYTES = 4 * MEMORY_LIMIT_BYTES;

let builtByCommand = 0;

/** Called as each command starts. */
export function startBuildBudget(): void {
  builtByCommand = 0;
}

function tooMuch(operator: string, bytes: number): Error {
  return commandError(
    ErrorCodes.ExceededMemoryLimit,
    `${operator} would use too much memory (${bytes} bytes) and cannot spill to disk. Memory limit: ${MEMORY_LIMIT_BYTES} bytes`,
  );
}

/** Accounts for a value about to be built; refuses it when it alone, or the command's total, is too big. */
function account(operator: string, bytes: number): void {
  if (bytes > MEMORY_LIMIT_BYTES) throw tooMuch(operator, bytes);
  builtByCommand += bytes;
  if (builtByCommand > COMMAND_BUILD_LIMIT_BYTES) {
    throw commandError(
      ErrorCodes.ExceededMemoryLimit,
      `${operator}: this command's expressions would use too much memory (over ${COMMAND_BUILD_LIMIT_BYTES} bytes built) and cannot spill to disk`,
    );
  }
}

const literal = (v: unknown): Doc => ({ $literal: v });
/** The already evaluated arguments, in the shape the operator was given them. */
const asLiterals = (expr: unknown, args: unknown): unknown => (Array.isArray(expr) && Array.isArray(args) ? args.map(literal) : literal(args));

export function boundedExpressionOperators(ops: Record<string, ExpressionOperator>): Record<string, ExpressionOperator> {
  return {
    $range(obj, expr, options) {
      const args = evalExpr(obj as never, expr as never, options) as unknown;
      if (Array.isArray(args)) {
        const [start, end, step = 1] = args as number[];
        if ([start, end, step].every((n) => typeof n === "number" && Number.isFinite(n)) && step !== 0) {
          account("$range", Math.max(0, Math.ceil((end - start) / step)) * ELEMENT_BYTES);
        }
      }
      return ops.$range(obj, asLiterals(expr, args), options);
    },
    $concatArrays(obj, expr, options) {
      const args = evalExpr(obj as never, expr as never, options) as unknown;
      if (Array.isArray(args)) {
        const elements = args.reduce((n: number, a) => n + (Array.isArray(a) ? a.length : 0), 0);
        account("$concatArrays", elements * ELEMENT_BYTES);
      }
      return ops.$concatArrays(obj, asLiterals(expr, args), options);
    },
    $concat(obj, expr, options) {
      const args = evalExpr(obj as never, expr as never, options) as unknown;
      if (Array.isArray(args)) account("$concat", args.reduce((n: number, s) => n + (typeof s === "string" ? s.length : 0), 0));
      return ops.$concat(obj, asLiterals(expr, args), options);
    },
    $replaceAll: boundedReplace("$replaceAll", ops.$replaceAll, true),
    $replaceOne: boundedReplace("$replaceOne", ops.$replaceOne, false),
  };
}

function boundedReplace(name: string, op: ExpressionOperator, all: boolean): ExpressionOperator {
  return (obj, expr, options) => {
    const args = evalExpr(obj as never, expr as never, options) as unknown;
    if (!isPlainObject(args)) return op(obj, expr, options);
    const { input, find, replacement } = args;
    if (typeof input === "string" && typeof find === "string" && typeof replacement === "string") {
      const occurrences = all ? (find === "" ? input.length + 1 : input.split(find).length - 1) : 1;
      account(name, input.length + occurrences * Math.max(0, replacement.length - find.length));
    }
    return op(obj, { input: literal(input), find: literal(find), replacement: literal(replacement) }, options);
  };
}
