import { LocalDateResolver } from "graphql-scalars";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { ConnectionType, Visibility, Provenance } from "../../kit";
import { MentorshipActivityDirection, MentorshipActivityKind, MentorshipEndReason, MentorshipStatus } from "../enums";

@Directive(`@key(fields: "id")`)
@ObjectType({
  description:
    "A mentor school working with a partner school over years on named focus areas (advisories, senior exhibitions, " +
    "interdisciplinary curriculum), with visits and exchanges logged. It can end, with a reason.",
})
export class Mentorship {
  @Field(() => ID)
  id: string;

  mentorSchoolId: string;

  partnerSchoolId: string;

  networkId?: string | null;

  @Field(() => [String])
  focusAreas: string[];

  focusAreaKeys: string[];

  @Field(() => String, { nullable: true, description: "What the partners set out to do, e.g. the partner school's goals." })
  goals?: string | null;

  @Field(() => LocalDateResolver)
  startDate: string;

  @Field(() => LocalDateResolver, { nullable: true })
  endDate?: string | null;

  @Field(() => MentorshipStatus)
  status: MentorshipStatus;

  @Field(() => MentorshipEndReason, { nullable: true })
  endReason?: MentorshipEndReason | null;

  @Field(() => String, { nullable: true, description: "How it ended, in the partners' words." })
  endNote?: string | null;

  @Field(() => Visibility)
  visibility: Visibility;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}

@ObjectType()
export class MentorshipConnection extends ConnectionType(Mentorship) {}

@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A visit, exchange or meeting logged on a mentorship." })
export class MentorshipActivity {
  @Field(() => ID)
  id: string;

  mentorshipId: string;

  @Field(() => MentorshipActivityKind)
  kind: MentorshipActivityKind;

  @Field(() => MentorshipActivityDirection, { description: "Who travelled or gave: mentor to partner, partner to mentor, or both." })
  direction: MentorshipActivityDirection;

  @Field(() => LocalDateResolver)
  date: string;

  @Field()
  summary: string;

  @Field(() => Int, { nullable: true, description: "How many people took part." })
  participantCount?: number | null;

  @Field()
  createdAt: Date;

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}

@ObjectType({ description: "How many partner schools a mentor school takes on at once, and how many places are left." })
export class MentorCapacity {
  schoolId: string;

  @Field(() => Int, { description: "Most active partners at once, as the mentor school states it." })
  capacity: number;

  @Field(() => Int, { description: "Active partners now, among the mentorships you may see." })
  activePartners: number;

  @Field(() => Int, {
    nullable: true,
    description: "Partners it can still take on; null unless you act for the school or see all its active mentorships (it would reveal private ones).",
  })
  remaining: number | null;

  @Field({ description: "Whether it takes on new partners now." })
  acceptingPartners: boolean;

  @Field()
  updatedAt: Date;
}
