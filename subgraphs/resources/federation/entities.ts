import { createUnionType, Directive, Field, ID, ObjectType } from "type-graphql";
import { ResourceOwnerKind } from "../enums";

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

/** The networks subgraph's Organization: it may own resources (e.g. technical assistance it offers). */
@Directive('@key(fields: "id")')
@ObjectType("Organization")
export class Organization {
  @Field(() => ID)
  id: string;
}

/** A reference to an entity of the networks subgraph, resolved by the gateway. */
export interface EntityReference {
  __typename: "School" | "Network" | "Organization";
  id: string;
}

const TYPENAME_BY_KIND: Record<ResourceOwnerKind, EntityReference["__typename"]> = {
  [ResourceOwnerKind.SCHOOL]: "School",
  [ResourceOwnerKind.NETWORK]: "Network",
  [ResourceOwnerKind.ORGANIZATION]: "Organization",
};

export function ownerReference(owner: { kind: ResourceOwnerKind; id: string }): EntityReference {
  return { __typename: TYPENAME_BY_KIND[owner.kind], id: owner.id };
}

export function schoolReference(id: string): School {
  return { id };
}

export function networkReference(id: string): Network {
  return { id };
}

export const ResourceOwner = createUnionType({
  name: "ResourceOwner",
  description: "Who owns a resource: a school, a network or an organization.",
  types: () => [School, Network, Organization] as const,
  resolveType: (value) => (value as EntityReference).__typename,
});

/** Stub reference resolvers: the networks subgraph resolves the other fields of these entities. */
export const entityReferenceResolvers = {
  School: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
  Network: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
  Organization: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
};
