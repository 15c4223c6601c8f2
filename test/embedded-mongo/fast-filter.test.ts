import { Long, ObjectId } from "bson";
import { compileFastFilter } from "../../embedded-mongo/engine/fast-filter";
import { compileFilter } from "../../embedded-mongo/engine/mingo";
import type { Doc } from "../../embedded-mongo/engine/paths";

/*
 * The fast predicate in front of mingo (embedded-mongo/engine/fast-filter.ts) must never disagree with it:
 * wherever it answers, its answer is mingo's; where semantics get subtle it must step aside (undefined).
 */
describe("embedded-mongo: fast filter predicates", () => {
  const values: unknown[] = [
    undefined, null, 0, -0, 1, 5, 9, 12, 12.5, -1, NaN, "a", "b", "", "5", true, false, new Date(0), new ObjectId("64b7f0c2a1b2c3d4e5f60718"),
    new Long(5), [], [1], [5, 12], ["a", "b"], ["a", null], [null], [[5]], [["a"]], [{ b: "a" }], { b: "a" }, { b: null }, { b: 5 }, {},
    [{ b: 5 }, { b: 12 }], [{ c: 1 }],
  ];
  const docs: Doc[] = [];
  values.forEach((a, i) => {
    values.forEach((b, j) => {
      if ((i * 7 + j * 3) % 5 !== 0 && j !== 0) return;
      const doc: Doc = { _id: `${i}-${j}` };
      if (a !== undefined) doc.a = a;
      if (b !== undefined) doc.x = { y: b, z: "a" };
      docs.push(doc);
    });
  });
  docs.push({ _id: "explicit-undefined", a: undefined }, { _id: "x-array", x: [{ y: 5 }, { y: "a" }] }, { _id: "x-null", x: null }, { _id: "x-scalar", x: 5 });

  const filters: Doc[] = [
    { a: "a" }, { a: 5 }, { a: 0 }, { a: null }, { a: true }, { a: "" },
    { a: { $eq: 5 } }, { a: { $ne: 5 } }, { a: { $ne: null } }, { a: { $ne: "a" } },
    { a: { $in: [5, "a"] } }, { a: { $in: [] } }, { a: { $in: [null, 1] } }, { a: { $nin: [5, "b"] } }, { a: { $nin: [null] } },
    { a: { $all: ["a", "b"] } }, { a: { $all: [5] } }, { a: { $all: [] } },
    { a: { $gt: 5 } }, { a: { $gte: 5 } }, { a: { $lt: 5 } }, { a: { $lte: 5 } }, { a: { $gte: 5, $lte: 12 } }, { a: { $gt: -Infinity } },
    { "x.y": 5 }, { "x.y": null }, { "x.y": { $in: ["a", 12] } }, { "x.y": { $gte: 9 } }, { "x.z": "a", "x.y": { $ne: null } },
    { a: 5, "x.y": "a" },
    { $or: [{ a: 5 }, { "x.y": "a" }] },
    { $and: [{ a: { $gte: 1 } }, { $or: [{ "x.y": null }, { a: { $in: [12, "b"] } }] }] },
    { $or: [{ a: null, "x.y": { $in: ["a", "b"] } }, { a: { $in: ["a"] }, "x.z": "a" }] },
  ];

  for (const filter of filters) {
    it(`agrees with mingo on ${JSON.stringify(filter)}`, () => {
      const fast = compileFastFilter(filter);
      expect(fast).toBeDefined();
      const mingo = compileFilter(filter);
      let answered = 0;
      for (const doc of docs) {
        const r = fast!(doc);
        if (r === undefined) continue;
        answered++;
        expect({ id: doc._id, r }).toEqual({ id: doc._id, r: mingo.test(doc) });
      }
      // the common shapes are answered without mingo (null equality and $all on non-arrays step aside)
      expect(answered).toBeGreaterThan(/null|\$all/.test(JSON.stringify(filter)) ? 0 : docs.length / 3);
    });
  }

  it("does not compile other operators, positional paths or documents", () => {
    for (const filter of [
      { a: /a/ }, { a: { $regex: "a" } }, { a: { $exists: true } }, { "a.0": 5 }, { a: { b: 1 } }, { a: { $elemMatch: { $gt: 1 } } },
      { $expr: { $eq: ["$a", 1] } }, { $nor: [{ a: 1 }] }, { a: { $gte: "a" } }, { a: new Date(0) }, { a: { $in: [[1]] } }, { $and: [] },
    ]) {
      expect(compileFastFilter(filter as Doc)).toBeUndefined();
    }
  });
});
