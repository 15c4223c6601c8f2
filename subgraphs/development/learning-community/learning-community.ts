import { LocalDateResolver } from "graphql-scalars";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { ConnectionType, Visibility, Provenance } from "../../kit";
import { LearningCommunityRole } from "../enums";
import { DevelopmentOwner } from "../shared/owner";

@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A job-alike group across schools: educators in the same role (e.g. science teachers, principals) learning together." })
export class LearningCommunity {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: "The shared job, e.g. high school science teachers, principals, counselors." })
  jobAlike: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => DevelopmentOwner, { description: "Who convenes it." })
  owner: DevelopmentOwner;

  networkId?: string | null;

  @Field(() => [String])
  focusAreas: string[];

  focusAreaKeys: string[];

  @Field(() => String, { nullable: true, description: "e.g. monthly video calls and two convenings a year." })
  meetingCadence?: string | null;

  @Field(() => LocalDateResolver)
  formedOn: string;

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
export class LearningCommunityConnection extends ConnectionType(LearningCommunity) {}

@ObjectType({ description: "A school (and, usually, one of its educators) taking part in a learning community." })
export class LearningCommunityMember {
  @Field(() => ID)
  id: string;

  communityId: string;

  schoolId: string;

  educatorId?: string | null;

  @Field(() => String, { nullable: true, description: "The member's name, when not an educator record of the hub." })
  name?: string | null;

  @Field(() => LearningCommunityRole)
  role: LearningCommunityRole;

  @Field(() => LocalDateResolver)
  joinedOn: string;

  @Field(() => LocalDateResolver, { nullable: true })
  leftOn?: string | null;
}
