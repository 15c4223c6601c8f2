import { collectSubFields } from "@graphql-tools/utils";
import { getArgumentValues, getNamedType, isObjectType, type GraphQLResolveInfo } from "graphql";
import type { ResolverData } from "type-graphql";
import { validateInput } from "./validation";

/**
 * The arguments of the field `name` as the request selects it under the field being resolved (its first
 * selection there), as that field's resolver will get them: so a parent can read in its own command what the
 * nested field needs (`findJoined`). Null when the field is not selected or its arguments are not valid (its
 * resolver then says so).
 */
export async function selectedArgs<T extends object>(info: GraphQLResolveInfo, name: string, argsClass: new () => T): Promise<T | null> {
  const type = getNamedType(info.returnType);
  if (!isObjectType(type)) return null;
  const { fields } = collectSubFields(info.schema, info.fragments, info.variableValues, type, [...info.fieldNodes]);
  const node = [...fields.values()].flat().find((field) => field.name.value === name);
  const field = type.getFields()[name];
  if (!node || !field) return null;
  try {
    const args = Object.assign(new argsClass(), getArgumentValues(field, node, info.variableValues));
    await validateInput(args, argsClass, { info } as ResolverData);
    return args;
  } catch {
    return null;
  }
}
