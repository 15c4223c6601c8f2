import { readFileSync } from "node:fs";
import { readSupergraphConfig } from "../contracts/supergraph-config";
import { composeBuiltIns } from "../scripts/compose";

describe("committed schema", () => {
  it("matches what the code produces (run `npm run compose` after changing a subgraph)", async () => {
    for (const [file, content] of await composeBuiltIns()) {
      expect({ file, sdl: readFileSync(file, "utf8") }).toEqual({ file, sdl: content });
    }
  });

  it("declares the shared entities with their keys in every subgraph that extends them", () => {
    const sdl = Object.fromEntries(readSupergraphConfig().subgraphs.map((subgraph) => [subgraph.name, readFileSync(subgraph.schemaFile, "utf8")]));
    expect(sdl.networks).toMatch(/type School\s+@key\(fields: "id"\)\s+@key\(fields: "ncesId"\)/);
    for (const name of ["resources", "development", "advocacy"]) {
      expect(sdl[name]).toMatch(/type School\s+@key\(fields: "id"\)/);
      expect(sdl[name]).toMatch(/type Network\s+@key\(fields: "id"\)/);
    }
  });
});
