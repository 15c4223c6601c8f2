import { GraphQLError } from "graphql";
import type { KeyLike } from "jose";
import { LRUCache } from "lru-cache";
import { ACCESS_HEADER, ANONYMOUS_ACCESS, signAccessToken, type Access, type ApiKeyScope, type SharedKind } from "../../contracts/access";
import { logUnexpectedError } from "../../runtime/error-masking";
import { REQUEST_ID_HEADER, type RequestScope } from "../../runtime/observability/request-id";
import { SUBGRAPH_UNAVAILABLE } from "../plugins/error-masking";
import type { Identity } from "./identity";

/** How long a worked-out access is reused by default: accepting or ending a membership or an alliance takes effect within this bound. */
export const ACCESS_CACHE_TTL_MS = 30_000;
/** How long the gateway waits for the networks subgraph's answer by default before refusing the request (503). */
export const ACCESS_LOOKUP_TIMEOUT_MS = 5_000;

const SYSTEM_ACCESS: Access = { ...ANONYMOUS_ACCESS, principal: { kind: "SYSTEM" } };

interface AccessGrants {
  schoolIds: string[];
  managedNetworkIds: string[];
  memberNetworkIds: string[];
  allied: Array<{ kind: SharedKind; networkIds: string[] }>;
  schoolMemberships: Access["schoolMemberships"];
}

const GRANTS_QUERY = `query AccessGrants($organizationId: ID!, $schoolIds: [ID!]!, $coordinatedNetworkIds: [ID!]!, $organizationAdmin: Boolean!) {
  accessGrants(organizationId: $organizationId, schoolIds: $schoolIds, coordinatedNetworkIds: $coordinatedNetworkIds, organizationAdmin: $organizationAdmin) {
    schoolIds managedNetworkIds memberNetworkIds allied { kind networkIds } schoolMemberships { schoolId networkId }
  }
}`;

const API_KEY_QUERY = `query ApiKeyGrant($key: String!) { apiKeyGrant(key: $key) { keyId organizationId canWrite scopes } }`;

type ApiKeyIdentity = Extract<Identity, { kind: "API_KEY" }>;

/** What a lookup of one identity's access needs beyond the cache key. */
interface Lookup {
  identity: Exclude<Identity, { kind: "ANONYMOUS" }>;
  scope?: RequestScope;
}

/**
 * Works out what an identity may see and do from the networks subgraph (organizations, memberships,
 * alliances and their agreements), asking it as the gateway itself, and caches the answer briefly.
 * Concurrent requests of one identity share one lookup: when its answer expires under load, one
 * request asks again and the others wait for it, instead of every one of them asking at once.
 */
export class AccessResolver {
  private readonly cache: LRUCache<string, Access, Lookup>;
  private readonly apiKeyLookups = new Map<string, Promise<ApiKeyIdentity | null>>();

  constructor(
    private readonly networksUrl: string,
    private readonly gatewayPrivateKey: KeyLike,
    cacheTtlMs = ACCESS_CACHE_TTL_MS,
    private readonly lookupTimeoutMs = ACCESS_LOOKUP_TIMEOUT_MS,
  ) {
    this.cache = new LRUCache<string, Access, Lookup>({
      max: 10_000,
      ttl: cacheTtlMs,
      // a lookup whose entry is evicted meanwhile still answers the requests waiting for it
      ignoreFetchAbort: true,
      fetchMethod: (_key, _stale, { context }) => this.workOut(context.identity, context.scope),
    });
  }

  /** `scope`: the request the lookup is made for, named in its logs and the networks subgraph's. */
  async resolve(identity: Identity, scope?: RequestScope): Promise<Access> {
    if (identity.kind === "ANONYMOUS") return ANONYMOUS_ACCESS;
    // a failed lookup rejects every request waiting for it and is not cached: the next request asks again
    return (await this.cache.fetch(JSON.stringify(identity), { context: { identity, scope } }))!;
  }

  /**
   * Looks up an API key (the networks subgraph stores only its hash). Never cached, so a revoked key is refused
   * at once; requests that arrive while their key is being looked up share that lookup.
   */
  verifyApiKey(key: string, scope?: RequestScope): Promise<ApiKeyIdentity | null> {
    let lookup = this.apiKeyLookups.get(key);
    if (!lookup) {
      lookup = this.lookUpApiKey(key, scope).finally(() => this.apiKeyLookups.delete(key));
      this.apiKeyLookups.set(key, lookup);
    }
    return lookup;
  }

  private async lookUpApiKey(key: string, scope: RequestScope | undefined): Promise<ApiKeyIdentity | null> {
    const data = await this.ask<{ apiKeyGrant: { keyId: string; organizationId: string; canWrite: boolean; scopes: ApiKeyScope[] } | null }>(API_KEY_QUERY, { key }, scope);
    return data.apiKeyGrant ? { kind: "API_KEY", ...data.apiKeyGrant } : null;
  }

  private async workOut(identity: Exclude<Identity, { kind: "ANONYMOUS" }>, scope: RequestScope | undefined): Promise<Access> {
    const roles = identity.kind === "PERSON" ? identity.roles : [];
    const organizationAdmin = identity.kind === "API_KEY" ? identity.canWrite : roles.some((role) => role.role === "ORG_ADMIN");
    const { accessGrants } = await this.ask<{ accessGrants: AccessGrants }>(GRANTS_QUERY, {
      organizationId: identity.organizationId,
      schoolIds: roles.flatMap((role) => (role.role === "STAFF" ? [role.schoolId] : [])),
      coordinatedNetworkIds: roles.flatMap((role) => (role.role === "COORDINATOR" ? [role.networkId] : [])),
      organizationAdmin,
    }, scope);
    return {
      principal: identity.kind === "PERSON" ? { kind: "PERSON", personId: identity.personId } : { kind: "API_KEY", keyId: identity.keyId, scopes: identity.scopes },
      organizationId: identity.organizationId,
      canWrite: identity.kind === "PERSON" || identity.canWrite,
      organizationAdmin: identity.kind === "PERSON" && organizationAdmin,
      schoolIds: accessGrants.schoolIds,
      managedNetworkIds: accessGrants.managedNetworkIds,
      memberNetworkIds: accessGrants.memberNetworkIds,
      alliedNetworkIds: Object.fromEntries(accessGrants.allied.map((grant) => [grant.kind, grant.networkIds])),
      schoolMemberships: accessGrants.schoolMemberships,
    };
  }

  private async ask<TData>(query: string, variables: Record<string, unknown>, scope: RequestScope | undefined): Promise<TData> {
    let response: Response;
    let body: { data?: TData; errors?: Array<{ message: string }> };
    try {
      response = await fetch(this.networksUrl, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(scope ? { [REQUEST_ID_HEADER]: scope.requestId } : {}),
          [ACCESS_HEADER]: await signAccessToken(SYSTEM_ACCESS, "networks", this.gatewayPrivateKey),
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.lookupTimeoutMs),
      });
      body = (await response.json()) as typeof body;
    } catch (cause) {
      // unreachable, too slow or not speaking JSON: the request cannot be authorized now
      logUnexpectedError(cause, scope?.requestId, scope?.log);
      throw new GraphQLError("The networks subgraph did not answer", {
        extensions: { code: SUBGRAPH_UNAVAILABLE, subgraph: "networks", http: { status: 503 } },
      });
    }
    if (!body.data || body.errors) throw new Error(`Access lookup failed: ${body.errors?.[0]?.message ?? response.status}`);
    return body.data;
  }
}
