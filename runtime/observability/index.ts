export * from "./endpoints";
export * from "./logger";
export * from "./metrics";
export * from "./request-id";
export * from "./tracing";
