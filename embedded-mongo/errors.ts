/** mongod's error codes and codeNames, and the error type commands throw. */
import { MingoError } from "mingo/util";

export const ErrorCodes = {
  InternalError: 1,
  Unauthorized: 13,
  AuthenticationFailed: 18,
  CannotBackfillArray: 34,
  MaxTimeMSExpired: 50,
  ExceededMemoryLimit: 146,
  MechanismUnavailable: 334,
  BadValue: 2,
  NoSuchKey: 4,
  FailedToParse: 9,
  TypeMismatch: 14,
  Overflow: 15,
  IllegalOperation: 20,
  InvalidBSON: 22,
  InvalidLength: 16,
  NamespaceNotFound: 26,
  PathNotViable: 28,
  IndexNotFound: 27,
  CursorNotFound: 43,
  NamespaceExists: 48,
  DollarPrefixedFieldName: 52,
  InvalidIdField: 53,
  CommandNotFound: 59,
  CommandNotSupported: 115,
  ImmutableField: 66,
  CannotCreateIndex: 67,
  InvalidOptions: 72,
  InvalidNamespace: 73,
  NoReplicationEnabled: 76,
  IndexOptionsConflict: 85,
  IndexKeySpecsConflict: 86,
  ProtocolError: 17,
  ConflictingUpdateOperators: 40,
  DocumentValidationFailure: 121,
  CommandNotSupportedOnView: 166,
  ViewDepthLimitExceeded: 165,
  OptionNotSupportedOnView: 167,
  CannotIndexParallelArrays: 171,
  InvalidIndexSpecificationOption: 197,
  QueryFeatureNotAllowed: 224,
  ConversionFailure: 241,
  NoSuchTransaction: 251,
  NoQueryExecutionPlans: 291,
  UnsupportedOpQueryCommand: 352,
  BSONObjectTooLarge: 10334,
  DuplicateKey: 11000,
  InvalidPipelineOperator: 168,
  Location40324: 40324,
  Location40414: 40414,
  Location40415: 40415,
  Location31254: 31254,
  Location15974: 15974,
} as const;

const codeNames = new Map<number, string>(Object.entries(ErrorCodes).map(([name, code]) => [code, name]));

export function codeName(code: number): string {
  return codeNames.get(code) ?? `Location${code}`;
}

/** An error that becomes `{ ok: 0, errmsg, code, codeName }` (or a write error) in a reply. */
export class MongoCommandError extends Error {
  readonly code: number;
  readonly codeName: string;
  /** Extra fields merged into the reply (e.g. keyPattern / keyValue for 11000). */
  readonly extra: Record<string, unknown>;

  constructor(code: number, message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.code = code;
    this.codeName = codeName(code);
    this.extra = extra;
  }

  toReply(): Record<string, unknown> {
    return { ok: 0, errmsg: this.message, code: this.code, codeName: this.codeName, ...this.extra };
  }

  toWriteError(index: number): Record<string, unknown> {
    return { index, code: this.code, ...this.extra, errmsg: this.message };
  }
}

export function commandError(code: number, message: string, extra?: Record<string, unknown>): MongoCommandError {
  return new MongoCommandError(code, message, extra);
}

/**
 * Maps anything thrown to a MongoCommandError by its type: the server's own errors keep their code; mingo's
 * (a MingoError: a query, expression or update the library refuses) and RangeErrors are BadValue. Operator
 * names are validated before mingo sees them (unknown update modifiers, stages, expressions), so no code
 * depends on the wording of a library message.
 */
export function toCommandError(error: unknown, fallbackCode: number = ErrorCodes.BadValue): MongoCommandError {
  if (error instanceof MongoCommandError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof MingoError || error instanceof RangeError) return new MongoCommandError(ErrorCodes.BadValue, message);
  return new MongoCommandError(fallbackCode, message);
}
