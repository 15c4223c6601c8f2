import { context, propagation, SpanKind, SpanStatusCode, trace, type Context } from "@opentelemetry/api";
import type express from "express";
import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import type { MongoClient } from "mongodb";
import { observeMongoCommands } from "./mongo-commands";

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

const NOT_TRACED = () => {};

/**
 * One client span per MongoDB command sent while a traced request is handled, under the span active then
 * (names and database only, never the command's contents). Other commands (readiness pings, index
 * creation at start, every command when tracing is off) cost no span.
 */
export function traceMongoClient(client: MongoClient): void {
  observeMongoCommands(client, {
    started(commandName, databaseName) {
      if (!trace.getSpan(context.active())?.isRecording()) return NOT_TRACED;
      const span = tracer.startSpan(`mongodb.${commandName}`, {
        kind: SpanKind.CLIENT,
        attributes: { "db.system": "mongodb", "db.name": databaseName, "db.operation": commandName },
      });
      return (failed) => {
        if (failed) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      };
    },
  });
}

/**
 * One server span per request, under the caller's trace (its W3C `traceparent`, unless the HTTP
 * instrumentation already started one), kept in `res.locals.traceContext` so `keepTraceContext` restores
 * it after the body parser; every span of the request nests under it.
 */
export function traceRequest(service: string): express.RequestHandler {
  return (request, response, next) => {
    const parent = trace.getSpan(context.active()) ? context.active() : propagation.extract(context.active(), request.headers);
    const span = tracer.startSpan(`${service} ${request.method} ${request.baseUrl}`, { kind: SpanKind.SERVER, attributes: { "hub.service": service, "http.request.method": request.method } }, parent);
    const active = trace.setSpan(parent, span);
    response.locals.traceContext = active;
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      span.setAttribute("http.response.status_code", response.statusCode);
      if (response.statusCode >= 500 || !response.writableFinished) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    };
    response.on("finish", end);
    response.on("close", end);
    context.with(active, next);
  };
}

/** The trace context `traceRequest` kept for this response, if any. */
export function requestTraceContext(response: express.Response): Context {
  return (response.locals.traceContext as Context | undefined) ?? context.active();
}

const tracedSchemas = new WeakSet<GraphQLSchema>();

/**
 * A span around each resolver of a root field (`Query.…`, `Mutation.…`, and `Query._entities`, the entity
 * lookups the gateway asks for) in a traced request, active while it runs so the database commands it sends nest under it.
 * Fields below the root get none: a span per scalar would cost more than it tells. Wraps in place, once.
 */
export function traceRootResolvers(schema: GraphQLSchema): GraphQLSchema {
  if (tracedSchemas.has(schema)) return schema;
  tracedSchemas.add(schema);
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    if (!root || !isObjectType(root)) continue;
    for (const field of Object.values(root.getFields())) {
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      const name = `${root.name}.${field.name}`;
      field.resolve = (source, args, contextValue, info) => {
        // outside a traced request (tracing off, or not sampled) the resolver runs as it is
        if (!trace.getSpan(context.active())?.isRecording()) return resolve(source, args, contextValue, info);
        return tracer.startActiveSpan(name, { attributes: { "graphql.field.path": name, ...entityTypes(field.name, args) } }, (span) => {
          const fail = (error: unknown) => {
            span.setStatus({ code: SpanStatusCode.ERROR, message: errorCode(error) });
            span.end();
            throw error;
          };
          try {
            const result = resolve(source, args, contextValue, info);
            if (typeof (result as PromiseLike<unknown> | undefined)?.then !== "function") {
              span.end();
              return result;
            }
            return (result as Promise<unknown>).then((value) => {
              span.end();
              return value;
            }, fail);
          } catch (error) {
            return fail(error);
          }
        });
      };
    }
  }
  return schema;
}

/** For `_entities`, the types looked up (never the keys: they may identify people). */
function entityTypes(field: string, args: Record<string, unknown>): Record<string, string> {
  if (field !== "_entities" || !Array.isArray(args.representations)) return {};
  const types = new Set(args.representations.map((representation: { __typename?: unknown }) => String(representation?.__typename)));
  return { "graphql.entity.types": [...types].sort().join(",") };
}

/** An error's code, not its message: messages may carry input. */
function errorCode(error: unknown): string {
  const code = (error as { extensions?: { code?: unknown } })?.extensions?.code;
  return typeof code === "string" ? code : "INTERNAL_SERVER_ERROR";
}
