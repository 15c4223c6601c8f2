import { ArrayMaxSize, IsEnum, IsOptional, IsUrl, Length } from "class-validator";
import { ArgsType, Field, ID, InputType } from "type-graphql";
import { PageArgs } from "../../kit";
import { NetworkingStrategy, NetworkScope } from "../enums";

@InputType()
export class CreateNetworkInput {
  @Field()
  @Length(2, 200)
  name: string;

  @Field(() => ID, { description: "The operating organization." })
  organizationId: string;

  @Field(() => NetworkScope)
  @IsEnum(NetworkScope)
  scope: NetworkScope;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(30)
  @Length(1, 100, { each: true })
  focusAreas: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 4000)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 1000)
  aim?: string | null;

  @Field(() => NetworkingStrategy, { nullable: true })
  @IsOptional()
  @IsEnum(NetworkingStrategy)
  primaryStrategy?: NetworkingStrategy | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  region?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl()
  website?: string | null;
}

@InputType({ description: "Fields to change; omitted fields stay as they are." })
export class UpdateNetworkInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(2, 200)
  name?: string;

  @Field(() => NetworkScope, { nullable: true })
  @IsOptional()
  @IsEnum(NetworkScope)
  scope?: NetworkScope;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(30)
  @Length(1, 100, { each: true })
  focusAreas?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 4000)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 1000)
  aim?: string | null;

  @Field(() => NetworkingStrategy, { nullable: true })
  @IsOptional()
  @IsEnum(NetworkingStrategy)
  primaryStrategy?: NetworkingStrategy | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  region?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl()
  website?: string | null;
}

@ArgsType()
export class NetworkListArgs extends PageArgs {
  @Field(() => NetworkScope, { nullable: true })
  @IsOptional()
  scope?: NetworkScope | null;

  @Field(() => String, { nullable: true, description: "Networks that list this focus area." })
  @IsOptional()
  focusArea?: string | null;

  @Field(() => NetworkingStrategy, { nullable: true })
  @IsOptional()
  primaryStrategy?: NetworkingStrategy | null;

  @Field({ defaultValue: false })
  includeArchived: boolean;
}

@ArgsType()
export class NetworksArgs extends NetworkListArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  organizationId?: string | null;
}
