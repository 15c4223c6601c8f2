import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { startStandaloneServer } from "@apollo/server/standalone";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { GraphQLError, parse } from "graphql";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { readFileSync } from "node:fs";
import path from "node:path";

/*
 * A partner's subgraph: NW RISE's engagement tracker. Plain @apollo/subgraph, @apollo/server and jose;
 * nothing from the hub but its published contract (README): the hub's gateway calls it with a token it
 * signs for this subgraph, verified here with the keys the gateway publishes.
 */

/** The claims the hub sends (its partner access contract, version 1). */
export interface HubClaims {
  sub: string;
  hub_claims_version: number;
  org: string | null;
  roles: string[];
  can_write: boolean;
  networks: Array<{ id: string; relation: "MANAGER" | "MEMBER" }>;
}

interface Engagement {
  networkId: string;
  familyEventsThisYear: number;
  appliedLearningShare: number;
  coordinatorNotes: string;
}

interface DataSet {
  programs: Array<{ id: string; name: string; networkId: string }>;
  engagement: Record<string, Engagement>;
}

export interface PartnerSubgraphOptions {
  port: number;
  host?: string;
  /** The gateway's published keys, e.g. http://localhost:4000/.well-known/jwks.json */
  jwksUrl: string;
  /** This subgraph's name in the hub: the audience of the tokens meant for it. */
  name: string;
  issuer?: string;
  /** How soon an unknown `kid` may trigger a refetch of the keys (jose's default: 30 s). */
  jwksCooldownMs?: number;
  /** How long fetched keys are used before fetching them again (default 5 min, the hub's `Cache-Control`): a key the hub retired stops verifying after at most this long. */
  jwksCacheMaxAgeMs?: number;
}

export interface RunningPartnerSubgraph {
  url: string;
  stop(): Promise<void>;
}

/** The schema and data files sit beside the sources (also when running compiled from dist/). */
const HERE = __dirname.replace(`${path.sep}dist${path.sep}`, path.sep);
export const PARTNER_SDL = readFileSync(path.join(HERE, "schema.graphql"), "utf8");
const DATA = JSON.parse(readFileSync(path.join(HERE, "data.json"), "utf8")) as DataSet;

interface Context {
  claims: HubClaims;
}

/** Notes are the network's: only its members and managers (per the hub's claims) read them. */
function mayReadNotes(claims: HubClaims, networkId: string): boolean {
  return claims.networks.some((network) => network.id === networkId);
}

const resolvers = {
  Query: {
    engagementPrograms: () => DATA.programs,
  },
  School: {
    __resolveReference: (reference: { ncesId: string }) => ({ ncesId: reference.ncesId }),
    engagement: (school: { ncesId: string }) => DATA.engagement[school.ncesId] ?? null,
  },
  SchoolEngagement: {
    coordinatorNotes: (record: Engagement, _args: unknown, { claims }: Context) => (mayReadNotes(claims, record.networkId) ? record.coordinatorNotes : null),
  },
};

export async function startPartnerSubgraph(options: PartnerSubgraphOptions): Promise<RunningPartnerSubgraph> {
  // an unknown `kid` (the hub signs with a new key) refetches the set at once, cooldown permitting
  const jwks = createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: options.jwksCooldownMs, cacheMaxAge: options.jwksCacheMaxAgeMs ?? 300_000 });
  const server = new ApolloServer<Context>({ schema: buildSubgraphSchema({ typeDefs: parse(PARTNER_SDL), resolvers: resolvers as never }),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: options.port, host: options.host ?? "127.0.0.1" },
    context: async ({ req }) => {
      const token = /^Bearer (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
      try {
        const { payload } = await jwtVerify(token ?? "", jwks, {
          issuer: options.issuer ?? "school-network-hub-gateway",
          audience: options.name,
          algorithms: ["EdDSA"],
        });
        if (payload.hub_claims_version !== 1) throw new Error("unsupported claims version");
        return { claims: payload as unknown as HubClaims };
      } catch {
        throw new GraphQLError("Authentication required", { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } });
      }
    },
  });
  return { url, stop: () => server.stop() };
}
