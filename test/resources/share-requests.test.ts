import { newId } from "../../subgraphs/kit";
import { errorCode, startResourcesFixture, type ResourcesFixture } from "./fixtures";

let fixture: ResourcesFixture;
beforeAll(async () => {
  fixture = await startResourcesFixture();
});
afterAll(() => fixture.stop());

const REQUEST = `mutation($input: RequestResourceInput!) { requestResource(input: $input) {
  id status message requestedOn requester { id } resource { id } history { status note }
} }`;
const move = (name: string) => `mutation($id: ID!, $note: String) { ${name}(id: $id, note: $note) { id status history { status note } } }`;
const APPROVE = move("approveShareRequest");
const DECLINE = move("declineShareRequest");
const FULFILL = move("fulfillShareRequest");

async function request(resourceId: string, schoolId = fixture.entityId()): Promise<string> {
  const data = await fixture.must(REQUEST, { input: { resourceId, schoolId, message: "May we use it?" } });
  return data.requestResource.id;
}

async function storedStatus(id: string) {
  const doc = await fixture.subgraph.db.collection("share_requests").findOne({ _id: id as any });
  return { status: doc!.status, steps: doc!.history.length };
}

describe("share requests", () => {
  it("moves a request from requested to approved to fulfilled, keeping its history", async () => {
    const resourceId = await fixture.publish();
    const schoolId = fixture.entityId();
    const created = await fixture.execute(REQUEST, { input: { resourceId, schoolId, message: "A visitation day, please" } });
    expect(created.errors).toBeUndefined();
    expect(created.data.requestResource).toMatchObject({
      status: "REQUESTED",
      message: "A visitation day, please",
      requester: { id: schoolId },
      resource: { id: resourceId },
      history: [{ status: "REQUESTED", note: "A visitation day, please" }],
    });
    expect(created.data.requestResource.requestedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const id = created.data.requestResource.id;
    const approved = await fixture.execute(APPROVE, { id, note: "October works" });
    expect(approved.data.approveShareRequest.status).toBe("APPROVED");
    const fulfilled = await fixture.execute(FULFILL, { id });
    expect(fulfilled.data.fulfillShareRequest).toMatchObject({
      status: "FULFILLED",
      history: [
        { status: "REQUESTED", note: "A visitation day, please" },
        { status: "APPROVED", note: "October works" },
        { status: "FULFILLED", note: null },
      ],
    });
  });

  it("declines a request", async () => {
    const id = await request(await fixture.publish());
    const declined = await fixture.execute(DECLINE, { id, note: "Not this year" });
    expect(declined.data.declineShareRequest.status).toBe("DECLINED");
  });

  it.each([
    ["fulfil a request that was never approved", [], FULFILL, "fulfillShareRequest"],
    ["approve a declined request", [DECLINE], APPROVE, "approveShareRequest"],
    ["decline an approved request", [APPROVE], DECLINE, "declineShareRequest"],
    ["approve a fulfilled request", [APPROVE, FULFILL], APPROVE, "approveShareRequest"],
    ["fulfil a request twice", [APPROVE, FULFILL], FULFILL, "fulfillShareRequest"],
  ])("refuses to %s as a CONFLICT that changes nothing", async (_case, before, impossible) => {
    const id = await request(await fixture.publish());
    for (const step of before) await fixture.must(step, { id });
    const stored = await storedStatus(id);
    const result = await fixture.execute(impossible, { id, note: "try" });
    expect(errorCode(result)).toBe("CONFLICT");
    expect(result.errors![0].message).toMatch(/is (REQUESTED|APPROVED|DECLINED|FULFILLED): only/);
    expect(await storedStatus(id)).toEqual(stored);
  });

  it("applies exactly one of two decisions that arrive at the same moment", async () => {
    const id = await request(await fixture.publish());
    const results = await Promise.all([
      ...Array.from({ length: 5 }, () => fixture.execute(APPROVE, { id })),
      ...Array.from({ length: 5 }, () => fixture.execute(DECLINE, { id })),
    ]);
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    expect(results.filter((result) => result.errors).every((result) => errorCode(result) === "CONFLICT")).toBe(true);
    expect((await storedStatus(id)).steps).toBe(2);
  });

  it("allows one open request per school and resource, also under races, and a new one once it is closed", async () => {
    const resourceId = await fixture.publish();
    const schoolId = fixture.entityId();
    const attempts = await Promise.all(Array.from({ length: 8 }, () => fixture.execute(REQUEST, { input: { resourceId, schoolId } })));
    const made = attempts.filter((result) => !result.errors);
    expect(made).toHaveLength(1);
    expect(attempts.filter((result) => result.errors).every((result) => errorCode(result) === "CONFLICT")).toBe(true);
    const id = made[0].data.requestResource.id;
    await fixture.must(APPROVE, { id });
    expect(errorCode(await fixture.execute(REQUEST, { input: { resourceId, schoolId } }))).toBe("CONFLICT");
    await fixture.must(FULFILL, { id });
    const again = await fixture.execute(REQUEST, { input: { resourceId, schoolId } });
    expect(again.errors).toBeUndefined();
  });

  it("refuses requests from the resource's developers and for unknown resources; NOT_FOUND for unknown requests", async () => {
    const owner = fixture.entityId();
    const resourceId = await fixture.publish({ schoolId: owner });
    const own = await fixture.execute(REQUEST, { input: { resourceId, schoolId: owner } });
    expect(errorCode(own)).toBe("BAD_USER_INPUT");
    expect(own.errors![0].extensions!.field).toBe("input.schoolId");
    const unknown = await fixture.execute(REQUEST, { input: { resourceId: newId(), schoolId: owner } });
    expect(errorCode(unknown)).toBe("BAD_USER_INPUT");
    expect(errorCode(await fixture.execute(APPROVE, { id: newId() }))).toBe("NOT_FOUND");
  });

  it("lists the requests an owner receives, newest first, by status", async () => {
    const owner = fixture.entityId("network");
    const resourceId = await fixture.publish({ networkId: owner, schoolId: null });
    const open = await request(resourceId);
    const declined = await request(resourceId);
    await fixture.must(DECLINE, { id: declined });
    const LIST = `query($owner: ResourceOwnerInput, $status: ShareRequestStatus) { shareRequests(owner: $owner, status: $status) { totalCount edges { node { id status } } } }`;
    const all = await fixture.execute(LIST, { owner: { kind: "NETWORK", id: owner } });
    expect(all.data.shareRequests.totalCount).toBe(2);
    const requested = await fixture.execute(LIST, { owner: { kind: "NETWORK", id: owner }, status: "REQUESTED" });
    expect(requested.data.shareRequests.edges).toEqual([{ node: { id: open, status: "REQUESTED" } }]);
  });
});
