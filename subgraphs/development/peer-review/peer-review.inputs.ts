import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsOptional, Length, Max, Min, ValidateNested } from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { PageArgs, Visibility } from "../../kit";
import { PeerReviewFindingKind, PeerReviewFindingsAccess, PeerReviewRole, PeerReviewStatus } from "../enums";

@InputType({ description: "A member of a visiting team." })
export class PeerReviewTeamMemberInput {
  @Field(() => ID, { description: "The member's school (not the host)." })
  @Length(1, 64)
  schoolId: string;

  @Field(() => ID, { nullable: true, description: "The educator, when the hub knows them." })
  @IsOptional()
  @Length(1, 64)
  educatorId?: string | null;

  @Field(() => String, { nullable: true, description: "The member's name, when not an educator record of the hub." })
  @IsOptional()
  @Length(1, 200)
  name?: string | null;

  @Field(() => String, { nullable: true, description: "Their role on the team, e.g. principal, literacy coach." })
  @IsOptional()
  @Length(1, 200)
  role?: string | null;
}

@InputType({ description: "A new critical friends review." })
export class PlanPeerReviewInput {
  @Field(() => ID, { description: "The school reviewed; its staff plan the review." })
  @Length(1, 64)
  hostSchoolId: string;

  @Field(() => ID, { nullable: true, description: "The network the review is part of, if any." })
  @IsOptional()
  @Length(1, 64)
  networkId?: string | null;

  @Field({ description: "The review's title (2 to 200 characters)." })
  @Length(2, 200)
  title: string;

  @Field(() => String, { nullable: true, description: "What the review is about (up to 4000 characters)." })
  @IsOptional()
  @Length(1, 4000)
  description?: string | null;

  @Field(() => [String], { description: "The questions the host asks the team to look into (1 to 12)." })
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @Length(3, 1000, { each: true })
  focusQuestions: string[];

  @Field(() => LocalDateResolver, { description: "The visit's first day (YYYY-MM-DD)." })
  startDate: string;

  @Field(() => LocalDateResolver, { description: "The visit's last day (YYYY-MM-DD), not before the first." })
  endDate: string;

  @Field(() => [PeerReviewTeamMemberInput], { description: "The visiting team (1 to 60), from other schools than the host." })
  @ArrayMinSize(1)
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  visitingTeam: PeerReviewTeamMemberInput[];

  @Field(() => PeerReviewFindingsAccess, { defaultValue: PeerReviewFindingsAccess.HOST_ONLY, description: "Who reads the findings besides the host; defaults to HOST_ONLY." })
  @IsEnum(PeerReviewFindingsAccess)
  findingsAccess: PeerReviewFindingsAccess;

  @Field(() => Visibility, { defaultValue: Visibility.NETWORK, description: "Who may see the record: PRIVATE (its owner's staff or managers), NETWORK (members of its network), ALLIANCE (also allied networks whose agreement shares this kind of data) or PUBLIC (everyone). Defaults to NETWORK; findings follow `findingsAccess`." })
  @IsEnum(Visibility)
  visibility: Visibility;
}

@InputType({ description: "A finding of a peer review." })
export class PeerReviewFindingInput {
  @Field(() => PeerReviewFindingKind, { description: "What sort of finding it is." })
  @IsEnum(PeerReviewFindingKind)
  kind: PeerReviewFindingKind;

  @Field(() => Int, { nullable: true, description: "Index of the focus question it answers." })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(11)
  focusQuestion?: number | null;

  @Field({ description: "The finding (2 to 4000 characters)." })
  @Length(2, 4000)
  text: string;
}

@ArgsType()
export class RecordPeerReviewFindingsArgs {
  @Field(() => ID, { description: "The review's id." })
  id: string;

  @Field(() => [PeerReviewFindingInput], { description: "The findings to add (1 to 100)." })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  findings: PeerReviewFindingInput[];
}

@ArgsType()
export class SetPeerReviewFindingsAccessArgs {
  @Field(() => ID, { description: "The review's id." })
  id: string;

  @Field(() => PeerReviewFindingsAccess, { description: "Who reads the findings besides the host: HOST_ONLY, REVIEW_TEAM (the visiting team's schools) or PUBLIC (everyone who may see the review)." })
  @IsEnum(PeerReviewFindingsAccess)
  access: PeerReviewFindingsAccess;

  @Field(() => [ID], { defaultValue: [], description: "Other schools the host lets read the findings." })
  @ArrayMaxSize(200)
  readerSchoolIds: string[];
}

/*
 * Every list of peer reviews takes the same filters: the root list (and `Educator.peerReviews`) all of
 * them, `Network.peerReviews` all but the network, `School.peerReviews` the school's `role` in place of
 * the host and visiting school.
 */

@ArgsType()
export class PeerReviewStatusArgs extends PageArgs {
  @Field(() => PeerReviewStatus, { nullable: true, description: "Only reviews in this status; all statuses when null." })
  @IsOptional()
  status?: PeerReviewStatus | null;
}

const NETWORK_ID = "Only reviews held as part of this network.";

@ArgsType()
export class NetworkPeerReviewsArgs extends PeerReviewStatusArgs {
  @Field(() => ID, { nullable: true, description: "Only reviews this school hosts." })
  @IsOptional()
  hostSchoolId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only reviews whose visiting team includes this school." })
  @IsOptional()
  visitingSchoolId?: string | null;
}

@ArgsType()
export class PeerReviewsArgs extends NetworkPeerReviewsArgs {
  @Field(() => ID, { nullable: true, description: NETWORK_ID })
  @IsOptional()
  networkId?: string | null;
}

@ArgsType()
export class SchoolPeerReviewsArgs extends PeerReviewStatusArgs {
  @Field(() => ID, { nullable: true, description: NETWORK_ID })
  @IsOptional()
  networkId?: string | null;

  @Field(() => PeerReviewRole, { nullable: true, description: "Only reviews in which the school has this role; every role when null." })
  @IsOptional()
  role?: PeerReviewRole | null;

  @Field({ defaultValue: false, description: "Only reviews whose findings the school may read." })
  readableOnly: boolean;
}
