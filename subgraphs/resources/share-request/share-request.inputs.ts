import { IsEnum, IsOptional, Length, ValidateNested } from "class-validator";
import { ArgsType, Field, ID, InputType } from "type-graphql";
import { PageArgs } from "../../kit";
import { ShareRequestStatus } from "../enums";
import { ResourceOwnerInput } from "../resource/resource.inputs";

@InputType({ description: "A school asking to use or borrow a resource." })
export class RequestResourceInput {
  @Field(() => ID, { description: "The resource asked for: an active resource you may see, that the school did not develop." })
  @Length(1, 64)
  resourceId: string;

  @Field(() => ID, { description: "The school asking (networks subgraph id)." })
  @Length(1, 64)
  schoolId: string;

  @Field(() => String, { description: "What the school asks for and why, up to 4000 characters.", nullable: true })
  @IsOptional()
  @Length(1, 4000)
  message?: string | null;
}

@ArgsType()
export class ShareRequestsArgs extends PageArgs {
  @Field(() => ID, { description: "Requests for this resource.", nullable: true })
  @IsOptional()
  resourceId?: string | null;

  @Field(() => ID, { nullable: true, description: "Requests made by this school." })
  @IsOptional()
  requesterSchoolId?: string | null;

  @Field(() => ResourceOwnerInput, { nullable: true, description: "Requests for the resources of this owner." })
  @IsOptional()
  @ValidateNested()
  owner?: ResourceOwnerInput | null;

  @Field(() => ShareRequestStatus, { description: "Requests in this status.", nullable: true })
  @IsOptional()
  @IsEnum(ShareRequestStatus)
  status?: ShareRequestStatus | null;
}
