import type { ApolloServerPlugin } from "@apollo/server";
import type express from "express";
import type { MongoClient } from "mongodb";
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import { observeMongoCommands } from "./mongo-commands";

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Operation names come from clients: past this many distinct ones, the rest count as "other" (bounded label set). */
const MAX_OPERATION_NAMES = 200;

/**
 * One service's Prometheus metrics, on a registry of its own (tests run several services in one
 * process). Names follow Prometheus conventions with the `hub_` prefix.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();

  readonly requests = new Counter({
    name: "hub_graphql_requests_total",
    help: "GraphQL operations served, by operation name and outcome (ok, error)",
    labelNames: ["operation", "outcome"] as const,
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: "hub_graphql_request_duration_seconds",
    help: "Time to answer a GraphQL operation, by operation name",
    labelNames: ["operation"] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: "hub_graphql_errors_total",
    help: "GraphQL errors returned, by extensions.code",
    labelNames: ["code"] as const,
    registers: [this.registry],
  });
  readonly subgraphLatency = new Histogram({
    name: "hub_subgraph_fetch_duration_seconds",
    help: "Gateway: time of each fetch to a subgraph",
    labelNames: ["subgraph"] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly subgraphErrors = new Counter({
    name: "hub_subgraph_fetch_errors_total",
    help: "Gateway: subgraph fetches that failed (unreachable, HTTP error)",
    labelNames: ["subgraph"] as const,
    registers: [this.registry],
  });
  readonly dbCommands = new Counter({
    name: "hub_mongodb_commands_total",
    help: "MongoDB commands sent, by command name and outcome",
    labelNames: ["command", "outcome"] as const,
    registers: [this.registry],
  });
  readonly dbLatency = new Histogram({
    name: "hub_mongodb_command_duration_seconds",
    help: "MongoDB command round trips, by command name",
    labelNames: ["command"] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly dbConnections = new Gauge({
    name: "hub_mongodb_pool_connections",
    help: "MongoDB driver pool connections: open, and checked out (in use)",
    labelNames: ["state"] as const,
    registers: [this.registry],
  });

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
  }

  /** A label for a client-chosen operation name, keeping the number of series bounded. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return "anonymous";
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_NAMES) return "other";
    this.operations.add(name);
    return name;
  }

  /** `GET /metrics` in the Prometheus text format. */
  handler(): express.RequestHandler {
    return (_request, response, next) => {
      this.registry.metrics().then((text) => {
        response.type(this.registry.contentType).send(text);
      }, next);
    };
  }
}

/** Counts every GraphQL operation, its latency and its errors by code. */
export function metricsPlugin(metrics: ServiceMetrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const end = process.hrtime.bigint();
      return {
        async willSendResponse({ request, operationName, errors, response }) {
          const operation = metrics.operationLabel(operationName ?? request.operationName);
          const body = response.body;
          const responseErrors = errors ?? (body.kind === "single" ? body.singleResult.errors : undefined) ?? [];
          metrics.requests.inc({ operation, outcome: responseErrors.length > 0 ? "error" : "ok" });
          metrics.latency.observe({ operation }, Number(process.hrtime.bigint() - end) / 1e9);
          for (const error of responseErrors) metrics.errors.inc({ code: String(error.extensions?.code ?? "INTERNAL_SERVER_ERROR") });
        },
      };
    },
  };
}

/** Database commands (their names, outcomes and round trips) and the driver's pool usage. */
export function instrumentMongoClient(client: MongoClient, metrics: ServiceMetrics): void {
  observeMongoCommands(client, {
    started(commandName) {
      const start = process.hrtime.bigint();
      return (failed) => {
        metrics.dbCommands.inc({ command: commandName, outcome: failed ? "error" : "ok" });
        metrics.dbLatency.observe({ command: commandName }, Number(process.hrtime.bigint() - start) / 1e9);
      };
    },
  });
  client.on("connectionCreated", () => metrics.dbConnections.inc({ state: "open" }));
  client.on("connectionClosed", () => metrics.dbConnections.dec({ state: "open" }));
  client.on("connectionCheckedOut", () => metrics.dbConnections.inc({ state: "checked_out" }));
  client.on("connectionCheckedIn", () => metrics.dbConnections.dec({ state: "checked_out" }));
}
