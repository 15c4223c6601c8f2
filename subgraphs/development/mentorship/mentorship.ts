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
  @Field(() => ID, { description: "The mentorship's id." })
  id: string;

  mentorSchoolId: string;

  partnerSchoolId: string;

  networkId?: string | null;

  @Field(() => [String], { description: "What the partners work on, e.g. advisories, senior exhibitions." })
  focusAreas: string[];

  focusAreaKeys: string[];

  @Field(() => String, { nullable: true, description: "What the partners set out to do, e.g. the partner school's goals." })
  goals?: string | null;

  @Field(() => LocalDateResolver, { description: "The day it started (YYYY-MM-DD)." })
  startDate: string;

  @Field(() => LocalDateResolver, { nullable: true, description: "The day it ended (YYYY-MM-DD); null while active." })
  endDate?: string | null;

  @Field(() => MentorshipStatus, { description: "ACTIVE, or ENDED (with `endReason`)." })
  status: MentorshipStatus;

  @Field(() => MentorshipEndReason, { nullable: true, description: "Why it ended; null while active." })
  endReason?: MentorshipEndReason | null;

  @Field(() => String, { nullable: true, description: "How it ended, in the partners' words." })
  endNote?: string | null;

  @Field(() => Visibility, { description: "Who may see the record: PRIVATE (its owner's staff or managers), NETWORK (members of its network), ALLIANCE (also allied networks whose agreement shares this kind of data) or PUBLIC (everyone)." })
  visibility: Visibility;

  @Field({ description: "When the record was created (UTC)." })
  createdAt: Date;

  @Field({ description: "When the record last changed (UTC)." })
  updatedAt: Date;

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}

@ObjectType({ description: "A page of mentorships (Relay connection)." })
export class MentorshipConnection extends ConnectionType(Mentorship) {}

@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A visit, exchange or meeting logged on a mentorship." })
export class MentorshipActivity {
  @Field(() => ID, { description: "The activity's id." })
  id: string;

  mentorshipId: string;

  @Field(() => MentorshipActivityKind, { description: "What took place: a visit, an exchange, a workshop, a meeting, a call." })
  kind: MentorshipActivityKind;

  @Field(() => MentorshipActivityDirection, { description: "Who travelled or gave: mentor to partner, partner to mentor, or both." })
  direction: MentorshipActivityDirection;

  @Field(() => LocalDateResolver, { description: "The day it took place (YYYY-MM-DD), within the mentorship and not in the future." })
  date: string;

  @Field({ description: "What happened, in the partners' words." })
  summary: string;

  @Field(() => Int, { nullable: true, description: "How many people took part." })
  participantCount?: number | null;

  @Field({ description: "When it was logged (UTC)." })
  createdAt: Date;

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}

@ObjectType({ description: "A page of a mentorship's logged activities (Relay connection)." })
export class MentorshipActivityConnection extends ConnectionType(MentorshipActivity) {}

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

  @Field({ description: "When the capacity or its counts last changed (UTC)." })
  updatedAt: Date;
}
