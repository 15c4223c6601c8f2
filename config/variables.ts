import { checkIssuerConfigs } from "../gateway/auth/issuer-config";
import * as parse from "./parsers";
import type { Parser } from "./parsers";
import path from "node:path";

/** The checkout's root, whether this runs from sources or from compiled output in dist/. */
export const ROOT = ((parent) => (path.basename(parent) === "dist" ? path.dirname(parent) : parent))(path.resolve(__dirname, ".."));

/**
 * The processes the hub runs as. `subgraph` is any of the four subgraph services; `start` is `npm start`
 * (everything in one process), `cluster` is `npm run start:cluster`, `db` the embedded database CLI,
 * `test` the test suite's own settings, `example` the examples (`examples/client/`, `examples/partner-subgraph/`,
 * which read their own variables so they stay standalone samples; they are declared so the hub's processes
 * accept them).
 */
export type HubProcess = "gateway" | "subgraph" | "start" | "cluster" | "db" | "token" | "bench" | "test" | "example" | "cli";

export interface VariableSpec<T = unknown, P extends HubProcess = HubProcess, R extends HubProcess = never> {
  parse: Parser<T>;
  /** Used when the variable is unset. */
  default?: T;
  /** How the default reads in the docs, when it is not a plain value (e.g. computed, or a secret's absence). */
  defaultText?: string;
  /** Processes that refuse to start without it. */
  requiredBy?: readonly R[];
  readBy: readonly P[];
  description: string;
}

// with a default the value is always there: the loader's types say so
function variable<T, const P extends HubProcess, const R extends P = never>(spec: VariableSpec<T, P, R> & { default: T }): VariableSpec<T, P, R> & { default: T };
function variable<T, const P extends HubProcess, const R extends P = never>(spec: VariableSpec<T, P, R>): VariableSpec<T, P, R>;
function variable(spec: VariableSpec<unknown, HubProcess, HubProcess>): VariableSpec<unknown, HubProcess, HubProcess> {
  return spec;
}

const SERVERS = ["gateway", "subgraph", "start", "cluster"] as const;
/** The processes that run a gateway, so read its settings. */
const GATEWAYS = ["gateway", "start", "cluster"] as const;

/**
 * Every environment variable the hub reads: name, parser, default, meaning and the processes that read
 * it. Adding one is adding an entry here (then `npm run config:docs`); the loader's types, the
 * unknown-variable check and the README's table follow from it. The process reads it as
 * `loadConfig("gateway").HUB_…`, typed by the parser, and passes it to its component as an option.
 */
export const HUB_VARIABLES = {
  HOST: variable({ parse: parse.text, default: "127.0.0.1", readBy: [...SERVERS, "db"], description: "Interface every service listens on (`0.0.0.0` in a container)" }),
  GATEWAY_PORT: variable({ parse: parse.port, default: 4000, readBy: ["gateway", "start", "cluster"], description: "The gateway's port (`start:cluster`: the first gateway's, the second on the first port above it that no subgraph uses, 4006 by default; 0 picks free ports)" }),
  NETWORKS_PORT: variable({ parse: parse.port, default: 4001, readBy: ["subgraph", "start", "cluster"], description: "The networks subgraph's port" }),
  RESOURCES_PORT: variable({ parse: parse.port, default: 4002, readBy: ["subgraph", "start", "cluster"], description: "The resources subgraph's port" }),
  DEVELOPMENT_PORT: variable({ parse: parse.port, default: 4003, readBy: ["subgraph", "start", "cluster"], description: "The development subgraph's port" }),
  REGISTRY_PORT: variable({ parse: parse.port, default: 4005, readBy: ["subgraph", "start", "cluster"], description: "The registry subgraph's port" }),
  ADVOCACY_PORT: variable({ parse: parse.port, default: 4004, readBy: ["subgraph", "start", "cluster"], description: "The advocacy subgraph's port" }),
  NETWORKS_URL: variable({ parse: parse.url("http", "https"), default: "http://localhost:4001/graphql", readBy: ["gateway"], description: "Where the gateway reaches the networks subgraph" }),
  RESOURCES_URL: variable({ parse: parse.url("http", "https"), default: "http://localhost:4002/graphql", readBy: ["gateway"], description: "Where the gateway reaches the resources subgraph" }),
  DEVELOPMENT_URL: variable({ parse: parse.url("http", "https"), default: "http://localhost:4003/graphql", readBy: ["gateway"], description: "Where the gateway reaches the development subgraph" }),
  REGISTRY_URL: variable({ parse: parse.url("http", "https"), default: "http://localhost:4005/graphql", readBy: ["gateway"], description: "Where the gateway reaches the registry subgraph (supergraph versions, usage)" }),
  ADVOCACY_URL: variable({ parse: parse.url("http", "https"), default: "http://localhost:4004/graphql", readBy: ["gateway"], description: "Where the gateway reaches the advocacy subgraph" }),
  SUPERGRAPH_PATH: variable({
    parse: parse.filePath,
    defaultText: "unset: follow the registry, serving `schema/supergraph.graphql` until it answers",
    readBy: ["gateway"],
    description: "A composed supergraph file: set, the gateway serves it and nothing else (no hot reload)",
  }),
  MONGODB_URL: variable({
    parse: parse.mongoUrl,
    defaultText: "`npm start`, `start:cluster`, tests: the embedded database",
    requiredBy: ["subgraph"],
    readBy: ["subgraph", "start", "cluster", "bench", "test"],
    description: "The MongoDB connection string (replica set or Atlas: see docs/deploy.md)",
  }),
  MONGODB_DB_PREFIX: variable({ parse: parse.text, default: "hub_", readBy: ["subgraph", "start", "cluster"], description: "Database names are `<prefix><subgraph>` (`hub_networks`, …, and `hub_audit`)" }),
  HUB_GATEWAY_PRIVATE_KEY: variable({
    parse: parse.ed25519PrivateKey,
    requiredBy: ["gateway"],
    readBy: ["gateway", "start", "cluster"],
    defaultText: "— (`npm start`, `start:cluster`: the development key in `data/keys/`)",
    description: "Ed25519 private key (PKCS8 PEM or JWK), the current one: signs the access forwarded to subgraphs and partners' tokens (see [key rotation](docs/deploy.md#rotating-the-gateways-key))",
  }),
  HUB_GATEWAY_PUBLIC_KEY: variable({ parse: parse.ed25519PublicKey, defaultText: "—", requiredBy: ["subgraph"], readBy: ["subgraph"], description: "The gateway's current public key (SPKI PEM or JWK): subgraphs verify forwarded access with it" }),
  HUB_GATEWAY_PREVIOUS_PUBLIC_KEY: variable({
    parse: parse.ed25519PublicKey,
    defaultText: "unset",
    readBy: ["gateway", "subgraph", "start", "cluster"],
    description: "During a key rotation, the key that signed before: still accepted by subgraphs and published in the JWKS until its tokens have expired",
  }),
  HUB_GATEWAY_NEXT_PUBLIC_KEY: variable({
    parse: parse.ed25519PublicKey,
    defaultText: "unset",
    readBy: ["gateway", "subgraph", "start", "cluster"],
    description: "During a key rotation, the key that will sign next: accepted by subgraphs and published in the JWKS before any gateway signs with it",
  }),
  HUB_TRUSTED_ISSUERS: variable({
    parse: parse.json(checkIssuerConfigs),
    default: [],
    defaultText: "none",
    readBy: ["gateway", "start", "cluster"],
    description: 'JSON array of partner identity providers: `[{ "issuer", "audience"?, "organizationId", "jwksUrl" or "publicKey" }]`',
  }),
  HUB_DEV_ISSUER_PUBLIC_KEY: variable({ parse: parse.ed25519PublicKey, defaultText: "unset: development tokens refused", readBy: ["gateway"], description: "Accept development tokens (the hub's own issuer, `npm run token`)" }),
  HUB_DATA_DIR: variable({ parse: parse.filePath, default: path.resolve("data"), defaultText: "`data`", readBy: ["start", "cluster", "token"], description: "Local data: the embedded database in `db/`, development keys in `keys/`" }),
  DEMO_DATA: variable({ parse: parse.boolean, default: true, readBy: ["start", "cluster"], description: "Load the demo data on first start" }),
  HUB_LOG_LEVEL: variable({
    parse: parse.oneOf("fatal", "error", "warn", "info", "debug", "trace", "silent"),
    default: "info",
    readBy: [...SERVERS],
    description: "Log level of the JSON logs on standard output",
  }),
  HUB_SHUTDOWN_TIMEOUT_MS: variable({
    parse: parse.integer(0, 600_000),
    default: 10_000,
    readBy: [...SERVERS],
    description: "On SIGTERM, how long in-flight requests may finish before connections are cut",
  }),
  OTEL_EXPORTER_OTLP_ENDPOINT: variable({
    parse: parse.url("http", "https"),
    defaultText: "unset: no traces",
    readBy: ["gateway", "subgraph"],
    description: "OTLP/HTTP collector (e.g. `http://collector:4318`): traces are exported there",
  }),
  HUB_CURSOR_KEY: variable({
    parse: parse.secret(32),
    defaultText: "a random key per process",
    readBy: ["subgraph"],
    description: "Signs page cursors (at least 32 bytes); instances of one subgraph behind one gateway need the same key",
  }),
  HUB_CORS_ORIGINS: variable({
    parse: parse.list(parse.text),
    defaultText: "gateway: none; `npm start`: `http://localhost:*,http://127.0.0.1:*`",
    readBy: [...GATEWAYS],
    description: "Browser origins that may call the gateway, comma-separated: exact, with any port (`http://localhost:*`), or `*` (see [CORS](#cors))",
  }),
  HUB_TRUSTED_DOCUMENTS: variable({
    parse: parse.list(parse.filePath),
    defaultText: "gateway: none; `npm start`: `operations/manifest.json`, ids only",
    readBy: [...GATEWAYS],
    description: "Manifests of registered operations, comma-separated; set, only their operations run (see [trusted documents](#trusted-documents))",
  }),
  HUB_IDE: variable({ parse: parse.boolean, default: true, readBy: [...GATEWAYS], description: "The offline GraphQL IDE at `/graphql` for browsers (`false` in production if unwanted)" }),
  HUB_MAX_DEPTH: variable({ parse: parse.integer(1), defaultText: "`12`", readBy: [...GATEWAYS], description: "Deepest field nesting an operation may have" }),
  HUB_MAX_ALIASES: variable({ parse: parse.integer(0), defaultText: "`15`", readBy: [...GATEWAYS], description: "Most aliases in one operation" }),
  HUB_MAX_DIRECTIVES: variable({ parse: parse.integer(0), defaultText: "`10`", readBy: [...GATEWAYS], description: "Most directives in one operation" }),
  HUB_MAX_TOKENS: variable({ parse: parse.integer(1), defaultText: "`1000`", readBy: [...GATEWAYS], description: "Most tokens in one operation's text" }),
  HUB_MAX_COST: variable({ parse: parse.integer(1), defaultText: "`50000`", readBy: [...GATEWAYS], description: "Highest estimated cost of an operation (lists count as their page size)" }),
  HUB_REQUEST_TIMEOUT_MS: variable({ parse: parse.integer(1), defaultText: "`20000`", readBy: [...GATEWAYS], description: "A request's whole time budget; past it the caller gets 504 `REQUEST_TIMEOUT`" }),
  HUB_ACCESS_LOOKUP_TIMEOUT_MS: variable({
    parse: parse.integer(1),
    defaultText: "`5000`",
    readBy: [...GATEWAYS],
    description: "How long the gateway waits for a caller's access from the networks subgraph; past it 503 `SUBGRAPH_UNAVAILABLE`",
  }),
  HUB_RATE_LIMIT_REQUESTS: variable({ parse: parse.integer(0), defaultText: "`600`", readBy: [...GATEWAYS], description: "Requests per caller and window (`0` turns the rate limit off)" }),
  HUB_RATE_LIMIT_WINDOW_MS: variable({ parse: parse.integer(1), defaultText: "`60000`", readBy: [...GATEWAYS], description: "The rate limit's window" }),
  HUB_INTROSPECTION: variable({
    parse: parse.boolean,
    defaultText: "on; off when `NODE_ENV=production`",
    readBy: [...GATEWAYS],
    description: "Schema introspection, and field suggestions in error messages",
  }),
  HUB_TRUST_PROXY: variable({
    parse: parse.proxyTrust,
    defaultText: "`false`: the connection's address",
    readBy: [...GATEWAYS],
    description: "Express's `trust proxy`: a hop count, `true`, or the proxies' addresses and subnets; whose `X-Forwarded-For` gives the address the rate limit counts",
  }),
  NODE_ENV: variable({ parse: parse.text, defaultText: "unset", readBy: [...GATEWAYS], description: "`production` turns introspection and field suggestions off unless `HUB_INTROSPECTION` is set" }),
  HUB_URL: variable({ parse: parse.url("http", "https"), default: "http://localhost:4000/graphql", readBy: ["example", "cli"], description: "The gateway the example client, `npm run subgraph` and `npm run import:oneroster` call" }),
  HUB_API_KEY: variable({ parse: parse.text, defaultText: "—", readBy: ["cli"], description: "`npm run subgraph`: an organization API key with the SCHEMA_PUBLISH scope; `npm run import:oneroster`: a read-write key of the network's organization" }),
  HUB_SUPERGRAPH_POLL_MS: variable({ parse: parse.integer(100), default: 2000, readBy: GATEWAYS, description: "How often the gateway asks the registry for a newer supergraph" }),
  HUB_USAGE_FLUSH_MS: variable({ parse: parse.integer(100), default: 10000, readBy: GATEWAYS, description: "How often the gateway sends the registry the operations it served" }),
  HUB_SUBGRAPH_TIMEOUT_MS: variable({ parse: parse.integer(1), default: 10000, readBy: GATEWAYS, description: "How long the gateway waits for a subgraph's answer" }),
  HUB_SUBGRAPH_TIMEOUTS: variable({
    parse: parse.json(timeoutsBySubgraph),
    defaultText: "the registry: 60000",
    readBy: GATEWAYS,
    description: "JSON object of fetch timeouts (ms) by subgraph name, e.g. `{\"nw-rise-engagement\": 3000}`",
  }),
  HUB_OPERATOR_ORGANIZATION_ID: variable({ parse: parse.text, defaultText: "none", readBy: ["subgraph", "start", "cluster"], description: "The hub operator's organization: owns the built-in subgraphs, may roll back" }),
  HUB_BENCHMARK_MIN_SCHOOLS: variable({
    parse: parse.integer(2),
    default: 5,
    readBy: ["subgraph", "start", "cluster"],
    description: "Benchmarking: a closed period's aggregates show only over at least this many schools, and to a caller only when at least this many of the values are hidden from them",
  }),
  HUB_SURVEY_MIN_RESPONSES: variable({
    parse: parse.integer(2),
    default: 5,
    readBy: ["subgraph", "start", "cluster"],
    description: "Network health surveys: an item's results show only when at least this many educators answered it (and only once the survey is closed)",
  }),
  HUB_ONEROSTER_MAX_ROWS: variable({
    parse: parse.integer(1),
    default: 2000,
    readBy: ["subgraph", "start", "cluster"],
    description: "OneRoster import (`importOneRosterOrgs`, `npm run import:oneroster`): the most data rows one `orgs.csv` may have (the file is also at most 900,000 bytes)",
  }),
  HUB_USAGE_WINDOW_DAYS: variable({ parse: parse.integer(1), default: 7, readBy: ["subgraph"], description: "The registry's breaking-change check counts operations seen in this many days" }),
  HUB_JWKS_URL: variable({
    parse: parse.url("http", "https"),
    default: "http://localhost:4000/.well-known/jwks.json",
    readBy: ["example"],
    description: "The reference partner subgraph (`examples/partner-subgraph/`): where it fetches the gateway's keys",
  }),
  HUB_TOKEN: variable({ parse: parse.text, defaultText: "—", requiredBy: ["example"], readBy: ["example", "cli"], description: "The example client's bearer token (`npm run token`); `npm run subgraph` and `npm run import:oneroster` sign in with it instead of HUB_API_KEY" }),
  HUB_CHROMIUM_PATH: variable({ parse: parse.filePath, default: "/usr/bin/chromium", readBy: ["test"], description: "The Chromium the browser tests drive" }),
  HUB_DB_PORT: variable({ parse: parse.port, default: 27017, readBy: ["db", "cluster"], description: "The embedded database's port (`npm run db`: `--port` overrides; `start:cluster`: 0 picks a free one)" }),
  HUB_DB_PATH: variable({ parse: parse.filePath, defaultText: "unset: in memory", readBy: ["db"], description: "The embedded database's data directory (`--dbpath` overrides)" }),
  BENCH_PHASE_MS: variable({ parse: parse.integer(100), default: 3000, readBy: ["bench"], description: "`bench:db`: length of each measured phase" }),
  BENCH_LARGE_DOCS: variable({ parse: parse.integer(1), default: 1_000_000, readBy: ["bench"], description: "`bench:db`: documents in the large collection" }),
};

function timeoutsBySubgraph(value: unknown): Record<string, number> {
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new Error("an object of milliseconds by subgraph name");
  for (const ms of Object.values(value)) if (!Number.isInteger(ms) || (ms as number) < 1) throw new Error("every timeout is a whole number of milliseconds");
  return value as Record<string, number>;
}

export type HubVariableName = keyof typeof HUB_VARIABLES;

/**
 * Variables under these prefixes belong to the hub: one that is not declared above is a typo
 * (`HUB_GATEWAY_PRIVAT_KEY`, `NETWORKS_PROT`) and stops the process.
 */
export const HUB_PREFIXES = ["HUB_", "GATEWAY_", "NETWORKS_", "RESOURCES_", "DEVELOPMENT_", "ADVOCACY_", "MONGODB_", "SUPERGRAPH_", "DEMO_", "REGISTRY_"];

/** The subgraphs' port and URL variables, by subgraph name. */
export const SUBGRAPH_VARIABLES = {
  networks: { port: "NETWORKS_PORT", url: "NETWORKS_URL" },
  resources: { port: "RESOURCES_PORT", url: "RESOURCES_URL" },
  development: { port: "DEVELOPMENT_PORT", url: "DEVELOPMENT_URL" },
  advocacy: { port: "ADVOCACY_PORT", url: "ADVOCACY_URL" },
  registry: { port: "REGISTRY_PORT", url: "REGISTRY_URL" },
} as const satisfies Record<string, { port: HubVariableName; url: HubVariableName }>;

export type HubSubgraphName = keyof typeof SUBGRAPH_VARIABLES;
