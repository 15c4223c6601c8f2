import { Directive, Field, ID, ObjectType } from "type-graphql";

/*
 * The networks subgraph owns these entities; this subgraph only extends them (stubs keyed by id,
 * resolved to `{ id }` without a database call) with the fields its resolvers add.
 */

/** The networks subgraph's School, extended here with its events, needs, reviews, mentorships, communities and cycles. */
@Directive('@key(fields: "id")')
@ObjectType("School")
export class School {
  @Field(() => ID)
  id: string;
}

/** The networks subgraph's Network, extended here with its events, common needs, communities and cycles. */
@Directive('@key(fields: "id")')
@ObjectType("Network")
export class Network {
  @Field(() => ID)
  id: string;
}

/** The networks subgraph's Educator, extended here with event registrations, communities and review teams. */
@Directive('@key(fields: "id")')
@ObjectType("Educator")
export class Educator {
  @Field(() => ID)
  id: string;
}

/** The networks subgraph's Organization: an owner or host of development records. */
@Directive('@key(fields: "id")')
@ObjectType("Organization")
export class Organization {
  @Field(() => ID)
  id: string;
}

/** A reference to an entity of the networks subgraph: the gateway fetches its fields from there. */
export function entityRef(id: string): { id: string } {
  return { id };
}

/** Every stub resolves its reference to itself: the records it carries are loaded by field resolvers. */
export function resolveStubReference(reference: { id: string }): { id: string } {
  return { id: reference.id };
}
