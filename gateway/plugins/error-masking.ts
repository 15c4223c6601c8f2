import { errorMasking } from "../../runtime/error-masking";
import type { Logger } from "../../runtime/observability";
import { OPERATION_TOO_COMPLEX } from "./operation-limits";
import { RATE_LIMITED } from "./rate-limit";
import { REQUEST_TIMEOUT } from "./request-timeout";

/** A subgraph that failed or did not answer (the gateway's data source names it in `extensions.subgraph`). */
export const SUBGRAPH_UNAVAILABLE = "SUBGRAPH_UNAVAILABLE";

/** The gateway's own codes, shown as they are besides the kit's and Apollo Server's request errors. */
const GATEWAY_CODES = [OPERATION_TOO_COMPLEX, RATE_LIMITED, REQUEST_TIMEOUT, SUBGRAPH_UNAVAILABLE];

/**
 * Apollo Server settings so clients see codes and safe messages only: anything unexpected becomes
 * INTERNAL_SERVER_ERROR with the request id, logged in full on the server (`plugin` and
 * `reportingFailures` do that part). Introspection and field suggestions ("Did you mean …?") go together:
 * a caller who may not read the schema is not told it piece by piece.
 */
export function useErrorMasking({ introspection, logger }: { introspection: boolean; logger: Logger }) {
  const { formatError, plugin, reportingFailures } = errorMasking(logger, { safeCodes: GATEWAY_CODES, hideSuggestions: !introspection });
  return {
    settings: { introspection, hideSchemaDetailsFromClientErrors: !introspection, includeStacktraceInErrorResponses: false, formatError },
    plugin,
    reportingFailures,
  };
}
