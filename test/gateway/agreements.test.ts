import { mintDevToken } from "../../gateway/auth/dev-tokens";
import type { PersonRole } from "../../gateway/auth/identity";
import { DemoAgreements } from "../../scripts/demo/agreements";
import { DemoFundedWork } from "../../scripts/demo/funded-work";
import { DemoNetworks, DemoOrganizations, demoId } from "../../scripts/demo/ids";
import { startHub, type HubUnderTest } from "../support/hub";

/*
 * The questions about shared staff, joint purchasing and funded work, each one query through the gateway over the
 * demo data (seeds 000 and 003), asked by different callers:
 *
 *  - anonymous;
 *  - a coordinator of NW RISE (Education Northwest): its schools' agreements are theirs, not the network's;
 *  - a staff member of Wallowa Valley High School (NW RISE), which shares a counselor with two other schools;
 *  - a staff member of Chugach Coast School (NW RISE), asked to share Kuskokwim River's counselor;
 *  - a coordinator of CEI-PEA's School Leaders Network, and a staff member of Landmark High School, one of its schools.
 */

let hub: HubUnderTest;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub.stop());

const school = (slug: string) => demoId(`school:${slug}`);
type Caller = "anonymous" | "nwRiseCoordinator" | "wallowaStaff" | "chugachStaff" | "ceiPeaCoordinator" | "landmarkStaff";
const IDENTITIES: Record<Exclude<Caller, "anonymous">, { personId: string; organizationId: string; roles: PersonRole[] }> = {
  nwRiseCoordinator: { personId: "celeste", organizationId: DemoOrganizations.educationNorthwest, roles: [{ role: "COORDINATOR", networkId: DemoNetworks.nwRise }] },
  wallowaStaff: { personId: "wallowa-counselor-lead", organizationId: DemoOrganizations.educationNorthwest, roles: [{ role: "STAFF", schoolId: school("wallowa-valley-high") }] },
  chugachStaff: { personId: "chugach-principal", organizationId: DemoOrganizations.educationNorthwest, roles: [{ role: "STAFF", schoolId: school("chugach-coast-school") }] },
  ceiPeaCoordinator: { personId: "harvey", organizationId: DemoOrganizations.ceiPea, roles: [{ role: "COORDINATOR", networkId: DemoNetworks.nycSchoolLeaders }] },
  landmarkStaff: { personId: "landmark-teacher", organizationId: DemoOrganizations.ceiPea, roles: [{ role: "STAFF", schoolId: school("landmark-high") }] },
};

async function as(caller: Caller, query: string, variables?: Record<string, unknown>) {
  const headers: Record<string, string> = caller === "anonymous" ? {} : { authorization: `Bearer ${await mintDevToken(hub.keys.issuerPrivateKey, IDENTITIES[caller])}` };
  const result = await hub.query(query, variables, headers);
  expect(result.errors).toBeUndefined();
  return result.data;
}

const nodes = (connection: { edges: Array<{ node: any }> }) => connection.edges.map((edge) => edge.node);

describe("which schools share a counselor or a purchasing agreement, each school's share and the period", () => {
  const QUESTION = `query($id: ID!, $proposals: Boolean!) { school(id: $id) { name
    agreements(first: 10, includeProposals: $proposals) { totalCount edges { node {
      kind title status startDate endDate proposedBy { name }
      parties { school { name locale } consent timeShare cost { amount currency } }
    } } }
  } }`;
  const ask = async (caller: Caller, slug: string, proposals = false) => (await as(caller, QUESTION, { id: school(slug), proposals })).school;

  it("shows a school's staff its agreements with every school's share, names from the networks subgraph", async () => {
    const wallowa = await ask("wallowaStaff", "wallowa-valley-high");
    expect(wallowa.agreements.totalCount).toBe(1);
    expect(nodes(wallowa.agreements)).toEqual([
      {
        kind: "SHARED_STAFF",
        title: "Certified school counselor",
        status: "IN_FORCE",
        startDate: "2025-08-15",
        endDate: "2026-06-15",
        proposedBy: { name: "Wallowa Valley High School" },
        parties: [
          { school: { name: "Wallowa Valley High School", locale: "RURAL" }, consent: "ACCEPTED", timeShare: 0.4, cost: { amount: 31200, currency: "USD" } },
          { school: { name: "Wallowa Valley K-8 School", locale: "RURAL" }, consent: "ACCEPTED", timeShare: 0.4, cost: { amount: 31200, currency: "USD" } },
          { school: { name: "Fort Rock Valley School", locale: "RURAL" }, consent: "ACCEPTED", timeShare: 0.2, cost: { amount: 15600, currency: "USD" } },
        ],
      },
    ]);
    // a school with an agreement of its own shows the caller nothing of another school's
    expect((await ask("wallowaStaff", "columbia-plateau-school")).agreements).toEqual({ totalCount: 0, edges: [] });
  });

  it("shows them to nobody else: not the schools' network's coordinator, not anonymous callers", async () => {
    for (const caller of ["anonymous", "nwRiseCoordinator", "ceiPeaCoordinator"] as const) {
      for (const slug of ["wallowa-valley-high", "columbia-plateau-school", "kuskokwim-river-school"]) {
        const found = await ask(caller, slug, true);
        expect({ caller, slug, agreements: found.agreements }).toEqual({ caller, slug, agreements: { totalCount: 0, edges: [] } });
      }
    }
  });

  it("shows a school asked to join a proposal it has not answered, to its own staff, with includeProposals", async () => {
    expect((await ask("chugachStaff", "chugach-coast-school")).agreements.totalCount).toBe(0);
    const asked = await ask("chugachStaff", "chugach-coast-school", true);
    expect(nodes(asked.agreements)).toMatchObject([
      { title: "Remote school counselor", status: "PROPOSED", endDate: null, parties: [{ school: { name: "Kuskokwim River School" }, consent: "ACCEPTED", timeShare: 0.9 }, { consent: "PENDING", timeShare: 0.1, cost: null }] },
    ]);
  });
});

describe("what depends on awards that end this year", () => {
  const QUESTION = `query($from: LocalDate!, $to: LocalDate!) {
    fundingAwards(endingFrom: $from, endingTo: $to, first: 20) { totalCount edges { node {
      id funder endDate network { name }
      fundedWork(first: 20) { totalCount edges { node { targetKind note
        target { __typename
          ... on Event { title startDate }
          ... on Mentorship { mentorSchool { name } partnerSchool { name } }
          ... on Resource { title }
          ... on SchoolAgreement { title parties { school { name } } }
        }
      } } }
    } } }
  }`;
  /** Per award ending in 2026, what each link shows: the target's name, or null when the caller may not see it. */
  const ask = async (caller: Caller) => {
    const data = await as(caller, QUESTION, { from: "2026-01-01", to: "2026-12-31" });
    expect(data.fundingAwards.totalCount).toBe(data.fundingAwards.edges.length);
    return Object.fromEntries(
      nodes(data.fundingAwards).map((award) => [
        award.id,
        nodes(award.fundedWork).map((work) => [work.targetKind, work.target ? (work.target.title ?? work.target.__typename) : null]),
      ]),
    );
  };

  it("answers anonymous callers with the public award only, hiding every piece of work they may not see", async () => {
    expect(await ask("anonymous")).toEqual({
      [DemoFundedWork.nwRiseRuralSupport]: [
        ["AGREEMENT", null],
        ["AGREEMENT", null],
        ["RESOURCE", null],
        ["EVENT", null],
      ],
    });
  });

  it("shows a school's staff the agreement their school is in, not the others'", async () => {
    expect(await ask("wallowaStaff")).toEqual({
      [DemoFundedWork.nwRiseRuralSupport]: [
        ["AGREEMENT", "Certified school counselor"],
        ["AGREEMENT", null],
        ["RESOURCE", "School counselors shared by small rural districts"],
        ["EVENT", "NW RISE convening: building a networkwide applied learning curriculum"],
      ],
    });
  });

  it("shows a network's coordinator its own award's work, and no agreement between schools", async () => {
    const ceiPea = await ask("ceiPeaCoordinator");
    expect(ceiPea[DemoFundedWork.ceiPeaInKind2025]).toEqual([
      ["RESOURCE", "In-kind after-school programs for network schools"],
      ["EVENT", "Network planning day: next year's workshop calendar"],
      ["EVENT", "Meeting the needs of English language learners"],
    ]);
    const nwRise = await ask("nwRiseCoordinator");
    expect(nwRise[DemoFundedWork.nwRiseRuralSupport]).toEqual([
      ["AGREEMENT", null],
      ["AGREEMENT", null],
      ["RESOURCE", "School counselors shared by small rural districts"],
      ["EVENT", "NW RISE convening: building a networkwide applied learning curriculum"],
    ]);
  });

  it("resolves a hidden event to null at the development subgraph, with no error, whatever else is asked of it", async () => {
    const query = `query($id: ID!) { fundingAward(id: $id) { fundedWork(kinds: [EVENT]) { edges { node { target { ... on Event { title host { network { name } } } } } } } } }`;
    const work = async (caller: Caller) => nodes((await as(caller, query, { id: DemoFundedWork.ceiPeaInKind2025 })).fundingAward.fundedWork).map((node) => node.target?.title ?? null);
    expect(await work("ceiPeaCoordinator")).toEqual(["Network planning day: next year's workshop calendar", "Meeting the needs of English language learners"]);
    // a member school's staff read the award (NETWORK) but not the planning day (PRIVATE to the network's coordinators)
    expect(await work("landmarkStaff")).toEqual([null, "Meeting the needs of English language learners"]);
    // asking for nothing but the id needs no fetch from the development subgraph: the link shows the id it stores (README, resources "Access")
    const ids = await as("landmarkStaff", `query($id: ID!) { fundingAward(id: $id) { fundedWork(kinds: [EVENT]) { edges { node { target { ... on Event { id } } } } } } }`, { id: DemoFundedWork.ceiPeaInKind2025 });
    expect(nodes(ids.fundingAward.fundedWork).map((node) => node.target.id)).toEqual([demoId("event:cei-pea-planning-day"), demoId("event:cei-pea-ell-webinar")]);
    // and a school of another network does not read the award at all
    expect((await as("wallowaStaff", query, { id: DemoFundedWork.ceiPeaInKind2025 })).fundingAward).toBeNull();
  });

  it("shows an agreement to the staff of its schools only", async () => {
    const query = `query($id: ID!) { schoolAgreement(id: $id) { title } }`;
    expect((await as("wallowaStaff", query, { id: DemoAgreements.wallowaCounselor })).schoolAgreement).toEqual({ title: "Certified school counselor" });
    expect((await as("nwRiseCoordinator", query, { id: DemoAgreements.wallowaCounselor })).schoolAgreement).toBeNull();
  });
});
