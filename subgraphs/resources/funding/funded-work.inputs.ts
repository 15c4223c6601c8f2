import { ArrayMaxSize, IsEnum, IsOptional, Length } from "class-validator";
import { ArgsType, Field, ID, InputType } from "type-graphql";
import { PageArgs } from "../../kit";
import { FundedWorkKind } from "./funded-work.enums";

@InputType({ description: "Work a funding award pays for." })
export class LinkFundedWorkInput {
  @Field(() => ID, { description: "The award: one whose network you coordinate." })
  @Length(1, 64)
  awardId: string;

  @Field(() => FundedWorkKind, { description: "What kind of work." })
  @IsEnum(FundedWorkKind)
  targetKind: FundedWorkKind;

  @Field(() => ID, { description: "The work's id: an event or mentorship of the development subgraph, or a resource or agreement you may see." })
  @Length(1, 64)
  targetId: string;

  @Field(() => String, { nullable: true, description: "What the award pays for in it, up to 500 characters." })
  @IsOptional()
  @Length(1, 500)
  note?: string | null;
}

@ArgsType()
export class FundedWorkArgs extends PageArgs {
  @Field(() => [FundedWorkKind], { nullable: true, description: "Work of these kinds only." })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsEnum(FundedWorkKind, { each: true })
  kinds?: FundedWorkKind[] | null;
}
