import { secondGatewayPort } from "../../scripts/cluster-ports";

describe("start:cluster's second gateway", () => {
  it("listens on the next port when no subgraph holds it", () => {
    expect(secondGatewayPort(8000, [4001, 4002])).toBe(8001);
  });

  it("skips the ports the subgraphs listen on: with the defaults, 4006", () => {
    expect(secondGatewayPort(4000, [4001, 4002, 4003, 4004, 4005])).toBe(4006);
  });

  it("refuses when no port is left above the first gateway's", () => {
    expect(() => secondGatewayPort(65534, [65535])).toThrow(/No port above 65534/);
  });
});
