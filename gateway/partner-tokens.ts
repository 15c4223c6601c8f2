import { SignJWT, type KeyLike } from "jose";
import { LRUCache } from "lru-cache";
import { randomUUID } from "node:crypto";
import { ACCESS_HEADER, ANONYMOUS_ACCESS, signAccessToken, type Access } from "../contracts/access";
import { keyIdOf } from "../contracts/gateway-keys";
import {
  PARTNER_CLAIMS_VERSION,
  PARTNER_TOKEN_ISSUER,
  PARTNER_TOKEN_LIFETIME_SECONDS,
  type PartnerClaims,
  type PartnerNetworkClaim,
} from "../contracts/partner-token";

const ALGORITHM = "EdDSA";

/** How long the networks a partner's organization operates are reused. */
const PARTNER_NETWORKS_TTL_MS = 30_000;

/**
 * Signs, for one partner subgraph, what the caller is to the partner's own organization (contract in
 * contracts/partner-token.ts): who calls, their organization and admin role, and of the networks the
 * partner's organization operates, those the caller manages or belongs to. Signed with the gateway's
 * current key, which the JWKS publishes with the previous and next ones (contracts/gateway-keys.ts).
 */
export class PartnerTokenSigner {
  private readonly partnerNetworks = new LRUCache<string, string[]>({ max: 1_000, ttl: PARTNER_NETWORKS_TTL_MS });

  constructor(
    private readonly networksUrl: string,
    private readonly gatewayPrivateKey: KeyLike,
  ) {}

  async sign(access: Access, subgraph: string, partnerOrganizationId: string | null): Promise<string> {
    const operated = partnerOrganizationId ? await this.networksOf(partnerOrganizationId) : [];
    const networks: PartnerNetworkClaim[] = operated.flatMap((id): PartnerNetworkClaim[] => {
      if (access.managedNetworkIds.includes(id)) return [{ id, relation: "MANAGER" }];
      return access.memberNetworkIds.includes(id) ? [{ id, relation: "MEMBER" }] : [];
    });
    const claims: Omit<PartnerClaims, "iss" | "aud" | "iat" | "exp" | "jti"> = {
      sub: subjectOf(access),
      hub_claims_version: PARTNER_CLAIMS_VERSION,
      org: access.organizationId,
      roles: access.organizationAdmin ? ["ORG_ADMIN"] : [],
      can_write: access.canWrite,
      networks,
    };
    return new SignJWT(claims)
      .setProtectedHeader({ alg: ALGORITHM, kid: await keyIdOf(this.gatewayPrivateKey) })
      .setIssuer(PARTNER_TOKEN_ISSUER)
      .setAudience(subgraph)
      .setIssuedAt()
      .setJti(randomUUID())
      .setExpirationTime(`${PARTNER_TOKEN_LIFETIME_SECONDS}s`)
      .sign(this.gatewayPrivateKey);
  }

  /** The networks an organization operates, asked of the networks subgraph as the gateway itself. */
  private async networksOf(organizationId: string): Promise<string[]> {
    const cached = this.partnerNetworks.get(organizationId);
    if (cached) return cached;
    const ids: string[] = [];
    let after: string | null = null;
    do {
      const response = await fetch(this.networksUrl, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          [ACCESS_HEADER]: await signAccessToken({ ...ANONYMOUS_ACCESS, principal: { kind: "SYSTEM" } }, "networks", this.gatewayPrivateKey),
        },
        body: JSON.stringify({ query: NETWORKS_QUERY, variables: { id: organizationId, after } }),
      });
      const body = (await response.json()) as { data?: { organization: { networks: NetworkPage } | null } };
      const page = body.data?.organization?.networks;
      if (!page) break;
      ids.push(...page.edges.map((edge) => edge.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    this.partnerNetworks.set(organizationId, ids);
    return ids;
  }
}

interface NetworkPage {
  edges: Array<{ node: { id: string } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const NETWORKS_QUERY = `query PartnerNetworks($id: ID!, $after: String) {
  organization(id: $id) { networks(first: 100, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }
}`;

function subjectOf(access: Access): string {
  switch (access.principal.kind) {
    case "PERSON":
      return `person:${access.principal.personId}`;
    case "API_KEY":
      return `api-key:${access.principal.keyId}`;
    default:
      return "anonymous";
  }
}
