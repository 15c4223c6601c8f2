import { Long } from "bson";
import { Collection, type ChangeSink } from "../../embedded-mongo/engine/collection";
import { compileFilter } from "../../embedded-mongo/engine/mingo";
import type { Doc } from "../../embedded-mongo/engine/paths";
import { findDocuments, splitText } from "../../embedded-mongo/engine/query";
import { textScores } from "../../embedded-mongo/engine/text-scores";

/*
 * `$text` candidates are filtered from the collection's field columns (values by record id, and the answers
 * of `$or`s, kept across commands until a record is written: embedded-mongo/engine/field-columns.ts). Counts
 * and pages must be exactly those of the generic path: every hit of the words, tested by mingo.
 */
describe("embedded-mongo: $text candidates filtered from field columns", () => {
  const sink: ChangeSink = { put() {}, remove() {}, indexCreated() {}, indexDropped() {}, optionsChanged() {} };
  const words = ["rubric", "portfolio", "coaching", "inquiry", "debate"];
  const levels = ["PUBLIC", "NETWORK", "ALLIANCE", "PRIVATE"];
  /** Plain values mostly, and every few documents a value the fast path leaves to mingo. */
  const docFor = (i: number, round = 0): Doc => {
    const doc: Doc = {
      _id: i,
      title: `${words[(i + round) % 5]} ${i % 4 === 0 ? words[(i + 2) % 5] : "guide"} ${i % 9 === 0 ? "school" : ""}`,
      summary: i % 3 === 0 ? `shared ${words[i % 5]} notes` : "shared notes",
      kind: ["GUIDE", "DATASET", "PROTOCOL"][(i + round) % 3],
      grade: i % 13,
      visibility: levels[(i + round) % 4],
      owner: { networkId: `n${i % 5}`, schoolId: i % 2 ? `s${i % 7}` : null },
      archivedAt: i % 17 === 0 ? new Date(0) : null,
    };
    switch (i % 23) {
      case 1: doc.visibility = ["PUBLIC", "NETWORK"]; break;
      case 2: delete doc.visibility; break;
      case 3: doc.owner = [{ networkId: "n1", schoolId: "s1" }]; break;
      case 4: doc.grade = new Long(5); break;
      case 5: doc.grade = NaN; break;
      case 6: doc.owner = null; break;
      case 7: doc.kind = [["GUIDE"]]; break;
      case 8: doc.grade = "5"; break;
      case 9: delete doc.archivedAt; break;
    }
    return doc;
  };

  const readable = (networks: string[]) => ({
    $or: [
      { visibility: "PUBLIC" },
      { "owner.schoolId": { $in: ["s1", "s3"] } },
      { "owner.schoolId": null, "owner.networkId": { $in: networks.slice(0, 1) } },
      { visibility: { $in: ["NETWORK", "ALLIANCE"] }, "owner.networkId": { $in: networks } },
    ],
  });
  const filters: Doc[] = [
    { $text: { $search: "rubric" } },
    { $text: { $search: "shared" }, $and: [{ archivedAt: null }, { visibility: "PUBLIC" }] },
    { $text: { $search: "shared" }, $and: [{ archivedAt: null, kind: { $in: ["GUIDE", "DATASET"] } }, readable(["n1", "n2"])] },
    { $text: { $search: "shared" }, $and: [{ grade: { $gte: 3 }, archivedAt: null }, readable(["n1", "n2"])] },
    { $text: { $search: "school coaching" }, $and: [{ grade: { $lte: 9 } }, readable(["n3"])] },
    { $text: { $search: "shared -rubric -debate" }, visibility: { $ne: "PRIVATE" } },
    { $text: { $search: '"rubric guide"' }, $and: [{ archivedAt: null }, readable(["n1", "n2"])] },
    { $text: { $search: 'shared -"coaching guide"' }, kind: { $nin: ["DATASET"] } },
    { $text: { $search: "nothing-matches" }, visibility: "PUBLIC" },
    { $text: { $search: "rubric" }, visibility: "NOBODY" },
    // shapes the fast path does not compile: mingo tests every candidate
    { $text: { $search: "shared" }, visibility: { $regex: "^P" } },
    { $text: { $search: "shared" }, $and: [{ "owner.schoolId": { $exists: true } }, readable(["n1"])] },
    { $text: { $search: "shared" }, $nor: [{ visibility: "PUBLIC" }] },
  ];

  /** The generic path: every hit of the words, tested by mingo, best score first then `_id`. */
  const expected = (coll: Collection, filter: Doc): Doc[] => {
    const { text, rest } = splitText(filter);
    const matcher = compileFilter(rest);
    const hits = findDocuments(coll, { $text: text }).matches.map(([, doc]) => doc).filter((doc) => matcher.test(doc));
    return hits.map((doc) => ({ _id: doc._id, score: textScores.get(doc) })).sort((a, b) => b.score! - a.score! || (a._id as number) - (b._id as number));
  };

  const page = (coll: Collection, filter: Doc, skip: number, limit: number): Doc[] =>
    findDocuments(coll, filter, { sort: { score: { $meta: "textScore" }, _id: 1 }, skip, limit }).matches.map(([, doc]) => ({ _id: doc._id, score: textScores.get(doc) }));

  const compareAll = (coll: Collection): void => {
    for (const filter of filters) {
      const all = expected(coll, filter);
      expect({ filter, count: findDocuments(coll, filter, { countOnly: true }).count }).toEqual({ filter, count: all.length });
      for (const [skip, limit] of [[0, 21], [5, 3], [Math.max(0, all.length - 2), 5]]) {
        expect({ filter, skip, page: page(coll, filter, skip, limit) }).toEqual({ filter, skip, page: all.slice(skip, skip + limit) });
      }
    }
  };

  let coll: Collection;

  beforeEach(() => {
    coll = new Collection("db", "resources", {}, sink);
    coll.createIndex({ v: 2, key: { _fts: "text", _ftsx: 1 }, name: "text", weights: { title: 10, summary: 1 } });
    for (let i = 0; i < 1500; i++) coll.insert(docFor(i));
  });

  it("counts and pages as the generic path, including negations, phrases, no hits and filters it does not compile", () => {
    compareAll(coll);
    // a second time, answered from the columns the first one filled
    compareAll(coll);
    expect(findDocuments(coll, filters[8], { countOnly: true }).count).toBe(0);
    expect(findDocuments(coll, filters[9], { countOnly: true }).count).toBe(0);
  });

  it("answers from the records' current documents after inserts, replacements and removals", () => {
    compareAll(coll);
    for (let i = 0; i < 1500; i += 3) coll.replace(coll.findById(i)!, docFor(i, 1));
    for (let i = 1; i < 1500; i += 7) coll.remove(coll.findById(i)!);
    for (let i = 1500; i < 1700; i++) coll.insert(docFor(i, 2));
    compareAll(coll);
    coll.clear();
    for (let i = 0; i < 300; i++) coll.insert(docFor(i, 3));
    compareAll(coll);
  });

  it("gives the same answers with more columns than a collection keeps", () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ $text: { $search: "shared" }, [`extra${i}`]: null, ...readable([`n${i % 5}`, `n${(i + 1) % 5}`]) }));
    for (let round = 0; round < 2; round++) {
      for (const filter of many) expect(findDocuments(coll, filter, { countOnly: true }).count).toBe(expected(coll, filter).length);
      coll.replace(coll.findById(10)!, docFor(10, round + 1));
    }
  });
});
