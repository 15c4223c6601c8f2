import { createUnionType, Directive, Field, ID, ObjectType } from "type-graphql";
import type { RecordOwner } from "../../kit";

/*
 * Stubs of the networks subgraph's entities, without descriptions: the networks subgraph's describe these
 * types in the supergraph (composition would otherwise have to choose between differing ones).
 */

/** The networks subgraph's School, extended here with the resources it owns, co-developed and adopted. */
@Directive('@key(fields: "id")')
@ObjectType("School")
export class School {
  @Field(() => ID)
  id: string;
}

/** The networks subgraph's Network, extended here with its resources and its funding. */
@Directive('@key(fields: "id")')
@ObjectType("Network")
export class Network {
  @Field(() => ID)
  id: string;
}

/** The networks subgraph's Organization: a funder of awards, when it is one of the hub's organizations. */
@Directive('@key(fields: "id")')
@ObjectType("Organization")
export class Organization {
  @Field(() => ID)
  id: string;
}

/** A reference to an entity of the networks subgraph, resolved by the gateway. */
export interface EntityReference {
  __typename: "School" | "Network";
  id: string;
}

/** The owning school when a school owns the record, otherwise the owning network. */
export function ownerReference(owner: RecordOwner): EntityReference {
  return owner.schoolId ? { __typename: "School", id: owner.schoolId } : { __typename: "Network", id: owner.networkId };
}

export function schoolReference(id: string): School {
  return { id };
}

export function networkReference(id: string): Network {
  return { id };
}

export const ResourceOwner = createUnionType({
  name: "ResourceOwner",
  description: "Who owns a resource: a network, or a school within a network (see `Resource.network`).",
  types: () => [School, Network] as const,
  resolveType: (value) => (value as EntityReference).__typename,
});

/** Stub reference resolvers: the networks subgraph resolves the other fields of these entities. */
export const entityReferenceResolvers = {
  School: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
  Network: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
  Organization: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
};
