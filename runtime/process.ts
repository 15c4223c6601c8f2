import type { Logger } from "./observability/logger";

/**
 * A service's process: on the first SIGTERM or SIGINT, `stop` (which finishes in-flight requests, then
 * closes connections), then exit; a second signal exits at once.
 */
export function stopOnSignals(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, "stopping");
    stop().then(
      () => {
        logger.info("stopped");
        process.exit(0);
      },
      (error: Error) => {
        logger.error({ err: error }, "stop failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}

/** Reports a failure to start (a configuration error names its variables) and exits. */
export function exitOnStartFailure(service: string): (error: Error) => never {
  return (error) => {
    console.error(`${service}: ${error.name === "ConfigError" ? error.message : (error.stack ?? error.message)}`);
    process.exit(1);
  };
}
