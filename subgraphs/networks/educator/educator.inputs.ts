import { IsEmail, IsEnum, IsOptional, Length, ValidateNested } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { EducatorRole } from "../enums";

@InputType()
export class EducatorContactInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(3, 40)
  phone?: string | null;
}

@InputType()
export class CreateEducatorInput {
  @Field()
  @Length(2, 200)
  name: string;

  @Field(() => EducatorRole)
  @IsEnum(EducatorRole)
  role: EducatorRole;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  title?: string | null;

  @Field(() => ID, { nullable: true, description: "The educator's school; coordinators may have none." })
  @IsOptional()
  schoolId?: string | null;

  @Field(() => ID, { nullable: true, description: "For network coordinators: the network they coordinate." })
  @IsOptional()
  networkId?: string | null;

  @Field(() => EducatorContactInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  contact?: EducatorContactInput | null;
}

@InputType({ description: "Fields to change; omitted fields stay as they are." })
export class UpdateEducatorInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(2, 200)
  name?: string;

  @Field(() => EducatorRole, { nullable: true })
  @IsOptional()
  @IsEnum(EducatorRole)
  role?: EducatorRole;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  title?: string | null;

  @Field(() => EducatorContactInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  contact?: EducatorContactInput | null;
}
