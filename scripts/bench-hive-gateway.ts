import "reflect-metadata";
import { readFileSync } from "node:fs";
import http from "node:http";
import { ACCESS_HEADER, ANONYMOUS_ACCESS, signAccessToken, type Access } from "../contracts/access";
import { AccessResolver } from "../gateway/auth/access-resolver";
import { AccessTokenCache } from "../gateway/auth/access-tokens";
import { Authenticator } from "../gateway/auth/authenticator";
import { DEV_ISSUER, HUB_AUDIENCE } from "../gateway/auth/issuers";
import { loadOrCreateDevKeys } from "../gateway/auth/keys";

/*
 * Hive Gateway as a contender in `npm run bench:gateway -- --compare-hive`: a benchmark fixture, not part
 * of the hub. It serves the same supergraph from the same subgraphs and does the hub's own work for each
 * request with the hub's own classes: the caller's bearer token verified, their access worked out by the
 * networks subgraph (cached alike), and that access forwarded to each subgraph in the same Ed25519-signed
 * header, one token per (access, subgraph) reused alike. Everything else is Hive's defaults.
 *
 *   node dist/scripts/bench-hive-gateway.js '{"port":5420,"host":"127.0.0.1","planner":"default",…}'
 */

export interface HiveContenderOptions {
  port: number;
  host: string;
  /** "default": Hive's JavaScript query planner; "rust": `@graphql-hive/router-runtime`'s. */
  planner: "default" | "rust";
  supergraphPath: string;
  /** Where each subgraph listens, by name: replaces the URLs recorded in the supergraph. */
  subgraphUrls: Record<string, string>;
  /** The cluster's development keys: the gateway's signing key and the issuer's public key. */
  keysFile: string;
}

interface HubContext {
  request: Request;
  hubAccess?: Access;
}

/*
 * The few parts of Hive's API used here, typed locally: its own typings augment graphql's
 * GraphQLErrorExtensions (`http.headers` as a record) in a way that clashes with Apollo Server's
 * augmentation everywhere in the project's one compilation.
 */
interface HivePlugin {
  onContextBuilding(payload: { context: HubContext; extendContext(extension: Partial<HubContext>): void }): Promise<void>;
}
interface HiveGatewayConfig {
  supergraph: string;
  logging: "warn";
  unifiedGraphHandler?: unknown;
  plugins: () => HivePlugin[];
  propagateHeaders: { fromClientToSubgraphs(payload: { context: HubContext; subgraphName: string }): Promise<Record<string, string>> };
}
type HiveGateway = http.RequestListener & { dispose(): Promise<void> | void };
const { createGatewayRuntime } = require("@graphql-hive/gateway-runtime") as { createGatewayRuntime(config: HiveGatewayConfig): HiveGateway };
const { unifiedGraphHandler } = require("@graphql-hive/router-runtime") as { unifiedGraphHandler: unknown };

/** The supergraph with each subgraph's URL replaced by where it listens in this run. */
function supergraphAt(sdl: string, urls: Record<string, string>): string {
  return sdl.replace(/@join__graph\(name: "(\w+)", url: "[^"]*"\)/g, (whole, name: string) => (urls[name] ? `@join__graph(name: "${name}", url: "${urls[name]}")` : whole));
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? "") as HiveContenderOptions;
  const keys = await loadOrCreateDevKeys(options.keysFile);
  const accessResolver = new AccessResolver(options.subgraphUrls.networks, keys.gatewayPrivateKey);
  const authenticator = new Authenticator([{ issuer: DEV_ISSUER, audience: HUB_AUDIENCE, organizationId: null, key: keys.issuerPublicKey }], (key) =>
    accessResolver.verifyApiKey(key),
  );
  const accessTokens = new AccessTokenCache((access, audience) => signAccessToken(access, audience, keys.gatewayPrivateKey));
  // the hub works the caller's access out once per request, before planning: so does this plugin
  const useHubAccess: HivePlugin = {
    async onContextBuilding({ context, extendContext }) {
      const headers = context.request.headers;
      const identity = await authenticator.identify({ authorization: headers.get("authorization") ?? undefined, "x-api-key": headers.get("x-api-key") ?? undefined });
      extendContext({ hubAccess: await accessResolver.resolve(identity) });
    },
  };
  const gateway = createGatewayRuntime({
    supergraph: supergraphAt(readFileSync(options.supergraphPath, "utf8"), options.subgraphUrls),
    logging: "warn",
    ...(options.planner === "rust" ? { unifiedGraphHandler } : {}),
    plugins: () => [useHubAccess],
    propagateHeaders: {
      fromClientToSubgraphs: async ({ context, subgraphName }) => ({
        [ACCESS_HEADER]: await accessTokens.token(context.hubAccess ?? ANONYMOUS_ACCESS, subgraphName),
      }),
    },
  });
  const server = http.createServer(gateway);
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  console.log(JSON.stringify({ msg: "hive gateway ready", url: `http://${options.host}:${options.port}/graphql`, planner: options.planner }));
  process.once("SIGTERM", () => {
    server.close();
    void Promise.resolve(gateway.dispose()).finally(() => process.exit(0));
  });
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
