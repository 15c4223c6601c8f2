import { LocalDateResolver } from "graphql-scalars";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { ConnectionType, Visibility, Provenance } from "../../kit";
import { LearningCommunityRole } from "../enums";
import { DevelopmentOwner } from "../shared/owner";

@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A job-alike group across schools: educators in the same role (e.g. science teachers, principals) learning together." })
export class LearningCommunity {
  @Field(() => ID, { description: "The community's id." })
  id: string;

  @Field({ description: "The community's name, e.g. Rural science teachers." })
  name: string;

  @Field({ description: "The shared job, e.g. high school science teachers, principals, counselors." })
  jobAlike: string;

  @Field(() => String, { nullable: true, description: "What the community does, in its convenors' words; null when not given." })
  description?: string | null;

  @Field(() => DevelopmentOwner, { description: "Who convenes it." })
  owner: DevelopmentOwner;

  networkId?: string | null;

  @Field(() => [String], { description: "What the community works on, e.g. applied learning." })
  focusAreas: string[];

  focusAreaKeys: string[];

  @Field(() => String, { nullable: true, description: "e.g. monthly video calls and two convenings a year." })
  meetingCadence?: string | null;

  @Field(() => LocalDateResolver, { description: "The day it formed (YYYY-MM-DD)." })
  formedOn: string;

  @Field(() => Visibility, { description: "Who may see the record: PRIVATE (its owner's staff or managers), NETWORK (members of its network), ALLIANCE (also allied networks whose agreement shares this kind of data) or PUBLIC (everyone)." })
  visibility: Visibility;

  @Field({ description: "When the record was created (UTC)." })
  createdAt: Date;

  @Field({ description: "When the record last changed (UTC)." })
  updatedAt: Date;

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}

@ObjectType({ description: "A page of learning communities (Relay connection)." })
export class LearningCommunityConnection extends ConnectionType(LearningCommunity) {}

@ObjectType({ description: "A school (and, usually, one of its educators) taking part in a learning community." })
export class LearningCommunityMember {
  @Field(() => ID, { description: "The membership's id (for `leaveLearningCommunity`)." })
  id: string;

  communityId: string;

  schoolId: string;

  educatorId?: string | null;

  @Field(() => String, { nullable: true, description: "The member's name, when not an educator record of the hub." })
  name?: string | null;

  @Field(() => LearningCommunityRole, { description: "FACILITATOR or MEMBER." })
  role: LearningCommunityRole;

  @Field(() => LocalDateResolver, { description: "The day the member joined (YYYY-MM-DD)." })
  joinedOn: string;

  @Field(() => LocalDateResolver, { nullable: true, description: "The day the member left (YYYY-MM-DD); null while a member." })
  leftOn?: string | null;
}

@ObjectType({ description: "A page of a learning community's members (Relay connection)." })
export class LearningCommunityMemberConnection extends ConnectionType(LearningCommunityMember) {}
