import { IsEnum, IsInt, IsOptional, IsUrl, Length, Matches, Max, Min, ValidateNested } from "class-validator";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { PageArgs } from "../../kit";
import { Governance, Locale, SchoolLevel } from "../enums";
import { LocationInput } from "../location";

const NCES_ID = /^\d{12}$/;

@InputType({ description: "A school to register." })
export class CreateSchoolInput {
  @Field({ description: "The school's name." })
  @Length(2, 200)
  name: string;

  @Field(() => String, { nullable: true, description: "The 12-digit NCES school id (US schools); unique." })
  @IsOptional()
  @Matches(NCES_ID, { message: "ncesId must be the 12-digit NCES school id" })
  ncesId?: string | null;

  @Field(() => SchoolLevel, { description: "The grade band the school serves." })
  @IsEnum(SchoolLevel)
  level: SchoolLevel;

  @Field(() => Int, { description: "Lowest grade served: -1 pre-kindergarten, 0 kindergarten, 1 to 12." })
  @IsInt()
  @Min(-1)
  @Max(12)
  lowestGrade: number;

  @Field(() => Int, { description: "Highest grade served, on the same scale." })
  @IsInt()
  @Min(-1)
  @Max(12)
  highestGrade: number;

  @Field(() => Locale, { nullable: true, description: "The school's NCES locale." })
  @IsOptional()
  @IsEnum(Locale)
  locale?: Locale | null;

  @Field(() => LocationInput, { description: "Where the school is." })
  @ValidateNested()
  location: LocationInput;

  @Field(() => Int, { nullable: true, description: "Number of students enrolled." })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  enrollment?: number | null;

  @Field(() => Governance, { defaultValue: Governance.DISTRICT, description: "Who governs the school." })
  @IsEnum(Governance)
  governance: Governance;

  @Field(() => String, { nullable: true, description: "The public school district, where there is one." })
  @IsOptional()
  @Length(1, 200)
  district?: string | null;

  @Field(() => String, { nullable: true, description: "The school's website." })
  @IsOptional()
  @IsUrl()
  website?: string | null;
}

@InputType({ description: "Fields to change; omitted fields stay as they are." })
export class UpdateSchoolInput {
  @Field({ nullable: true, description: "The school's name." })
  @IsOptional()
  @Length(2, 200)
  name?: string;

  @Field(() => String, { nullable: true, description: "The 12-digit NCES school id; unique." })
  @IsOptional()
  @Matches(NCES_ID, { message: "ncesId must be the 12-digit NCES school id" })
  ncesId?: string | null;

  @Field(() => SchoolLevel, { nullable: true, description: "The grade band the school serves." })
  @IsOptional()
  @IsEnum(SchoolLevel)
  level?: SchoolLevel;

  @Field(() => Int, { nullable: true, description: "Lowest grade served: -1 pre-kindergarten, 0 kindergarten, 1 to 12." })
  @IsOptional()
  @IsInt()
  @Min(-1)
  @Max(12)
  lowestGrade?: number;

  @Field(() => Int, { nullable: true, description: "Highest grade served, on the same scale." })
  @IsOptional()
  @IsInt()
  @Min(-1)
  @Max(12)
  highestGrade?: number;

  @Field(() => Locale, { nullable: true, description: "The school's NCES locale." })
  @IsOptional()
  @IsEnum(Locale)
  locale?: Locale | null;

  @Field(() => LocationInput, { nullable: true, description: "Where the school is." })
  @IsOptional()
  @ValidateNested()
  location?: LocationInput;

  @Field(() => Int, { nullable: true, description: "Number of students enrolled." })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  enrollment?: number | null;

  @Field(() => Governance, { nullable: true, description: "Who governs the school." })
  @IsOptional()
  @IsEnum(Governance)
  governance?: Governance;

  @Field(() => String, { nullable: true, description: "The public school district." })
  @IsOptional()
  @Length(1, 200)
  district?: string | null;

  @Field(() => String, { nullable: true, description: "The school's website." })
  @IsOptional()
  @IsUrl()
  website?: string | null;
}

@ArgsType()
export class SchoolsArgs extends PageArgs {
  @Field(() => Locale, { nullable: true, description: "Only schools in this NCES locale." })
  @IsOptional()
  locale?: Locale | null;

  @Field(() => SchoolLevel, { nullable: true, description: "Only schools of this level." })
  @IsOptional()
  level?: SchoolLevel | null;

  @Field(() => String, { nullable: true, description: "State or province code, e.g. NY." })
  @IsOptional()
  region?: string | null;

  @Field(() => String, { nullable: true, description: "ISO country code, e.g. US." })
  @IsOptional()
  country?: string | null;

  @Field(() => Governance, { nullable: true, description: "Only schools of this governance." })
  @IsOptional()
  governance?: Governance | null;

  @Field({ defaultValue: false, description: "Also list archived schools." })
  includeArchived: boolean;
}

@ArgsType()
export class SchoolByNcesIdArgs {
  @Field(() => ID, { description: "The 12-digit NCES school id." })
  @Matches(NCES_ID, { message: "ncesId must be the 12-digit NCES school id" })
  ncesId: string;
}
