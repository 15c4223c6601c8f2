import { IsEnum, Length } from "class-validator";
import { createUnionType, Directive, Field, ID, InputType, ObjectType } from "type-graphql";
import { AdvocateKind } from "../enums";

/*
 * Stubs of the networks subgraph's entities: the advocacy subgraph only knows their ids and adds the
 * campaigns they lead and endorse (advocate.resolver.ts). The gateway fetches every other field from
 * the networks subgraph. They carry no descriptions: the networks subgraph's describe these types in the
 * supergraph (composition would otherwise have to choose between differing ones).
 */

@Directive('@key(fields: "id")')
@ObjectType("School")
export class School {
  @Field(() => ID)
  id: string;
}

@Directive('@key(fields: "id")')
@ObjectType("Network")
export class Network {
  @Field(() => ID)
  id: string;
}

@Directive('@key(fields: "id")')
@ObjectType("Organization")
export class Organization {
  @Field(() => ID)
  id: string;
}

/** A reference to a school, network or organization as stored in advocacy documents. */
export interface AdvocateRef {
  kind: AdvocateKind;
  id: string;
}

const TYPE_NAMES: Record<AdvocateKind, "School" | "Network" | "Organization"> = {
  [AdvocateKind.SCHOOL]: "School",
  [AdvocateKind.NETWORK]: "Network",
  [AdvocateKind.ORGANIZATION]: "Organization",
};

/** The entity reference the gateway resolves through the networks subgraph. */
export function toAdvocate(ref: AdvocateRef): { __typename: string; id: string } {
  return { __typename: TYPE_NAMES[ref.kind], id: ref.id };
}

export const Advocate = createUnionType({
  name: "Advocate",
  description: "A school, a network or an organization: who leads, owns, endorses or takes part in a campaign.",
  types: () => [School, Network, Organization] as const,
  resolveType: (value) => (value as unknown as { __typename: string }).__typename,
});

@InputType({ description: "A school, network or organization, by kind and id." })
export class AdvocateRefInput {
  @Field(() => AdvocateKind, { description: "Whether it is a school, a network or an organization." })
  @IsEnum(AdvocateKind)
  kind: AdvocateKind;

  @Field(() => ID, { description: "Its id in the networks subgraph." })
  @Length(1, 64)
  id: string;
}
