import {
  getNamedType,
  getNullableType,
  getVariableValues,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  valueFromAST,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

/**
 * About how many objects an operation may return. Each selected field of object type counts one per
 * object it is selected on; a field's `first` sizes the lists directly under it (a connection's
 * `edges` and `nodes`), or the field itself when it is a list; other lists of objects count
 * `assumedListSize`. Scalars are free; introspection is not counted (its size is the schema's).
 * The operation has passed validation, so its fragments do not cycle; each fragment's cost is worked
 * out once per list size, so fragments spread many times cost no extra work.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined,
  assumedListSize: number,
): number {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  const variables = coerced.coerced ?? rawVariables ?? {};
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const fragmentCosts = new Map<string, number>();

  const firstOf = (field: GraphQLField<unknown, unknown>, node: { arguments?: readonly { name: { value: string }; value: any }[] }): number | undefined => {
    const definition = field.args.find((argument) => argument.name === "first");
    if (!definition) return undefined;
    const given = node.arguments?.find((argument) => argument.name.value === "first");
    const value = given ? valueFromAST(given.value, definition.type, variables) : definition.defaultValue;
    return typeof value === "number" ? Math.max(0, value) : undefined;
  };

  /** The cost of a selection set evaluated on one object of `type`, where a list directly in it holds `listSize` items. */
  const costOf = (selectionSet: SelectionSetNode, type: GraphQLCompositeType, listSize: number): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (!selection.selectionSet || selection.name.value.startsWith("__")) continue;
        const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[selection.name.value] : undefined;
        const fieldType = field && getNamedType(field.type);
        if (!field || !isCompositeType(fieldType)) continue;
        const first = firstOf(field, selection);
        const isList = isListType(getNullableType(field.type));
        const objects = isList ? (first ?? listSize) : 1;
        const innerListSize = first !== undefined && !isList ? first : assumedListSize;
        total += objects * (1 + costOf(selection.selectionSet, fieldType, innerListSize));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        total += costOf(selection.selectionSet, isCompositeType(condition) ? condition : type, listSize);
      } else {
        const name = selection.name.value;
        const key = `${name}:${listSize}`;
        let cost = fragmentCosts.get(key);
        if (cost === undefined) {
          const fragment = fragments.get(name);
          const condition = fragment && schema.getType(fragment.typeCondition.name.value);
          cost = fragment && isCompositeType(condition) ? costOf(fragment.selectionSet, condition, listSize) : 0;
          fragmentCosts.set(key, cost);
        }
        total += cost;
      }
    }
    return total;
  };

  const rootType = schema.getRootType(operation.operation);
  return rootType ? costOf(operation.selectionSet, rootType, assumedListSize) : 0;
}
