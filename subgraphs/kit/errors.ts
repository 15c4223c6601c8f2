import { GraphQLError } from "graphql";
import { ERROR_CODES, type ErrorCode } from "../../contracts/errors";

export { ERROR_CODES, type ErrorCode };

abstract class HubError extends GraphQLError {
  protected constructor(message: string, code: ErrorCode, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

/** Input that can never succeed; `field` names the offending argument path (e.g. `input.endDate`). */
export class BadUserInputError extends HubError {
  constructor(message: string, field?: string) {
    super(message, "BAD_USER_INPUT", field ? { field } : {});
  }
}

export class NotFoundError extends HubError {
  constructor(typeName: string, id: string) {
    super(`${typeName} ${id} was not found`, "NOT_FOUND", { typeName, id });
  }
}

export class ForbiddenError extends HubError {
  constructor(message = "You are not allowed to do this") {
    super(message, "FORBIDDEN");
  }
}

/** The request is valid but clashes with the current state (a duplicate, an impossible transition). */
export class ConflictError extends HubError {
  constructor(message: string) {
    super(message, "CONFLICT");
  }
}

/** A write needs a signed-in caller. A field error like any other: the gateway answers 401 for bad credentials. */
export class UnauthenticatedError extends HubError {
  constructor(message = "Authentication required") {
    super(message, "UNAUTHENTICATED");
  }
}

/** MongoDB's duplicate-key error, raised by unique indexes (also under concurrent writes). */
export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === 11000;
}

/** `value`, or a NOT_FOUND error naming what was looked for. */
export function requireFound<T>(value: T | null | undefined, typeName: string, id: string): T {
  if (value === null || value === undefined) throw new NotFoundError(typeName, id);
  return value;
}
