import { createUnionType, Directive, Field, ID, ObjectType } from "type-graphql";
import { ConnectionType, Provenance, type RecordOwner, type Visibility } from "../../kit";
import { SchoolAgreement } from "../school-agreement/school-agreement";
import { Event, Mentorship } from "../federation/development-entities";
import { Resource } from "../resource/resource";
import { FundedWorkKind } from "./funded-work.enums";

/** A target with the type name the union resolves it to. */
export type TypedTarget = { __typename: "Event" | "Mentorship" | "Resource" | "SchoolAgreement"; id: string };

export const FundedTarget = createUnionType({
  name: "FundedTarget",
  description: "What a funding award pays for: an event, a mentorship, a resource or an agreement.",
  types: () => [Event, Mentorship, Resource, SchoolAgreement] as const,
  resolveType: (value) => (value as TypedTarget).__typename,
});

@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A funding award paying for a piece of work; seen by whoever sees the award, the work itself only by whoever may see it." })
export class FundedWork {
  @Field(() => ID, { description: "The link's id." })
  id: string;

  awardId: string;

  /** A copy of the award's owner and visibility: the link is read exactly as the award. */
  owner: RecordOwner;
  visibility: Visibility;

  @Field(() => FundedWorkKind, { description: "What kind of work it is." })
  targetKind: FundedWorkKind;

  targetId: string;

  @Field(() => String, { nullable: true, description: "What the award pays for in it, e.g. \"substitute cover for visits\"." })
  note?: string | null;

  @Field({ description: "When it was linked." })
  createdAt: Date;

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}

@ObjectType({ description: "A page of funded work." })
export class FundedWorkConnection extends ConnectionType(FundedWork) {}
