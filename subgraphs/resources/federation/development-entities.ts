import { Directive, Field, ID, ObjectType } from "type-graphql";

/*
 * Stubs of the development subgraph's entities that funding awards pay for. This subgraph stores their ids only
 * and never resolves them (`resolvable: false`): the gateway asks the development subgraph for every other field,
 * which answers under its own policy (null for a record the caller may not see).
 */

/** The development subgraph's Event. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType("Event")
export class Event {
  @Field(() => ID)
  id: string;
}

/** The development subgraph's Mentorship. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType("Mentorship")
export class Mentorship {
  @Field(() => ID)
  id: string;
}
