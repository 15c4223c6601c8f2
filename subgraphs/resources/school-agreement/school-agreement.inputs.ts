import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEnum, IsNumber, IsOptional, Length, Matches, Max, Min, ValidateNested } from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { ArgsType, Field, Float, ID, InputType } from "type-graphql";
import { PageArgs } from "../../kit";
import { SchoolAgreementKind } from "./school-agreement.enums";

/** The most schools one agreement names. */
export const MAX_PARTIES = 20;

@InputType({ description: "An amount in one currency." })
export class SchoolAgreementCostInput {
  @Field(() => Float, { description: "Positive, to the cent." })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(1e12)
  amount: number;

  @Field({ description: "ISO 4217 code, e.g. USD (the default); the same for every school of an agreement.", defaultValue: "USD" })
  @Matches(/^[A-Z]{3}$/, { message: "currency must be an ISO 4217 code such as USD" })
  currency: string;
}

@InputType({ description: "A school asked to take part, with its share." })
export class SchoolAgreementPartyInput {
  @Field(() => ID, { description: "The school (networks subgraph id)." })
  @Length(1, 64)
  schoolId: string;

  @Field(() => Float, {
    nullable: true,
    description: "Shared staff: the school's share of the position, a fraction of full time above 0 and at most 1, to the thousandth (0.4 = two days a week). Required for SHARED_STAFF, not allowed for JOINT_PURCHASING.",
  })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 3, allowNaN: false, allowInfinity: false })
  timeShare?: number | null;

  @Field(() => SchoolAgreementCostInput, { nullable: true, description: "The school's share of the cost. Required for JOINT_PURCHASING, optional for SHARED_STAFF." })
  @IsOptional()
  @ValidateNested()
  cost?: SchoolAgreementCostInput | null;
}

@InputType({ description: "An agreement a school proposes to other schools." })
export class ProposeSchoolAgreementInput {
  @Field(() => SchoolAgreementKind, { description: "Shared staff or joint purchasing." })
  @IsEnum(SchoolAgreementKind)
  kind: SchoolAgreementKind;

  @Field({ description: "What is shared, 2 to 200 characters, e.g. \"School counselor\"." })
  @Length(2, 200)
  title: string;

  @Field(() => String, { nullable: true, description: "How the sharing works, up to 4000 characters." })
  @IsOptional()
  @Length(1, 4000)
  description?: string | null;

  @Field(() => LocalDateResolver, { description: "When it starts." })
  startDate: string;

  @Field(() => LocalDateResolver, { nullable: true, description: "When it ends, not before it starts; omit when open-ended." })
  @IsOptional()
  endDate?: string | null;

  @Field(() => ID, { description: "The proposing school: one you are staff of, and one of the parties. It accepts by proposing." })
  @Length(1, 64)
  schoolId: string;

  @Field(() => [SchoolAgreementPartyInput], { description: `Every school asked, the proposing school included: 2 to ${MAX_PARTIES}, each once.` })
  @ArrayMinSize(2)
  @ArrayMaxSize(MAX_PARTIES)
  @ValidateNested({ each: true })
  parties: SchoolAgreementPartyInput[];
}

@ArgsType()
export class SchoolAgreementFilterArgs extends PageArgs {
  @Field(() => SchoolAgreementKind, { nullable: true, description: "Agreements of this kind." })
  @IsOptional()
  @IsEnum(SchoolAgreementKind)
  kind?: SchoolAgreementKind | null;

  @Field({ defaultValue: false, description: "Also the agreements the school is asked to join and has not answered (only its own staff see those)." })
  @IsBoolean()
  includeProposals: boolean;
}

@ArgsType()
export class SchoolAgreementsArgs extends SchoolAgreementFilterArgs {
  @Field(() => ID, { nullable: true, description: "Agreements this school is in (or, with includeProposals, asked to join)." })
  @IsOptional()
  @Length(1, 64)
  schoolId?: string | null;
}
