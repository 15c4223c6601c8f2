import { IsEmail, IsEnum, IsOptional, Length, ValidateNested } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { EducatorRole } from "../enums";

@InputType({ description: "An educator's contact details." })
export class EducatorContactInput {
  @Field(() => String, { nullable: true, description: "Email address." })
  @IsOptional()
  @IsEmail()
  email?: string | null;

  @Field(() => String, { nullable: true, description: "Phone number." })
  @IsOptional()
  @Length(3, 40)
  phone?: string | null;
}

@InputType({ description: "An educator to record: of a school, or a network's coordinator." })
export class CreateEducatorInput {
  @Field({ description: "The educator's name." })
  @Length(2, 200)
  name: string;

  @Field(() => EducatorRole, { description: "The educator's role." })
  @IsEnum(EducatorRole)
  role: EducatorRole;

  @Field(() => String, { nullable: true, description: "The educator's job title, e.g. Grade 9 English teacher." })
  @IsOptional()
  @Length(1, 200)
  title?: string | null;

  @Field(() => ID, { nullable: true, description: "The educator's school; coordinators may have none." })
  @IsOptional()
  schoolId?: string | null;

  @Field(() => ID, { nullable: true, description: "For network coordinators: the network they coordinate." })
  @IsOptional()
  networkId?: string | null;

  @Field(() => EducatorContactInput, { nullable: true, description: "Contact details, visible to the educator's school and its networks' coordinators only." })
  @IsOptional()
  @ValidateNested()
  contact?: EducatorContactInput | null;
}

@InputType({ description: "Fields to change; omitted fields stay as they are." })
export class UpdateEducatorInput {
  @Field({ nullable: true, description: "The educator's name." })
  @IsOptional()
  @Length(2, 200)
  name?: string;

  @Field(() => EducatorRole, { nullable: true, description: "The educator's role." })
  @IsOptional()
  @IsEnum(EducatorRole)
  role?: EducatorRole;

  @Field(() => String, { nullable: true, description: "The educator's job title." })
  @IsOptional()
  @Length(1, 200)
  title?: string | null;

  @Field(() => EducatorContactInput, { nullable: true, description: "Contact details (replaces the current ones)." })
  @IsOptional()
  @ValidateNested()
  contact?: EducatorContactInput | null;
}
