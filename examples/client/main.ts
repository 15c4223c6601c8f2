import { NetworkSchoolsDocument, RecordNeedDocument, type NetworkSchoolsQuery } from "./generated";
import { HubClient, HubError } from "./hub-client";

export interface ExampleOptions {
  url: string;
  /** From `npm run token`. */
  token: string;
  networkId: string;
  /** A school outside the token's networks: writing for it is refused. */
  foreignSchoolId: string;
  log?: (line: string) => void;
}

/** Signs in with a token, pages through a network's schools, and shows the error codes a client handles. */
export async function runExample({ url, token, networkId, foreignSchoolId, log = console.log }: ExampleOptions): Promise<{ schools: string[]; codes: string[] }> {
  const hub = new HubClient({ url, token });

  // pagination: follow endCursor until hasNextPage is false
  const schools: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page: NetworkSchoolsQuery = await hub.request(NetworkSchoolsDocument, { networkId, first: 3, after });
    if (!page.network) throw new Error(`No network ${networkId}`);
    for (const { node } of page.network.schools.edges) schools.push(node.name);
    log(`page of ${page.network.schools.edges.length}; ${schools.length} of ${page.network.schools.totalCount} schools of ${page.network.name}`);
    if (!page.network.schools.pageInfo.hasNextPage) break;
    after = page.network.schools.pageInfo.endCursor;
  }

  // error codes: what a client does with each
  const codes: string[] = [];
  const attempt = async (what: string, call: () => Promise<unknown>) => {
    try {
      await call();
      log(`${what}: done`);
    } catch (error) {
      if (!(error instanceof HubError)) throw error;
      codes.push(error.code);
      log(`${what}: ${error.code} (HTTP ${error.status}${error.field ? `, field ${error.field}` : ""})`);
    }
  };
  await attempt("a page of 500 (BAD_USER_INPUT: fix the request)", () => hub.request(NetworkSchoolsDocument, { networkId, first: 500 }));
  await attempt("a need for a school outside my networks (FORBIDDEN: not yours)", () =>
    hub.request(RecordNeedDocument, { input: { schoolId: foreignSchoolId, networkIds: [networkId], focusArea: "literacy" } }),
  );
  await attempt("a forged token (UNAUTHENTICATED: sign in again)", () =>
    new HubClient({ url, token: `${token.slice(0, -4)}AAAA` }).request(NetworkSchoolsDocument, { networkId, first: 1 }),
  );
  return { schools, codes };
}

if (require.main === module) {
  const { HUB_URL = "http://localhost:4000/graphql", HUB_TOKEN, NETWORK_ID = "a7afcbbd300c064c122bfc1b", FOREIGN_SCHOOL_ID = "ae0bcfcee4320827ba9f6138" } = process.env;
  if (!HUB_TOKEN) throw new Error("Set HUB_TOKEN (npm run token)");
  runExample({ url: HUB_URL, token: HUB_TOKEN, networkId: NETWORK_ID, foreignSchoolId: FOREIGN_SCHOOL_ID }).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
