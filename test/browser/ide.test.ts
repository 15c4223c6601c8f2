import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { mintDevToken } from "../../gateway/auth/dev-tokens";
import { ideExamples } from "../../gateway/operations";
import { DemoNetworks, DemoOrganizations } from "../../scripts/demo/ids";
import { startHub, type HubUnderTest } from "../support/hub";
import { chromiumAvailable, isLoopback, launchChromium } from "./chromium";

/** A page on another origin: a client app served from its own server. */
async function startPageServer(): Promise<{ origin: string; stop(): Promise<void> }> {
  const server = http.createServer((_request, response) => response.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>client app</title>"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const examples = ideExamples();
const describeInBrowser = chromiumAvailable() ? describe : describe.skip;

describeInBrowser("in Chromium", () => {
  let hub: HubUnderTest;
  let browser: Browser;
  let allowedApp: Awaited<ReturnType<typeof startPageServer>>;
  let otherApp: Awaited<ReturnType<typeof startPageServer>>;
  let token: string;
  beforeAll(async () => {
    [allowedApp, otherApp] = await Promise.all([startPageServer(), startPageServer()]);
    hub = await startHub({ gateway: { corsOrigins: [allowedApp.origin], ide: { examples } } });
    browser = await launchChromium();
    token = await mintDevToken(hub.keys.issuerPrivateKey, {
      personId: "harvey",
      organizationId: DemoOrganizations.ceiPea,
      roles: [{ role: "COORDINATOR", networkId: DemoNetworks.nycSchoolLeaders }],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([hub?.stop(), allowedApp?.stop(), otherApp?.stop()]);
  });

  it("loads the IDE with no request leaving the machine, runs the first question with a token and shows the answer", async () => {
    const context = await browser.newContext();
    const requests: string[] = [];
    context.on("request", (request) => requests.push(request.url()));
    const page = await context.newPage();
    const { data } = await hub.query(`query($id: ID!) { network(id: $id) { name } }`, { id: DemoNetworks.nycSchoolLeaders });

    await page.goto(hub.gatewayUrl);
    await page.locator(".graphiql-container").waitFor();
    // the six questions open as tabs, the first one selected
    await page.locator(".graphiql-tab", { hasText: "SchoolProfile" }).waitFor();
    await page.locator("#hub-credential").fill(token);
    await page.locator(".graphiql-execute-button").click();
    const result = page.locator(".result-window");
    await result.getByText(data.network.name).first().waitFor();
    expect(await result.innerText()).not.toMatch(/"errors"/);
    // an API key goes as x-api-key: a made-up one is refused
    await page.locator("#hub-credential-kind").selectOption("api-key");
    await page.locator("#hub-credential").fill("hub_made_up");
    await page.locator(".graphiql-execute-button").click();
    await result.getByText("UNAUTHENTICATED").first().waitFor();
    // every example tab carries its variables
    const mentorSchool = examples.find((example) => example.name === "MentorSchool")!;
    await page.locator(".graphiql-tab", { hasText: "MentorSchool" }).click();
    await page.locator(".graphiql-editor-tool").getByText(String(mentorSchool.variables!.schoolId)).waitFor();

    const graphqlCalls = requests.filter((url) => new URL(url).pathname === "/graphql");
    expect(graphqlCalls.length).toBeGreaterThanOrEqual(2); // introspection, then the operation
    expect(requests.filter((url) => !isLoopback(url))).toEqual([]);
    await context.close();
  });

  it("lets a page on an allowed origin call the hub with a token, and keeps the answer from another origin", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const callHub = (pageToken: string) =>
      page.evaluate(
        async ([url, bearer]) => {
          try {
            const response = await fetch(url, {
              method: "POST",
              headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
              body: JSON.stringify({ query: "{ networks(first: 1) { totalCount } }" }),
            });
            return { status: response.status, body: await response.json() };
          } catch (error) {
            return { blocked: String(error) };
          }
        },
        [hub.gatewayUrl, pageToken] as const,
      );

    await page.goto(allowedApp.origin);
    const allowed = await callHub(token);
    expect(allowed).toMatchObject({ status: 200, body: { data: { networks: { totalCount: expect.any(Number) } } } });

    await page.goto(otherApp.origin);
    expect(await callHub(token)).toEqual({ blocked: expect.stringMatching(/Failed to fetch/) });
    await context.close();
  });
});
