import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsOptional, Length, Max, Min, ValidateNested } from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { PageArgs, Visibility } from "../../kit";
import { PeerReviewFindingKind, PeerReviewFindingsAccess, PeerReviewRole, PeerReviewStatus } from "../enums";

@InputType()
export class PeerReviewTeamMemberInput {
  @Field(() => ID)
  @Length(1, 64)
  schoolId: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Length(1, 64)
  educatorId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  role?: string | null;
}

@InputType()
export class PlanPeerReviewInput {
  @Field(() => ID)
  @Length(1, 64)
  hostSchoolId: string;

  @Field(() => ID, { nullable: true, description: "The network the review is part of, if any." })
  @IsOptional()
  @Length(1, 64)
  networkId?: string | null;

  @Field()
  @Length(2, 200)
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 4000)
  description?: string | null;

  @Field(() => [String])
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @Length(3, 1000, { each: true })
  focusQuestions: string[];

  @Field(() => LocalDateResolver)
  startDate: string;

  @Field(() => LocalDateResolver)
  endDate: string;

  @Field(() => [PeerReviewTeamMemberInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  visitingTeam: PeerReviewTeamMemberInput[];

  @Field(() => PeerReviewFindingsAccess, { defaultValue: PeerReviewFindingsAccess.HOST_ONLY })
  @IsEnum(PeerReviewFindingsAccess)
  findingsAccess: PeerReviewFindingsAccess;

  @Field(() => Visibility, { defaultValue: Visibility.NETWORK })
  @IsEnum(Visibility)
  visibility: Visibility;
}

@InputType()
export class PeerReviewFindingInput {
  @Field(() => PeerReviewFindingKind)
  @IsEnum(PeerReviewFindingKind)
  kind: PeerReviewFindingKind;

  @Field(() => Int, { nullable: true, description: "Index of the focus question it answers." })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(11)
  focusQuestion?: number | null;

  @Field()
  @Length(2, 4000)
  text: string;
}

@ArgsType()
export class RecordPeerReviewFindingsArgs {
  @Field(() => ID)
  id: string;

  @Field(() => [PeerReviewFindingInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  findings: PeerReviewFindingInput[];
}

@ArgsType()
export class SetPeerReviewFindingsAccessArgs {
  @Field(() => ID)
  id: string;

  @Field(() => PeerReviewFindingsAccess)
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
