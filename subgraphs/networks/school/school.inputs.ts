import { IsEnum, IsInt, IsOptional, IsUrl, Length, Matches, Max, Min, ValidateNested } from "class-validator";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { PageArgs } from "../../kit";
import { Governance, Locale, SchoolLevel } from "../enums";
import { LocationInput } from "../location";

const NCES_ID = /^\d{12}$/;

@InputType()
export class CreateSchoolInput {
  @Field()
  @Length(2, 200)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(NCES_ID, { message: "ncesId must be the 12-digit NCES school id" })
  ncesId?: string | null;

  @Field(() => SchoolLevel)
  @IsEnum(SchoolLevel)
  level: SchoolLevel;

  @Field(() => Int)
  @IsInt()
  @Min(-1)
  @Max(12)
  lowestGrade: number;

  @Field(() => Int)
  @IsInt()
  @Min(-1)
  @Max(12)
  highestGrade: number;

  @Field(() => Locale, { nullable: true })
  @IsOptional()
  @IsEnum(Locale)
  locale?: Locale | null;

  @Field(() => LocationInput)
  @ValidateNested()
  location: LocationInput;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  enrollment?: number | null;

  @Field(() => Governance, { defaultValue: Governance.DISTRICT })
  @IsEnum(Governance)
  governance: Governance;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  district?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl()
  website?: string | null;
}

@InputType({ description: "Fields to change; omitted fields stay as they are." })
export class UpdateSchoolInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(2, 200)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(NCES_ID, { message: "ncesId must be the 12-digit NCES school id" })
  ncesId?: string | null;

  @Field(() => SchoolLevel, { nullable: true })
  @IsOptional()
  @IsEnum(SchoolLevel)
  level?: SchoolLevel;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(-1)
  @Max(12)
  lowestGrade?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(-1)
  @Max(12)
  highestGrade?: number;

  @Field(() => Locale, { nullable: true })
  @IsOptional()
  @IsEnum(Locale)
  locale?: Locale | null;

  @Field(() => LocationInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  location?: LocationInput;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  enrollment?: number | null;

  @Field(() => Governance, { nullable: true })
  @IsOptional()
  @IsEnum(Governance)
  governance?: Governance;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  district?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl()
  website?: string | null;
}

@ArgsType()
export class SchoolsArgs extends PageArgs {
  @Field(() => Locale, { nullable: true })
  @IsOptional()
  locale?: Locale | null;

  @Field(() => SchoolLevel, { nullable: true })
  @IsOptional()
  level?: SchoolLevel | null;

  @Field(() => String, { nullable: true, description: "State or province code, e.g. NY." })
  @IsOptional()
  region?: string | null;

  @Field(() => String, { nullable: true, description: "ISO country code, e.g. US." })
  @IsOptional()
  country?: string | null;

  @Field(() => Governance, { nullable: true })
  @IsOptional()
  governance?: Governance | null;

  @Field({ defaultValue: false })
  includeArchived: boolean;
}

@ArgsType()
export class SchoolByNcesIdArgs {
  @Field(() => ID)
  @Matches(NCES_ID, { message: "ncesId must be the 12-digit NCES school id" })
  ncesId: string;
}
