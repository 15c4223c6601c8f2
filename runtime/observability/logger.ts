import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger } from "pino";

/**
 * Never logged, wherever they appear in a log object: credentials, the forwarded access, request and
 * response bodies, GraphQL variables (they carry people's names and contacts) and personal fields.
 */
const REDACTED = [
  "authorization",
  "*.authorization",
  "headers",
  "*.headers",
  '["x-api-key"]',
  '["x-hub-access"]',
  "cookie",
  "*.cookie",
  "body",
  "*.body",
  "variables",
  "*.variables",
  "query",
  "*.query",
  "token",
  "*.token",
  "key",
  "*.key",
  "email",
  "*.email",
  "phone",
  "*.phone",
  "password",
  "*.password",
];

export interface LoggerOptions {
  service: string;
  level?: string;
  /** Where lines go (standard output by default; tests pass a stream to read them). */
  destination?: DestinationStream;
}

/** JSON lines, one per event, with the service's name on each and secrets removed. */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level ?? "info",
      base: { service: options.service },
      redact: { paths: REDACTED, remove: true },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination,
  );
}

/** For services started without a logger (tests, embedded use). */
export const SILENT_LOGGER: Logger = pino({ level: "silent" });
