import { GraphQLError } from "graphql";
import type { ErrorCode } from "../contracts/errors";

/*
 * The gateway's errors that carry the hub's codes (contracts/errors.ts), as the subgraphs' do; codes of the
 * gateway's own (RATE_LIMITED, REQUEST_TIMEOUT, …) sit with the plugins that raise them.
 */

const UNAUTHENTICATED: ErrorCode = "UNAUTHENTICATED";

/** The caller's credentials are malformed or not accepted (401); the message never says which part failed. */
export class UnauthenticatedError extends GraphQLError {
  constructor(message = "Authentication required") {
    super(message, { extensions: { code: UNAUTHENTICATED, http: { status: 401 } } });
  }
}
