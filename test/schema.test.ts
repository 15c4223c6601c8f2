import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isSpecifiedScalarType, type GraphQLNamedType } from "graphql";
import { readFileSync } from "node:fs";
import { readSupergraphConfig } from "../contracts/supergraph-config";
import { composeBuiltIns } from "../scripts/compose";
import { loadSupergraphApiSchema } from "./support/supergraph-schema";

/** Every place of a type that a client developer reads about, with its description. */
function describedParts(type: GraphQLNamedType): Array<[string, string | null | undefined]> {
  const parts: Array<[string, string | null | undefined]> = [[type.name, type.description]];
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const field of Object.values(type.getFields())) {
      parts.push([`${type.name}.${field.name}`, field.description]);
      for (const argument of field.args) parts.push([`${type.name}.${field.name}(${argument.name})`, argument.description]);
    }
  }
  if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) parts.push([`${type.name}.${field.name}`, field.description]);
  if (isEnumType(type)) for (const value of type.getValues()) parts.push([`${type.name}.${value.name}`, value.description]);
  return parts;
}

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

  it("describes every type, field, argument and enum value clients see through the gateway", async () => {
    const schema = await loadSupergraphApiSchema();
    const types = Object.values(schema.getTypeMap()).filter((type) => !type.name.startsWith("__") && !isSpecifiedScalarType(type));
    const parts = types.flatMap(describedParts);
    expect(parts.length).toBeGreaterThan(1000);
    expect(parts.filter(([, description]) => !description?.trim()).map(([name]) => name)).toEqual([]);
  });
});
