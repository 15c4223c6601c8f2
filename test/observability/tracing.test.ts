import { SpanKind, trace } from "@opentelemetry/api";
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { DemoSchools } from "../../scripts/demo/ids";
import { startHub, type HubUnderTest } from "../support/hub";

/*
 * One query through the gateway is one trace: the gateway's request, plan and fetches, each subgraph's
 * request under the fetch that called it (W3C traceparent), the resolvers of root fields and entity
 * lookups under that, and the MongoDB commands under the resolver that sent them. The spans go to an
 * in-memory exporter here; in production to OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set.
 */

const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
let hub: HubUnderTest;

beforeAll(async () => {
  provider.register();
  hub = await startHub();
}, 120_000);

afterAll(async () => {
  await hub?.stop();
  await provider.shutdown();
  trace.disable();
});

const CLIENT_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const CLIENT_SPAN_ID = "00f067aa0ba902b7";

/** The spans of one trace once the gateway's request span has ended (the last to end). */
async function traceOf(traceId: string): Promise<ReadableSpan[]> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const spans = exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
    if (spans.some((span) => span.attributes["hub.service"] === "gateway")) return spans;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the gateway's request span never ended");
}

describe("tracing one query", () => {
  it("yields one trace from the gateway through the subgraphs' resolvers to their database commands", async () => {
    exporter.reset();
    const answer = await hub.query(`query Traced($id: ID!) { school(id: $id) { name improvementCycles { edges { node { id } } } } }`, { id: DemoSchools.parker }, {
      traceparent: `00-${CLIENT_TRACE_ID}-${CLIENT_SPAN_ID}-01`,
    });
    expect(answer.errors).toBeUndefined();
    const spans = await traceOf(CLIENT_TRACE_ID);
    const byId = new Map(spans.map((span) => [span.spanContext().spanId, span]));
    /** A span's name and its ancestors', nearest first. */
    const lineage = (span: ReadableSpan): string[] => {
      const names: string[] = [];
      for (let at = span.parentSpanId ? byId.get(span.parentSpanId) : undefined; at; at = at.parentSpanId ? byId.get(at.parentSpanId) : undefined) names.push(at.name);
      return names;
    };
    const one = (predicate: (span: ReadableSpan) => boolean, what: string) => {
      const found = spans.filter(predicate);
      expect({ what, count: found.length }).toEqual({ what, count: 1 });
      return found[0];
    };

    // the gateway's request continues the client's trace: its only span without a parent here is under the client's
    const gatewayRequest = one((span) => span.attributes["hub.service"] === "gateway", "the gateway's request");
    expect(gatewayRequest.parentSpanId).toBe(CLIENT_SPAN_ID);
    expect(gatewayRequest.kind).toBe(SpanKind.SERVER);
    expect(spans.filter((span) => !span.parentSpanId || !byId.has(span.parentSpanId))).toEqual([gatewayRequest]);

    const networksRequest = one((span) => span.attributes["hub.service"] === "networks", "the networks subgraph's request");
    const developmentRequest = one((span) => span.attributes["hub.service"] === "development", "the development subgraph's request");
    for (const request of [networksRequest, developmentRequest]) {
      expect(lineage(request)).toEqual(expect.arrayContaining(["gateway.fetch", gatewayRequest.name]));
    }

    const school = one((span) => span.name === "Query.school", "the school resolver");
    expect(lineage(school)[0]).toBe(networksRequest.name);
    const entities = one((span) => span.name === "Query._entities", "the entity lookup");
    expect(entities.attributes["graphql.entity.types"]).toBe("School");
    expect(lineage(entities)[0]).toBe(developmentRequest.name);
    // no span per field below the roots
    expect(spans.filter((span) => /^(School|ImprovementCycle)\./.test(span.name))).toEqual([]);

    // the database commands nest under the resolver that sent them (fields below the roots: under the request)
    const commands = spans.filter((span) => span.attributes["db.system"] === "mongodb");
    const inNetworks = commands.filter((span) => String(span.attributes["db.name"]).endsWith("networks"));
    const inDevelopment = commands.filter((span) => String(span.attributes["db.name"]).endsWith("development"));
    expect(inNetworks.length).toBeGreaterThan(0);
    expect(inDevelopment.length).toBeGreaterThan(0);
    expect(inNetworks.filter((span) => !lineage(span).includes("Query.school"))).toEqual([]);
    expect(inDevelopment.filter((span) => !lineage(span).includes(developmentRequest.name))).toEqual([]);
  });

  it("starts a new trace for a caller that sends none", async () => {
    exporter.reset();
    await hub.query(`{ school(id: "${DemoSchools.parker}") { name } }`);
    const gatewayRequest = await (async () => {
      for (let attempt = 0; attempt < 100; attempt++) {
        const found = exporter.getFinishedSpans().find((span) => span.attributes["hub.service"] === "gateway");
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error("the gateway's request span never ended");
    })();
    expect(gatewayRequest.parentSpanId).toBeUndefined();
    const traceId = gatewayRequest.spanContext().traceId;
    expect(exporter.getFinishedSpans().find((span) => span.name === "Query.school")?.spanContext().traceId).toBe(traceId);
  });
});
