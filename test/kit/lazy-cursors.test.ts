import { mapNodes, pageOf } from "../../subgraphs/kit/pagination";

/** A page seals a node's cursor (an HMAC) only when a client asks for it, and only once. */

function countingPage(size: number) {
  const sealed: number[] = [];
  const page = pageOf(
    Array.from({ length: size + 1 }, (_, i) => i),
    { first: size, after: null },
    (candidate) => {
      sealed.push(candidate);
      return `cursor-${candidate}`;
    },
    (candidate) => ({ id: candidate }),
    async () => size + 1,
  );
  return { page, sealed };
}

describe("page cursors", () => {
  it("are not sealed for a page whose cursors nobody reads", () => {
    const { page, sealed } = countingPage(5);
    expect(page.edges.map((edge) => edge.node.id)).toEqual([0, 1, 2, 3, 4]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(sealed).toEqual([]);
  });

  it("are sealed once each when read, the page's start and end cursors included, through mapped nodes too", () => {
    const { page, sealed } = countingPage(3);
    const mapped = mapNodes(page, (node) => `node ${node.id}`);
    expect([page.pageInfo.endCursor, page.pageInfo.endCursor, mapped.edges[2].cursor, page.edges[0].cursor, mapped.pageInfo.startCursor]).toEqual([
      "cursor-2",
      "cursor-2",
      "cursor-2",
      "cursor-0",
      "cursor-0",
    ]);
    expect(sealed).toEqual([2, 0]);
    expect(mapped.edges.map((edge) => edge.node)).toEqual(["node 0", "node 1", "node 2"]);
  });

  it("of an empty page are null", () => {
    const { page } = countingPage(0);
    expect([page.pageInfo.startCursor, page.pageInfo.endCursor, page.edges]).toEqual([null, null, []]);
  });
});
