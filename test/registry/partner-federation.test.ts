import { generateKeyPair, SignJWT, type GenerateKeyPairResult, type JWK } from "jose";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { PARTNER_SDL, startPartnerSubgraph, type RunningPartnerSubgraph } from "../../examples/partner-subgraph/server";
import { mintDevToken } from "../../gateway/auth/dev-tokens";
import { readSupergraph, startGateway } from "../../gateway/gateway";
import { PartnerTokenSigner } from "../../gateway/partner-tokens";
import { keyIdOf, publishedKeys } from "../../contracts/gateway-keys";
import { SUPERGRAPH_PATH } from "../../contracts/supergraph-config";
import { ANONYMOUS_ACCESS } from "../../contracts/access";
import { DemoNetworks, DemoOrganizations, DemoSchools } from "../../scripts/demo/ids";
import { runSubgraphCommand } from "../../scripts/subgraph";
import { startHub, type HubUnderTest } from "../support/hub";

/*
 * A partner joins the federation as the README tells it to: its organization's admin issues a publishing
 * key, the partner runs its subgraph (examples/partner-subgraph) and publishes it with the CLI; the running
 * gateway serves it without a restart. One hub for the whole story: each step builds on the previous one.
 */

const NAME = "nw-rise-engagement";
const PARTNER_ORG = DemoOrganizations.educationNorthwest;
const OPERATOR_ORG = DemoOrganizations.ceiPea;
const COLUMBIA_PLATEAU_NCES = "539933383920";

let hub: HubUnderTest;
let partner: RunningPartnerSubgraph;
/** The key the gateway signs with after the rotation: announced as `next` from the start. */
let nextKey: GenerateKeyPairResult;
const files = mkdtempSync(path.join(tmpdir(), "partner-"));
const keys: Record<string, string> = {};

const adminToken = (organizationId: string) => mintDevToken(hub.keys.issuerPrivateKey, { personId: `admin-of-${organizationId}`, organizationId, roles: [{ role: "ORG_ADMIN" }] });
const bearer = async (organizationId: string) => ({ authorization: `Bearer ${await adminToken(organizationId)}` });
const jwksUrl = () => hub.gatewayUrl.replace(/\/graphql$/, "/.well-known/jwks.json");

async function publishingKey(organizationId: string): Promise<string> {
  const created = await hub.query(
    `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { scopes } } }`,
    { input: { organizationId, name: "schema publishing", canWrite: false, scopes: ["SCHEMA_PUBLISH"] } },
    await bearer(organizationId),
  );
  expect(created.errors).toBeUndefined();
  expect(created.data.createApiKey.apiKey.scopes).toEqual(["SCHEMA_PUBLISH"]);
  return created.data.createApiKey.secret;
}

function schemaFile(name: string, sdl: string): string {
  const file = path.join(files, name);
  writeFileSync(file, sdl);
  return file;
}

const cli = (args: string[], credentials: { apiKey?: string; token?: string }) => runSubgraphCommand(args, { hubUrl: hub.gatewayUrl, ...credentials });

/** Waits for every gateway poll to have happened: the supergraph converges within seconds, not at once. */
async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const SCHOOL_ENGAGEMENT = `query SchoolEngagement($id: ID!) { school(id: $id) { name ncesId engagement { familyEventsThisYear coordinatorNotes } } }`;
const columbiaPlateau = async () => {
  const schools = await hub.query(`query($nces: ID!) { schoolByNcesId(ncesId: $nces) { id } }`, { nces: COLUMBIA_PLATEAU_NCES });
  return schools.data.schoolByNcesId.id as string;
};

beforeAll(async () => {
  nextKey = await generateKeyPair("EdDSA");
  hub = await startHub({
    registry: { operatorOrganizationId: OPERATOR_ORG },
    gatewayKeyRotation: { next: nextKey.publicKey },
    gateway: { supergraphPollIntervalMs: 100, usageFlushIntervalMs: 3_600_000, subgraphTimeoutsMs: { [NAME]: 1_000 } },
  });
  partner = await startPartnerSubgraph({ port: 0, jwksUrl: jwksUrl(), name: NAME, jwksCooldownMs: 0 });
  keys.partner = await publishingKey(PARTNER_ORG);
  keys.operator = await publishingKey(OPERATOR_ORG);
}, 180_000);

afterAll(async () => {
  await partner?.stop();
  await hub?.stop();
  rmSync(files, { recursive: true, force: true });
});

describe("a partner joining the federation", () => {
  let schoolId: string;
  let versionBeforePartner: number;
  let versionWithPartner: number;

  it("publishes its subgraph at runtime and its fields answer through the running gateway", async () => {
    schoolId = await columbiaPlateau();
    const before = await hub.query(SCHOOL_ENGAGEMENT, { id: schoolId });
    expect(before.errors?.[0].message).toMatch(/Cannot query field "engagement"/);
    versionBeforePartner = (await hub.query(`{ supergraphVersions(first: 1) { edges { node { version } } } }`)).data.supergraphVersions.edges[0].node.version;

    const check = await cli(["check", "--name", NAME, "--schema", schemaFile("partner.graphql", PARTNER_SDL)], { apiKey: keys.partner });
    expect(check).toMatchObject({ code: 0, output: expect.stringContaining("Check passed.") });
    const publish = await cli(["publish", "--name", NAME, "--schema", schemaFile("partner.graphql", PARTNER_SDL), "--routing-url", partner.url], { apiKey: keys.partner });
    expect(publish.output).toMatch(/^Published: supergraph version \d+\.$/m);
    expect(publish.code).toBe(0);
    versionWithPartner = Number(/version (\d+)/.exec(publish.output)![1]);

    const answer = await eventually(() => hub.query(SCHOOL_ENGAGEMENT, { id: schoolId }), (result) => !result.errors);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.school).toEqual({ name: "Columbia Plateau School", ncesId: COLUMBIA_PLATEAU_NCES, engagement: { familyEventsThisYear: 7, coordinatorNotes: null } });
    // another gateway on the same registry (and the same signing key) serves the same supergraph
    const second = await startGateway({
      supergraphSdl: readSupergraph(SUPERGRAPH_PATH),
      registryUrl: hub.subgraphUrls.registry,
      subgraphUrls: hub.subgraphUrls,
      port: 0,
      gatewayPrivateKey: hub.keys.gatewayPrivateKey,
      issuers: [],
    });
    try {
      const post = await fetch(second.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: SCHOOL_ENGAGEMENT, variables: { id: schoolId } }) });
      expect(((await post.json()) as { data: any }).data.school.engagement.familyEventsThisYear).toBe(7);
    } finally {
      await second.stop();
    }
    const list = await cli(["list"], { apiKey: keys.partner });
    expect(list.output).toContain(NAME);
    expect(list.output).toContain(partner.url);
  });

  it("gets a token for itself only, with the claims of the contract, and applies its own visibility", async () => {
    const coordinator = await mintDevToken(hub.keys.issuerPrivateKey, {
      personId: "celeste",
      organizationId: PARTNER_ORG,
      roles: [{ role: "COORDINATOR", networkId: DemoNetworks.nwRise }],
    });
    const asCoordinator = await hub.query(SCHOOL_ENGAGEMENT, { id: schoolId }, { authorization: `Bearer ${coordinator}` });
    expect(asCoordinator.data.school.engagement.coordinatorNotes).toMatch(/Wheat-harvest/);
    const outsider = await mintDevToken(hub.keys.issuerPrivateKey, {
      personId: "harvey",
      organizationId: OPERATOR_ORG,
      roles: [{ role: "COORDINATOR", networkId: DemoNetworks.nycSchoolLeaders }],
    });
    const asOutsider = await hub.query(SCHOOL_ENGAGEMENT, { id: schoolId }, { authorization: `Bearer ${outsider}` });
    expect(asOutsider.data.school.engagement).toEqual({ familyEventsThisYear: 7, coordinatorNotes: null });
  });

  describe("across a rotation of the gateway's key", () => {
    const asPartner = async (token: string) =>
      (await fetch(partner.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query: "{ engagementPrograms { id } }" }) })).status;
    const signedWith = (key: GenerateKeyPairResult["privateKey"]) => new PartnerTokenSigner(hub.subgraphUrls.networks, key).sign(ANONYMOUS_ACCESS, NAME, null);
    const kidsAt = async (url: string) => ((await (await fetch(url.replace(/\/graphql$/, "/.well-known/jwks.json"))).json()) as { keys: JWK[] }).keys.map((key) => key.kid);

    it("serves the partner's fields through a gateway on the new key beside one still on the old key", async () => {
      const [oldKid, newKid] = [await keyIdOf(hub.keys.gatewayPrivateKey), await keyIdOf(nextKey.privateKey)];
      expect(await kidsAt(hub.gatewayUrl)).toEqual([oldKid, newKid]);
      // the guide's second step: a gateway restarted with the next key as current, the old one as previous
      const rotated = await startGateway({
        supergraphSdl: readSupergraph(SUPERGRAPH_PATH),
        registryUrl: hub.subgraphUrls.registry,
        supergraphPollIntervalMs: 100,
        subgraphUrls: hub.subgraphUrls,
        port: 0,
        gatewayPrivateKey: nextKey.privateKey,
        gatewayKeyRotation: { previous: hub.keys.gatewayPublicKey },
        issuers: [],
      });
      try {
        expect(await kidsAt(rotated.url)).toEqual([newKid, oldKid]);
        const viaRotated = () =>
          fetch(rotated.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: SCHOOL_ENGAGEMENT, variables: { id: schoolId } }) }).then(
            (response) => response.json() as Promise<{ data?: any; errors?: unknown[] }>,
          );
        const answer = await eventually(viaRotated, (result) => !result.errors);
        expect(answer).toEqual({ data: { school: expect.objectContaining({ engagement: { familyEventsThisYear: 7, coordinatorNotes: null } }) } });
        const viaOld = await hub.query(SCHOOL_ENGAGEMENT, { id: schoolId });
        expect(viaOld.errors).toBeUndefined();
        expect(viaOld.data.school.engagement.familyEventsThisYear).toBe(7);
      } finally {
        await rotated.stop();
      }
    });

    it("the partner refetches the keys on an unknown kid, accepts the previous key during the overlap and refuses it once retired", async () => {
      const [oldKey, newKey, stranger] = [await generateKeyPair("EdDSA"), await generateKeyPair("EdDSA"), await generateKeyPair("EdDSA")];
      let served: { keys: JWK[] } = await publishedKeys(oldKey.privateKey);
      let fetches = 0;
      const jwksServer = http.createServer((_request, response) => {
        fetches++;
        response.setHeader("content-type", "application/json");
        response.end(JSON.stringify(served));
      });
      await new Promise<void>((resolve) => jwksServer.listen(0, "127.0.0.1", resolve));
      const jwksAt = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/.well-known/jwks.json`;
      // keys cached for an hour: only an unknown kid makes this partner fetch them again
      const cached = await startPartnerSubgraph({ port: 0, jwksUrl: jwksAt, name: NAME, jwksCooldownMs: 0, jwksCacheMaxAgeMs: 3_600_000 });
      const at = (server: RunningPartnerSubgraph) => async (token: string) =>
        (await fetch(server.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query: "{ engagementPrograms { id } }" }) })).status;
      try {
        expect(await at(cached)(await signedWith(oldKey.privateKey))).toBe(200);
        expect(fetches).toBe(1);

        served = await publishedKeys(newKey.privateKey, { previous: oldKey.publicKey });
        expect(await at(cached)(await signedWith(newKey.privateKey))).toBe(200);
        expect(fetches).toBe(2);
        expect(await at(cached)(await signedWith(oldKey.privateKey))).toBe(200);
        // a key that was never published is refused, even under a published kid
        const forged = await new SignJWT({ hub_claims_version: 1, org: null, roles: [], can_write: false, networks: [] })
          .setProtectedHeader({ alg: "EdDSA", kid: await keyIdOf(oldKey.privateKey) })
          .setIssuer("school-network-hub-gateway")
          .setAudience(NAME)
          .setSubject("anonymous")
          .setIssuedAt()
          .setExpirationTime("60s")
          .sign(stranger.privateKey);
        expect(await at(cached)(forged)).toBe(401);

        // after the overlap the gateway publishes the new key only: a partner that refetched refuses the old one
        served = await publishedKeys(newKey.privateKey);
        const refreshed = await startPartnerSubgraph({ port: 0, jwksUrl: jwksAt, name: NAME, jwksCooldownMs: 0, jwksCacheMaxAgeMs: 0 });
        try {
          expect(await at(refreshed)(await signedWith(oldKey.privateKey))).toBe(401);
          expect(await at(refreshed)(await signedWith(newKey.privateKey))).toBe(200);
        } finally {
          await refreshed.stop();
        }
      } finally {
        await cached.stop();
        jwksServer.close();
      }
    });

    it("the partner refuses a token signed for another subgraph", async () => {
      const elsewhere = await new PartnerTokenSigner(hub.subgraphUrls.networks, hub.keys.gatewayPrivateKey).sign(ANONYMOUS_ACCESS, "another-partner", null);
      expect(await asPartner(elsewhere)).toBe(401);
      expect(await asPartner(await signedWith(hub.keys.gatewayPrivateKey))).toBe(200);
    });
  });

  it("refuses a change that does not compose, with the composer's codes and messages, and changes nothing", async () => {
    const broken = PARTNER_SDL.replace("familyEventsThisYear: Int!", "familyEventsThisYear: Int!\n  name: Int");
    const conflicting = `${broken}\nextend type Network @key(fields: "id") { id: ID! name: Int }\n`;
    const result = await cli(["publish", "--name", NAME, "--schema", schemaFile("conflict.graphql", conflicting), "--routing-url", partner.url], { apiKey: keys.partner });
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/Composition errors:\n {2}- [A-Z_]+: .*Network\.name/);
    expect(result.output).toContain("Not published: nothing changed.");
    const latest = (await hub.query(`{ supergraphVersions(first: 1) { edges { node { version } } } }`)).data.supergraphVersions.edges[0].node.version;
    expect(latest).toBe(versionWithPartner);
  });

  it("refuses taking over another subgraph's field or shadowing the hub's root fields", async () => {
    const takeover = `${PARTNER_SDL}\nextend type School @key(fields: "id") { id: ID! name: String! @shareable }\nextend type Query { schools: [School!]! @shareable }\n`;
    const check = await hub.query(
      `mutation($input: SubgraphCheckInput!) { checkSubgraph(input: $input) { ok ownershipViolations { code message } } }`,
      { input: { name: NAME, sdl: takeover } },
      { "x-api-key": keys.partner },
    );
    expect(check.data.checkSubgraph.ok).toBe(false);
    const codes = check.data.checkSubgraph.ownershipViolations.map((violation: { code: string }) => violation.code);
    expect(codes).toEqual(expect.arrayContaining(["FIELD_OWNED_ELSEWHERE", "ROOT_FIELD_SHADOWED"]));
    const override = PARTNER_SDL.replace('import: ["@key", "@shareable"]', 'import: ["@key", "@shareable", "@override"]') + `\nextend type School @key(fields: "id") { id: ID! website: String @override(from: "networks") }\n`;
    const overridden = await cli(["check", "--name", NAME, "--schema", schemaFile("override.graphql", override)], { apiKey: keys.partner });
    expect(overridden.code).toBe(1);
    expect(overridden.output).toContain("OVERRIDE_FORBIDDEN");
  });

  it("refuses a breaking change to a field clients used, naming the operation; an unused one passes with a warning", async () => {
    await hub.query(`query NotesForCoordinators($id: ID!) { school(id: $id) { engagement { coordinatorNotes } } }`, { id: schoolId });
    await hub.gateway.flushUsage();

    const withoutNotes = PARTNER_SDL.replace(/ *"""The coordinators' notes[^\n]*\n *coordinatorNotes: String\n/, "");
    expect(withoutNotes).not.toContain("coordinatorNotes");
    const refused = await cli(["publish", "--name", NAME, "--schema", schemaFile("no-notes.graphql", withoutNotes), "--routing-url", partner.url], { apiKey: keys.partner });
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/FIELD_REMOVED: .*coordinatorNotes.* used by .*NotesForCoordinators ×1/);

    const forcedByKey = await cli(["publish", "--force", "--name", NAME, "--schema", schemaFile("no-notes.graphql", withoutNotes), "--routing-url", partner.url], { apiKey: keys.partner });
    expect(forcedByKey).toMatchObject({ code: 1, output: expect.stringMatching(/^FORBIDDEN: /) });

    const withoutShare = PARTNER_SDL.replace(/ *"""Public: share of students[^\n]*\n *appliedLearningShare: Float!\n/, "");
    expect(withoutShare).not.toContain("appliedLearningShare");
    const passed = await cli(["check", "--name", NAME, "--schema", schemaFile("no-share.graphql", withoutShare)], { apiKey: keys.partner });
    expect(passed.code).toBe(0);
    expect(passed.output).toMatch(/Warnings:\n {2}- .*appliedLearningShare.*no operation used SchoolEngagement\.appliedLearningShare/);
  });

  it("lets an admin of the owning organization force a breaking change, recorded as forced", async () => {
    const withoutNotes = PARTNER_SDL.replace(/ *"""The coordinators' notes[^\n]*\n *coordinatorNotes: String\n/, "");
    const forced = await cli(["publish", "--force", "--name", NAME, "--schema", schemaFile("no-notes.graphql", withoutNotes), "--routing-url", partner.url], {
      token: await adminToken(PARTNER_ORG),
    });
    expect(forced.code).toBe(0);
    const versions = await hub.query(`{ supergraphVersions(first: 1) { edges { node { change subgraph forced breakingChanges } } } }`);
    expect(versions.data.supergraphVersions.edges[0].node).toMatchObject({ change: "PUBLISH", subgraph: NAME, forced: true });
  });

  it("does not let another organization overwrite or delete it, nor anyone publish over a built-in subgraph", async () => {
    const overwrite = await cli(["publish", "--name", NAME, "--schema", schemaFile("partner.graphql", PARTNER_SDL), "--routing-url", "http://127.0.0.1:9/graphql"], { apiKey: keys.operator });
    expect(overwrite).toMatchObject({ code: 1, output: expect.stringMatching(/^FORBIDDEN: .*taken by another organization/) });
    const remove = await cli(["delete", "--name", NAME], { apiKey: keys.operator });
    expect(remove).toMatchObject({ code: 1, output: expect.stringMatching(/^FORBIDDEN: /) });
    const builtIn = await cli(["publish", "--name", "networks", "--schema", schemaFile("partner.graphql", PARTNER_SDL), "--routing-url", partner.url], { apiKey: keys.partner });
    expect(builtIn).toMatchObject({ code: 1, output: expect.stringMatching(/^FORBIDDEN: .*hub's operator/) });
    const anonymous = await hub.query(`mutation { deleteSubgraph(name: "${NAME}") { published } }`);
    expect(anonymous.errors![0].extensions!.code).toBe("UNAUTHENTICATED");
    expect((await cli(["fetch", "--name", NAME], { apiKey: keys.partner })).output).not.toContain("coordinatorNotes");
  });

  it("rolls back to an earlier supergraph with one command, the operator's only", async () => {
    expect(await cli(["rollback", "--to", String(versionWithPartner)], { apiKey: keys.partner })).toMatchObject({ code: 1, output: expect.stringMatching(/^FORBIDDEN: /) });
    const rollback = await cli(["rollback", "--to", String(versionWithPartner)], { apiKey: keys.operator });
    expect(rollback.output).toMatch(new RegExp(`serves version ${versionWithPartner}\\.$`));
    const restored = await eventually(() => hub.query(SCHOOL_ENGAGEMENT, { id: schoolId }), (result) => !result.errors);
    expect(restored.data.school.engagement.familyEventsThisYear).toBe(7);
    expect((await cli(["fetch", "--name", NAME], { apiKey: keys.partner })).output).toContain("coordinatorNotes");

    // requests in flight while the gateway swaps supergraphs all complete
    let swapped = false;
    const inFlight: Array<Promise<{ errors?: unknown[] }>> = [];
    const traffic = (async () => {
      while (!swapped) {
        inFlight.push(hub.query(`query($id: ID!) { school(id: $id) { name } }`, { id: schoolId }));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    await cli(["rollback", "--to", String(versionBeforePartner)], { apiKey: keys.operator });
    const without = await eventually(() => hub.query(SCHOOL_ENGAGEMENT, { id: schoolId }), (result) => Boolean(result.errors));
    swapped = true;
    await traffic;
    const answers = await Promise.all(inFlight);
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.filter((answer) => answer.errors)).toEqual([]);
    expect(without.errors![0].message).toMatch(/Cannot query field "engagement"/);
    await cli(["rollback", "--to", String(versionWithPartner)], { apiKey: keys.operator });
    await eventually(() => hub.query(SCHOOL_ENGAGEMENT, { id: schoolId }), (result) => !result.errors);
  });

  it("answers partially, naming the subgraph and nothing internal, when the partner hangs or is stopped", async () => {
    const hanging = http.createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
    const hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/graphql`;
    try {
      await cli(["publish", "--name", NAME, "--schema", schemaFile("partner.graphql", PARTNER_SDL), "--routing-url", hangingUrl], { apiKey: keys.partner });
      await eventually(() => hub.query(SCHOOL_ENGAGEMENT, { id: schoolId }), (result) => Boolean(result.errors));
      expectPartialAnswer(await hub.query(SCHOOL_ENGAGEMENT, { id: schoolId }), hangingUrl);
    } finally {
      hanging.closeAllConnections();
      hanging.close();
    }
    await cli(["publish", "--name", NAME, "--schema", schemaFile("partner.graphql", PARTNER_SDL), "--routing-url", partner.url], { apiKey: keys.partner });
    await eventually(() => hub.query(SCHOOL_ENGAGEMENT, { id: schoolId }), (result) => !result.errors);
    await partner.stop();
    expectPartialAnswer(await hub.query(SCHOOL_ENGAGEMENT, { id: schoolId }), partner.url);
  });

  function expectPartialAnswer(result: { data?: any; errors?: any[] }, internalUrl: string) {
    expect(result.data.school).toEqual({ name: "Columbia Plateau School", ncesId: COLUMBIA_PLATEAU_NCES, engagement: null });
    expect(result.errors).toEqual([
      expect.objectContaining({ message: `The ${NAME} subgraph did not answer`, extensions: expect.objectContaining({ code: "SUBGRAPH_UNAVAILABLE", subgraph: NAME }) }),
    ]);
    const text = JSON.stringify(result);
    expect(text).not.toContain(new URL(internalUrl).port);
    expect(text).not.toMatch(/stacktrace|ECONNREFUSED|abort/i);
  }
});

describe("the built-in subgraphs", () => {
  it("answer partially too: an unreachable one gives null fields and one error naming it", async () => {
    const gateway = await startGateway({
      supergraphSdl: readSupergraph(SUPERGRAPH_PATH),
      subgraphUrls: { ...hub.subgraphUrls, resources: "http://127.0.0.1:9/graphql" },
      port: 0,
      gatewayPrivateKey: hub.keys.gatewayPrivateKey,
      issuers: [],
    });
    try {
      const response = await fetch(gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `query($id: ID!) { school(id: $id) { name } resource(id: $id) { id } }`, variables: { id: DemoSchools.parker } }),
      });
      const result = (await response.json()) as { data: any; errors: any[] };
      expect(result.data).toEqual({ school: { name: expect.stringMatching(/Parker/) }, resource: null });
      expect(result.errors).toEqual([
        expect.objectContaining({ message: "The resources subgraph did not answer", extensions: expect.objectContaining({ code: "SUBGRAPH_UNAVAILABLE", subgraph: "resources" }) }),
      ]);
      expect(JSON.stringify(result)).not.toContain("127.0.0.1");
    } finally {
      await gateway.stop();
    }
  });
});
