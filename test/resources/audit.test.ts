import { startResourcesFixture, type ResourcesFixture } from "./fixtures";

/* The audit log keeps a record's visibility with each write, so it shows the write only to who may read the record. */
let fixture: ResourcesFixture;
beforeAll(async () => {
  fixture = await startResourcesFixture();
});
afterAll(() => fixture.stop());

it("records the written record's owner and visibility", async () => {
  const network = fixture.entityId("network");
  const school = fixture.entityId();
  const id = await fixture.publish({ networkId: network, schoolId: school, visibility: "PRIVATE" });
  const entry = await fixture.subgraph.audit.entries.findOne({ "entity.id": id });
  expect(entry).toMatchObject({ operation: "publishResource", owner: { networkId: network, schoolId: school }, visibility: "PRIVATE" });
});
