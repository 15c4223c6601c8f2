import { IsEnum, IsOptional, Length } from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { ArgsType, Field, ID, InputType } from "type-graphql";
import { PageArgs } from "../../kit";
import { ConsentStatus } from "../consent/consent";
import { MembershipRole } from "../enums";

@InputType({ description: "A membership to propose (by the network) or to request (by the school)." })
export class MembershipInput {
  @Field(() => ID)
  @Length(1, 64)
  schoolId: string;

  @Field(() => ID)
  @Length(1, 64)
  networkId: string;

  @Field(() => MembershipRole, { defaultValue: MembershipRole.MEMBER })
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

@ArgsType()
export class MembershipListArgs extends PageArgs {
  @Field(() => MembershipRole, { nullable: true })
  @IsOptional()
  role?: MembershipRole | null;

  @Field({ defaultValue: false, description: "Also list memberships that have ended." })
  includeEnded: boolean;
}

@ArgsType()
export class MembershipsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Length(1, 64)
  schoolId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Length(1, 64)
  networkId?: string | null;

  @Field(() => ConsentStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ConsentStatus)
  status?: ConsentStatus | null;
}
