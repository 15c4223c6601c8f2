import { IsEnum, IsOptional, IsUrl, Length, ValidateNested } from "class-validator";
import { ArgsType, Field, InputType } from "type-graphql";
import { PageArgs } from "../../kit";
import { OrganizationKind } from "../enums";
import { LocationInput } from "../location";

@InputType()
export class CreateOrganizationInput {
  @Field()
  @Length(2, 200)
  name: string;

  @Field(() => OrganizationKind)
  @IsEnum(OrganizationKind)
  kind: OrganizationKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 4000)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl()
  website?: string | null;

  @Field(() => LocationInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  location?: LocationInput | null;
}

@InputType({ description: "Fields to change; omitted fields stay as they are." })
export class UpdateOrganizationInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(2, 200)
  name?: string;

  @Field(() => OrganizationKind, { nullable: true })
  @IsOptional()
  @IsEnum(OrganizationKind)
  kind?: OrganizationKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 4000)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl()
  website?: string | null;

  @Field(() => LocationInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  location?: LocationInput | null;
}

@ArgsType()
export class OrganizationsArgs extends PageArgs {
  @Field(() => OrganizationKind, { nullable: true })
  @IsOptional()
  kind?: OrganizationKind | null;

  @Field({ defaultValue: false })
  includeArchived: boolean;
}
