import { IsEnum, IsOptional, Length } from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { ArgsType, Field, ID, InputType } from "type-graphql";
import { PageArgs } from "../../kit";
import { ConsentStatus } from "../consent/consent";
import { MembershipRole } from "../enums";

@InputType({ description: "A membership to propose (by the network) or to request (by the school)." })
export class MembershipInput {
  @Field(() => ID, { description: "The school." })
  @Length(1, 64)
  schoolId: string;

  @Field(() => ID, { description: "The network." })
  @Length(1, 64)
  networkId: string;

  @Field(() => MembershipRole, { defaultValue: MembershipRole.MEMBER, description: "The school's role in the network." })
  @IsEnum(MembershipRole)
  role: MembershipRole;

  @Field(() => LocalDateResolver, { nullable: true, description: "Defaults to today." })
  @IsOptional()
  startDate?: string | null;

  @Field(() => String, { nullable: true, description: "A word to the other side, kept in the history." })
  @IsOptional()
  @Length(1, 4000)
  note?: string | null;
}

/** The filters every list of memberships takes (`Query.memberships`, `School.memberships`, `Network.memberships`). */
@ArgsType()
export class MembershipFilterArgs extends PageArgs {
  @Field(() => ConsentStatus, {
    nullable: true,
    description: "Only memberships in this state; omitted: every state the caller may read (ACCEPTED and ENDED ones for everyone, the others for their parties).",
  })
  @IsOptional()
  @IsEnum(ConsentStatus)
  status?: ConsentStatus | null;

  @Field(() => MembershipRole, { nullable: true, description: "Only memberships with this role." })
  @IsOptional()
  @IsEnum(MembershipRole)
  role?: MembershipRole | null;
}

@ArgsType()
export class SchoolMembershipsArgs extends MembershipFilterArgs {
  @Field(() => ID, { nullable: true, description: "Only the school's memberships in this network." })
  @IsOptional()
  @Length(1, 64)
  networkId?: string | null;
}

@ArgsType()
export class NetworkMembershipsArgs extends MembershipFilterArgs {
  @Field(() => ID, { nullable: true, description: "Only the network's memberships of this school." })
  @IsOptional()
  @Length(1, 64)
  schoolId?: string | null;
}

@ArgsType()
export class MembershipsArgs extends MembershipFilterArgs {
  @Field(() => ID, { nullable: true, description: "Only this school's memberships." })
  @IsOptional()
  @Length(1, 64)
  schoolId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only this network's memberships." })
  @IsOptional()
  @Length(1, 64)
  networkId?: string | null;
}
