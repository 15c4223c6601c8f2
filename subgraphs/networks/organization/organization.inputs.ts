import { IsEnum, IsOptional, IsUrl, Length, ValidateNested } from "class-validator";
import { ArgsType, Field, InputType } from "type-graphql";
import { PageArgs } from "../../kit";
import { OrganizationKind } from "../enums";
import { LocationInput } from "../location";

@InputType({ description: "An organization to register." })
export class CreateOrganizationInput {
  @Field({ description: "The organization's name." })
  @Length(2, 200)
  name: string;

  @Field(() => OrganizationKind, { description: "What kind of organization it is." })
  @IsEnum(OrganizationKind)
  kind: OrganizationKind;

  @Field(() => String, { nullable: true, description: "What the organization does." })
  @IsOptional()
  @Length(1, 4000)
  description?: string | null;

  @Field(() => String, { nullable: true, description: "The organization's website." })
  @IsOptional()
  @IsUrl()
  website?: string | null;

  @Field(() => LocationInput, { nullable: true, description: "Where the organization is based." })
  @IsOptional()
  @ValidateNested()
  location?: LocationInput | null;
}

@InputType({ description: "Fields to change; omitted fields stay as they are." })
export class UpdateOrganizationInput {
  @Field({ nullable: true, description: "The organization's name." })
  @IsOptional()
  @Length(2, 200)
  name?: string;

  @Field(() => OrganizationKind, { nullable: true, description: "What kind of organization it is." })
  @IsOptional()
  @IsEnum(OrganizationKind)
  kind?: OrganizationKind;

  @Field(() => String, { nullable: true, description: "What the organization does." })
  @IsOptional()
  @Length(1, 4000)
  description?: string | null;

  @Field(() => String, { nullable: true, description: "The organization's website." })
  @IsOptional()
  @IsUrl()
  website?: string | null;

  @Field(() => LocationInput, { nullable: true, description: "Where the organization is based." })
  @IsOptional()
  @ValidateNested()
  location?: LocationInput | null;
}

@ArgsType()
export class OrganizationsArgs extends PageArgs {
  @Field(() => OrganizationKind, { nullable: true, description: "Only organizations of this kind." })
  @IsOptional()
  kind?: OrganizationKind | null;

  @Field({ defaultValue: false, description: "Also list archived organizations." })
  includeArchived: boolean;
}
