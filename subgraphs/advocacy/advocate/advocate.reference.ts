/**
 * The networks subgraph owns schools, networks and organizations; here a reference is all there is to
 * resolve (no lookup): the fields this subgraph adds only need the id.
 */
export function resolveAdvocateReference(reference: { id: string }) {
  return { id: reference.id };
}
