import { copiedId, copyDocument, uniqueKeys } from "../../scripts/bench-data-set";

const SCHOOL = "4d1815837f3ff88ef6b132c2";
const NETWORK = "a7afcbbd300c064c122bfc1b";
const ID_INDEX = { v: 2, key: { _id: 1 }, name: "_id_" };

describe("the benchmark data set's copies", () => {
  it("rewrite a school id alike wherever it appears, in any collection or subgraph", () => {
    const membership = copyDocument({ _id: "95c6f4a03ef6d30ec288337d", schoolId: SCHOOL, networkId: NETWORK, openKey: `${SCHOOL}:${NETWORK}` }, 3, []);
    const resource = copyDocument({ _id: "7d9386bda20bc81fcd1a7a6a", owner: { kind: "SCHOOL", schoolId: SCHOOL }, coDeveloperSchoolIds: [SCHOOL] }, 3, []);
    expect(membership).toMatchObject({ schoolId: copiedId(SCHOOL, 3), openKey: `${copiedId(SCHOOL, 3)}:${copiedId(NETWORK, 3)}` });
    expect(resource).toMatchObject({ owner: { kind: "SCHOOL", schoolId: copiedId(SCHOOL, 3) }, coDeveloperSchoolIds: [copiedId(SCHOOL, 3)] });
  });

  it("never give a copy an id of the original world or of another copy", () => {
    const original = "000c2d54c39648d6a92a5878";
    const copies = [1, 2, 12, 0xffff].map((copy) => copiedId(original, copy));
    expect(new Set([original, ...copies]).size).toBe(5);
    expect(copies.every((id) => /^[0-9a-f]{24}$/.test(id) && id.endsWith(original.slice(4)))).toBe(true);
  });

  it("give a unique key that holds no id (a survey token, an NCES id) a value of its own in each copy", () => {
    const keys = uniqueKeys([ID_INDEX, { v: 2, key: { token: 1 }, name: "one_response_per_educator_and_survey", unique: true }]);
    const participation = { _id: "6eb4cca39e5e230e9434146e", token: "91248570d73de8572cb6fde1ee40e339339ee036a653468ba5d491bc9a3779e2" };
    const tokens = [participation, ...[1, 2].map((copy) => copyDocument(participation, copy, keys))].map((document) => document.token);
    expect(new Set(tokens).size).toBe(3);
    const school = copyDocument({ _id: SCHOOL, name: "Quest High", ncesId: "259968131483" }, 1, uniqueKeys([ID_INDEX, { v: 2, key: { ncesId: 1 }, name: "ncesId_unique", unique: true, sparse: true }]));
    expect(school).toMatchObject({ _id: copiedId(SCHOOL, 1), name: "Quest High" });
    expect(school.ncesId).not.toBe("259968131483");
  });

  it("leave a unique key alone when its ids already make it distinct, and a sparse key that is absent", () => {
    const keys = uniqueKeys([
      { v: 2, key: { campaignId: 1, endorserKind: 1, endorserId: 1 }, name: "one_endorsement_per_endorser_and_campaign", unique: true },
      { v: 2, key: { openKey: 1 }, name: "one_open_request", unique: true, sparse: true },
    ]);
    const endorsement = { _id: "6079b8a8e714bb39a50f26ab", campaignId: "c89f6a56641b262cbedbc9c4", endorserKind: "SCHOOL", endorserId: SCHOOL };
    expect(copyDocument(endorsement, 1, keys)).toEqual({ _id: copiedId(endorsement._id, 1), campaignId: copiedId(endorsement.campaignId, 1), endorserKind: "SCHOOL", endorserId: copiedId(SCHOOL, 1) });
  });

  it("refuse a unique key they cannot make distinct", () => {
    const keys = uniqueKeys([{ v: 2, key: { year: 1 }, name: "one_per_year", unique: true }]);
    expect(() => copyDocument({ _id: SCHOOL, year: 2024 }, 1, keys)).toThrow(/unique key \(year\)/);
  });
});
