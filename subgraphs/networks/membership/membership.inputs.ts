import { IsEnum, IsOptional } from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { ArgsType, Field, ID, InputType } from "type-graphql";
import { PageArgs } from "../../kit";
import { MembershipRole } from "../enums";

@InputType()
export class AddMembershipInput {
  @Field(() => ID)
  schoolId: string;

  @Field(() => ID)
  networkId: string;

  @Field(() => MembershipRole, { defaultValue: MembershipRole.MEMBER })
  @IsEnum(MembershipRole)
  role: MembershipRole;

  @Field(() => LocalDateResolver, { nullable: true, description: "Defaults to today." })
  @IsOptional()
  startDate?: string | null;
}

@ArgsType()
export class MembershipListArgs extends PageArgs {
  @Field(() => MembershipRole, { nullable: true })
  @IsOptional()
  role?: MembershipRole | null;

  @Field({ defaultValue: false, description: "Also list memberships that have ended." })
  includeEnded: boolean;
}
