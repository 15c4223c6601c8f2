import { readFileSync } from "node:fs";
import { composeSupergraph, SUPERGRAPH_PATH, subgraphSchemaPath } from "../gateway/compose";
import { subgraphs } from "../subgraphs/registry";

describe("committed schema", () => {
  it("matches what the code produces (run `npm run compose` after changing a subgraph)", async () => {
    const { subgraphSdls, supergraphSdl } = await composeSupergraph(subgraphs);
    for (const [name, sdl] of Object.entries(subgraphSdls)) {
      expect({ file: `schema/${name}.graphql`, sdl: readFileSync(subgraphSchemaPath(name), "utf8") }).toEqual({ file: `schema/${name}.graphql`, sdl });
    }
    expect(readFileSync(SUPERGRAPH_PATH, "utf8")).toBe(supergraphSdl);
  });

  it("declares the shared entities with their keys in every subgraph that extends them", async () => {
    const { subgraphSdls } = await composeSupergraph(subgraphs);
    expect(subgraphSdls.networks).toMatch(/type School\s+@key\(fields: "id"\)\s+@key\(fields: "ncesId"\)/);
    for (const name of ["resources", "development", "advocacy"]) {
      expect(subgraphSdls[name]).toMatch(/type School\s+@key\(fields: "id"\)/);
      expect(subgraphSdls[name]).toMatch(/type Network\s+@key\(fields: "id"\)/);
    }
  });
});
