import { IsEnum, IsOptional, Length, ValidateNested } from "class-validator";
import { ArgsType, Field, ID, InputType } from "type-graphql";
import { PageArgs } from "../../kit";
import { ShareRequestStatus } from "../enums";
import { ResourceOwnerInput } from "../resource/resource.inputs";

@InputType()
export class RequestResourceInput {
  @Field(() => ID)
  @Length(1, 64)
  resourceId: string;

  @Field(() => ID, { description: "The school asking (networks subgraph id)." })
  @Length(1, 64)
  schoolId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 4000)
  message?: string | null;
}

@ArgsType()
export class ShareRequestsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  resourceId?: string | null;

  @Field(() => ID, { nullable: true, description: "Requests made by this school." })
  @IsOptional()
  requesterSchoolId?: string | null;

  @Field(() => ResourceOwnerInput, { nullable: true, description: "Requests for the resources of this owner." })
  @IsOptional()
  @ValidateNested()
  owner?: ResourceOwnerInput | null;

  @Field(() => ShareRequestStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ShareRequestStatus)
  status?: ShareRequestStatus | null;
}
