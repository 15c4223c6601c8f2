import { Directive, Field, ID, ObjectType } from "type-graphql";
import { ConnectionType } from "../../kit";

/*
 * The networks subgraph owns these entities; this subgraph only extends them (stubs keyed by id,
 * resolved to `{ id }` without a database call) with the fields its resolvers add.
 */

/** The networks subgraph's School, extended here with its events, needs, reviews, mentorships, communities and cycles. */
@Directive('@key(fields: "id")')
@ObjectType("School", { description: "A school, owned by the networks subgraph; this subgraph adds its professional-development records." })
export class School {
  @Field(() => ID, { description: "The school's id in the networks subgraph." })
  id: string;
}

/** A page of schools a development record lists (the same type as the networks subgraph's, hence shareable). */
@Directive("@shareable")
@ObjectType({ description: "A page of schools." })
export class SchoolConnection extends ConnectionType(School) {}

/** The networks subgraph's Network, extended here with its events, common needs, communities and cycles. */
@Directive('@key(fields: "id")')
@ObjectType("Network", { description: "A school network, owned by the networks subgraph; this subgraph adds its events, common needs, reviews, mentorships, communities and cycles." })
export class Network {
  @Field(() => ID, { description: "The network's id in the networks subgraph." })
  id: string;
}

/** The networks subgraph's Educator, extended here with event registrations, communities and review teams. */
@Directive('@key(fields: "id")')
@ObjectType("Educator", { description: "An educator, owned by the networks subgraph; this subgraph adds their registrations, communities and review visits." })
export class Educator {
  @Field(() => ID, { description: "The educator's id in the networks subgraph." })
  id: string;
}

/** The networks subgraph's Organization: an owner or host of development records. */
@Directive('@key(fields: "id")')
@ObjectType("Organization", { description: "An organization, owned by the networks subgraph: a possible host or owner of development records." })
export class Organization {
  @Field(() => ID, { description: "The organization's id in the networks subgraph." })
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
