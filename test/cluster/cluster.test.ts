import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateKeyPairSync } from "node:crypto";
import { HUB_PREFIXES } from "../../config/variables";
import { ensureBuilt } from "../support/build";

/**
 * The production topology (`npm run start:cluster`): database, four subgraphs and two gateways, each its
 * own process. A steady stream of queries alternates between the gateways, as a load balancer would
 * (a refused connection goes to the other gateway), while the resources subgraph and then one gateway
 * restart. Traces go to an OTLP receiver the test runs on loopback.
 */
const PROBE = `query ClusterProbe { networks(first: 2) { totalCount } resource(id: "000000000000000000000000") { id } }`;

interface Answer {
  gateway: number;
  status: number;
  body: { data?: any; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

function post(url: string, body: unknown): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", agent: false, headers: { "content-type": "application/json" } }, (response) => {
      let text = "";
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => {
        try {
          resolve({ status: response.statusCode!, body: JSON.parse(text) });
        } catch (error) {
          reject(error);
        }
      });
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(JSON.stringify(body));
  });
}

function get(url: string): Promise<any> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (response) => {
        let text = "";
        response.on("data", (chunk) => (text += chunk));
        response.on("end", () => resolve(JSON.parse(text)));
      })
      .on("error", reject);
  });
}

/** Spans received by the OTLP/HTTP receiver (JSON encoding), flattened. */
interface ReceivedSpan {
  service: string;
  name: string;
  traceId: string;
}

function startOtlpReceiver(): Promise<{ url: string; spans: ReceivedSpan[]; close(): Promise<void> }> {
  const spans: ReceivedSpan[] = [];
  const server = http.createServer((request, response) => {
    let text = "";
    request.on("data", (chunk) => (text += chunk));
    request.on("end", () => {
      const body = JSON.parse(text);
      for (const resourceSpans of body.resourceSpans ?? []) {
        const service = resourceSpans.resource.attributes.find((attribute: any) => attribute.key === "service.name")?.value.stringValue;
        for (const scope of resourceSpans.scopeSpans) for (const span of scope.spans) spans.push({ service, name: span.name, traceId: span.traceId });
      }
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
        spans,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    ),
  );
}

/** A key announced for the next rotation: the cluster passes it to every gateway and subgraph. */
const NEXT_GATEWAY_KEY = generateKeyPairSync("ed25519").publicKey.export({ format: "jwk" });

describe("npm run start:cluster", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "hub-cluster-"));
  const logLines: Array<Record<string, any>> = [];
  let cluster: ChildProcess;
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let exited: Promise<number | null>;

  /** Resolves with the first log line (of any process) that matches. */
  function logLine(match: (line: Record<string, any>) => boolean, from = 0): Promise<Record<string, any>> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = logLines.slice(from).find(match);
        if (found) {
          cluster.stdout!.off("data", onData);
          resolve(found);
        }
      };
      const onData = () => setImmediate(check);
      cluster.stdout!.on("data", onData);
      void exited.then((code) => reject(new Error(`the cluster exited (${code})`)));
      check();
    });
  }

  beforeAll(async () => {
    const entryPoint = ensureBuilt(path.join("scripts", "cluster.js"));
    receiver = await startOtlpReceiver();
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !HUB_PREFIXES.some((prefix) => name.startsWith(prefix))));
    cluster = spawn(process.execPath, [entryPoint], {
      env: {
        ...inherited,
        HUB_DATA_DIR: dataDir,
        HUB_DB_PORT: "0",
        GATEWAY_PORT: "0",
        NETWORKS_PORT: "0",
        RESOURCES_PORT: "0",
        DEVELOPMENT_PORT: "0",
        ADVOCACY_PORT: "0",
        REGISTRY_PORT: "0",
        HUB_LOG_LEVEL: "info",
        HUB_SHUTDOWN_TIMEOUT_MS: "5000",
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        HUB_GATEWAY_NEXT_PUBLIC_KEY: JSON.stringify(NEXT_GATEWAY_KEY),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    exited = new Promise((resolve) => cluster.once("exit", resolve));
    let pending = "";
    cluster.stdout!.on("data", (chunk: Buffer) => {
      pending += chunk.toString();
      const complete = pending.split("\n");
      pending = complete.pop()!;
      for (const line of complete) if (line.startsWith("{")) logLines.push(JSON.parse(line));
    });
    cluster.stderr!.on("data", (chunk: Buffer) => process.stderr.write(chunk));
  }, 300_000);

  afterAll(async () => {
    // after a failed test: stop the cluster as an operator would (it stops its processes), then leave nothing behind
    if (cluster.exitCode === null) {
      cluster.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
      if (cluster.exitCode === null) cluster.kill("SIGKILL");
    }
    const started = logLines.find((line) => line.msg === "cluster ready");
    for (const pid of (started?.pids ?? []) as number[]) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already stopped
      }
    }
    await receiver?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("passes a key rotation's next key to every gateway, which publishes it beside the current one", async () => {
    const ready = await logLine((line) => line.msg === "cluster ready");
    for (const url of ready.gateways as string[]) {
      const jwks = await get(new URL("/.well-known/jwks.json", url).href);
      expect(jwks.keys).toHaveLength(2);
      expect(jwks.keys).toContainEqual(expect.objectContaining({ x: NEXT_GATEWAY_KEY.x }));
    }
  }, 300_000);

  it("keeps answering through a subgraph restart and a gateway restart, then stops cleanly", async () => {
    const ready = await logLine((line) => line.msg === "cluster ready");
    const gateways: string[] = ready.gateways;
    expect(gateways).toHaveLength(2);
    for (const url of gateways) {
      const answer = await post(url, { query: PROBE });
      expect(answer).toMatchObject({ status: 200, body: { data: { networks: { totalCount: expect.any(Number) }, resource: null } } });
      expect(answer.body.errors).toBeUndefined();
    }

    // the stream: one query at a time, alternating; a refused connection is retried on the other gateway, and so is
    // a connection the stopping gateway closed before reading its request (Node's http server closes accepted
    // connections without a request when it stops listening: the client sees ECONNRESET, nothing was served)
    const answers: Answer[] = [];
    const failures: string[] = [];
    let refused = 0;
    let streaming = true;
    let gatewayStopping = false;
    const stream = (async () => {
      for (let turn = 0; streaming; turn++) {
        const first = turn % 2;
        for (const gateway of [first, 1 - first]) {
          try {
            const { status, body } = await post(gateways[gateway], { query: PROBE });
            answers.push({ gateway, status, body });
            break;
          } catch (error) {
            const code = (error as { code?: string }).code;
            const closedUnread = code === "ECONNRESET" && gateway === 0 && gatewayStopping;
            if (code !== "ECONNREFUSED" && !closedUnread) {
              failures.push(`gateway ${gateway + 1}: ${code ?? (error as Error).message}`);
              break;
            }
            if (code === "ECONNREFUSED") refused++;
          }
        }
      }
    })();

    const restarted = (name: string, from: number) => logLine((line) => line.msg === "process restarted" && line.process === name, from);
    let mark = logLines.length;
    process.kill(ready.subgraphs.resources.pid, "SIGTERM");
    await restarted("resources", mark);
    const afterSubgraph = answers.length;
    mark = logLines.length;
    gatewayStopping = true;
    process.kill(ready.gatewayPids[0], "SIGTERM");
    await restarted("gateway-1", mark);
    gatewayStopping = false;
    const afterGateway = answers.length;
    // a few more rounds on both restarted services
    while (answers.length < afterGateway + 6) await new Promise((resolve) => setTimeout(resolve, 50));
    streaming = false;
    await stream;

    expect(failures).toEqual([]);
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    const partial = answers.slice(0, afterSubgraph).filter((answer) => answer.body.errors);
    // while resources was down: the networks part answered, resources' field null, one error naming it
    expect(partial.length).toBeGreaterThan(0);
    for (const answer of partial) {
      expect(answer.body.data).toEqual({ networks: { totalCount: expect.any(Number) }, resource: null });
      const named = answer.body.errors!.filter(
        // the gateway's SUBGRAPH_UNAVAILABLE error names it (extensions.subgraph); Apollo's own fetch error gives its URL
        (error) =>
          (error.extensions?.code === "SUBGRAPH_UNAVAILABLE" && error.extensions?.subgraph === "resources") ||
          error.message.includes(ready.subgraphs.resources.url),
      );
      expect(named.length).toBeGreaterThan(0);
    }
    // every answer after both restarts is whole, from both gateways
    const last = answers.slice(afterGateway);
    expect(last.every((answer) => answer.body.errors === undefined)).toBe(true);
    expect(new Set(last.map((answer) => answer.gateway))).toEqual(new Set([0, 1]));
    // while gateway 1 was down its connections were refused, and those queries went to gateway 2
    expect(refused).toBeGreaterThan(0);

    // traces: one trace spans the gateway and a subgraph, with the subgraph's MongoDB commands
    const deadline = Date.now() + 20_000;
    const joined = () => {
      const gatewayTraces = new Set(receiver.spans.filter((span) => span.service === "gateway").map((span) => span.traceId));
      return receiver.spans.some((span) => span.service === "networks" && span.name.startsWith("mongodb.") && gatewayTraces.has(span.traceId));
    };
    while (!joined() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(joined()).toBe(true);

    cluster.kill("SIGTERM");
    expect(await exited).toBe(0);
    for (const pid of [ready.subgraphs.networks.pid, ready.gatewayPids[1]]) expect(() => process.kill(pid, 0)).toThrow();
  }, 300_000);
});
