import { context, propagation, SpanKind, SpanStatusCode, trace, type Span } from "@opentelemetry/api";
import type { MongoClient } from "mongodb";

const tracer = trace.getTracer("school-network-hub");

export interface Tracing {
  /** Flushes the spans not yet exported. */
  shutdown(): Promise<void>;
}

/**
 * Exports traces over OTLP/HTTP to `endpoint` (nothing without one). Call it before the HTTP stack is
 * loaded: it patches Node's http module, which carries the trace context from gateway to subgraphs.
 * Apollo Gateway makes its own spans (request, plan, fetch per subgraph) through the same API.
 */
export function startTracing(service: string, endpoint: string | undefined): Tracing {
  if (!endpoint) return { shutdown: async () => {} };
  // loaded only when tracing is on, so a process without an endpoint carries none of it
  const { NodeTracerProvider, BatchSpanProcessor } = require("@opentelemetry/sdk-trace-node") as typeof import("@opentelemetry/sdk-trace-node");
  const { OTLPTraceExporter } = require("@opentelemetry/exporter-trace-otlp-http") as typeof import("@opentelemetry/exporter-trace-otlp-http");
  const { Resource } = require("@opentelemetry/resources") as typeof import("@opentelemetry/resources");
  const { registerInstrumentations } = require("@opentelemetry/instrumentation") as typeof import("@opentelemetry/instrumentation");
  const { HttpInstrumentation } = require("@opentelemetry/instrumentation-http") as typeof import("@opentelemetry/instrumentation-http");
  const provider = new NodeTracerProvider({
    resource: new Resource({ "service.name": service }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: new URL("/v1/traces", endpoint).toString() }), { scheduledDelayMillis: 500 })],
  });
  provider.register();
  registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });
  return { shutdown: () => provider.shutdown() };
}

/** Adds the current trace context (traceparent) to outgoing headers sent with fetch, which the http instrumentation does not see. */
export function withTraceContext(headers: Record<string, string>): Record<string, string> {
  propagation.inject(context.active(), headers);
  return headers;
}

/** One client span per MongoDB command, from the driver's command monitoring (names and database only, never the command's contents). */
export function traceMongoClient(client: MongoClient): void {
  const spans = new Map<number, Span>();
  client.on("commandStarted", (event) => {
    spans.set(
      event.requestId,
      tracer.startSpan(`mongodb.${event.commandName}`, {
        kind: SpanKind.CLIENT,
        attributes: { "db.system": "mongodb", "db.name": event.databaseName, "db.operation": event.commandName },
      }),
    );
  });
  const end = (requestId: number, failed: boolean) => {
    const span = spans.get(requestId);
    spans.delete(requestId);
    if (failed) span?.setStatus({ code: SpanStatusCode.ERROR });
    span?.end();
  };
  client.on("commandSucceeded", (event) => end(event.requestId, false));
  client.on("commandFailed", (event) => end(event.requestId, true));
}
