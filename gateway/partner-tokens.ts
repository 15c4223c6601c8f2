import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type KeyLike } from "jose";
import { LRUCache } from "lru-cache";
import { randomUUID } from "node:crypto";
import { ACCESS_HEADER, ANONYMOUS_ACCESS, signAccessToken, type Access } from "../contracts/access";
import {
  PARTNER_CLAIMS_VERSION,
  PARTNER_TOKEN_ISSUER,
  PARTNER_TOKEN_LIFETIME_SECONDS,
  type PartnerClaims,
  type PartnerNetworkClaim,
} from "../contracts/partner-token";

const ALGORITHM = "EdDSA";

interface SigningKey {
  kid: string;
  privateKey: KeyLike;
  publicJwk: JWK;
}

/**
 * The keys partner tokens are signed with. The first signs; every key stays published in the JWKS until
 * retired, so a partner that cached the old set still verifies while the new key takes over (rotation:
 * `rotate`, then `retire` the old key once tokens signed with it have expired and partners have refetched).
 */
export class PartnerKeySet {
  private constructor(private keys: SigningKey[]) {}

  /** From private JWKs (Ed25519, each with a `kid`), as configuration gives them: the first signs. */
  static async fromJwks(jwks: JWK[]): Promise<PartnerKeySet> {
    if (jwks.length === 0) throw new Error("partner signing keys: at least one key");
    return new PartnerKeySet(await Promise.all(jwks.map(toSigningKey)));
  }

  /** One fresh key: enough for a single gateway; several gateways share configured keys. */
  static async generate(): Promise<PartnerKeySet> {
    return new PartnerKeySet([await generateSigningKey()]);
  }

  /** Signs with a new key from now on; the previous ones stay published. Returns the new `kid`. */
  async rotate(jwk?: JWK): Promise<string> {
    const key = jwk ? await toSigningKey(jwk) : await generateSigningKey();
    this.keys = [key, ...this.keys.filter((existing) => existing.kid !== key.kid)];
    return key.kid;
  }

  /** Stops publishing a key that no longer signs. */
  retire(kid: string): void {
    if (this.keys[0].kid === kid) throw new Error("the signing key cannot be retired: rotate first");
    this.keys = this.keys.filter((key) => key.kid !== kid);
  }

  get signing(): SigningKey {
    return this.keys[0];
  }

  jwks(): { keys: JWK[] } {
    return { keys: this.keys.map((key) => key.publicJwk) };
  }
}

async function toSigningKey(jwk: JWK): Promise<SigningKey> {
  if (!jwk.kid) throw new Error("partner signing keys: every key needs a kid");
  const { d: _private, ...publicJwk } = jwk;
  return { kid: jwk.kid, privateKey: (await importJWK(jwk, ALGORITHM)) as KeyLike, publicJwk: { ...publicJwk, alg: ALGORITHM, use: "sig" } };
}

async function generateSigningKey(): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  return toSigningKey({ ...(await exportJWK(privateKey)), kid: randomUUID() });
}

/** How long the networks a partner's organization operates are reused. */
const PARTNER_NETWORKS_TTL_MS = 30_000;

/**
 * Signs, for one partner subgraph, what the caller is to the partner's own organization (contract in
 * contracts/partner-token.ts): who calls, their organization and admin role, and of the networks the
 * partner's organization operates, those the caller manages or belongs to.
 */
export class PartnerTokenSigner {
  private readonly partnerNetworks = new LRUCache<string, string[]>({ max: 1_000, ttl: PARTNER_NETWORKS_TTL_MS });

  constructor(
    readonly keys: PartnerKeySet,
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
      .setProtectedHeader({ alg: ALGORITHM, kid: this.keys.signing.kid })
      .setIssuer(PARTNER_TOKEN_ISSUER)
      .setAudience(subgraph)
      .setIssuedAt()
      .setJti(randomUUID())
      .setExpirationTime(`${PARTNER_TOKEN_LIFETIME_SECONDS}s`)
      .sign(this.keys.signing.privateKey);
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
