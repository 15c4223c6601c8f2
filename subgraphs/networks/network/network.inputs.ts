import { ArrayMaxSize, IsEnum, IsOptional, IsUrl, Length } from "class-validator";
import { ArgsType, Field, ID, InputType } from "type-graphql";
import { PageArgs } from "../../kit";
import { NetworkingStrategy, NetworkScope } from "../enums";

@InputType({ description: "A network to create." })
export class CreateNetworkInput {
  @Field({ description: "The network's name." })
  @Length(2, 200)
  name: string;

  @Field(() => ID, { description: "The operating organization." })
  organizationId: string;

  @Field(() => NetworkScope, { description: "How far the network reaches." })
  @IsEnum(NetworkScope)
  scope: NetworkScope;

  @Field(() => [String], { defaultValue: [], description: "What the network works on, e.g. literacy or advisories." })
  @ArrayMaxSize(30)
  @Length(1, 100, { each: true })
  focusAreas: string[];

  @Field(() => String, { nullable: true, description: "What the network does, in its own words." })
  @IsOptional()
  @Length(1, 4000)
  description?: string | null;

  @Field(() => String, { nullable: true, description: "An improvement network's measurable aim." })
  @IsOptional()
  @Length(1, 1000)
  aim?: string | null;

  @Field(() => NetworkingStrategy, { nullable: true, description: "The network's primary networking strategy." })
  @IsOptional()
  @IsEnum(NetworkingStrategy)
  primaryStrategy?: NetworkingStrategy | null;

  @Field(() => String, { nullable: true, description: "Where the network works." })
  @IsOptional()
  @Length(1, 200)
  region?: string | null;

  @Field(() => String, { nullable: true, description: "The network's website." })
  @IsOptional()
  @IsUrl()
  website?: string | null;
}

@InputType({ description: "Fields to change; omitted fields stay as they are." })
export class UpdateNetworkInput {
  @Field({ nullable: true, description: "The network's name." })
  @IsOptional()
  @Length(2, 200)
  name?: string;

  @Field(() => NetworkScope, { nullable: true, description: "How far the network reaches." })
  @IsOptional()
  @IsEnum(NetworkScope)
  scope?: NetworkScope;

  @Field(() => [String], { nullable: true, description: "What the network works on (replaces the list)." })
  @IsOptional()
  @ArrayMaxSize(30)
  @Length(1, 100, { each: true })
  focusAreas?: string[];

  @Field(() => String, { nullable: true, description: "What the network does." })
  @IsOptional()
  @Length(1, 4000)
  description?: string | null;

  @Field(() => String, { nullable: true, description: "An improvement network's measurable aim." })
  @IsOptional()
  @Length(1, 1000)
  aim?: string | null;

  @Field(() => NetworkingStrategy, { nullable: true, description: "The network's primary networking strategy." })
  @IsOptional()
  @IsEnum(NetworkingStrategy)
  primaryStrategy?: NetworkingStrategy | null;

  @Field(() => String, { nullable: true, description: "Where the network works." })
  @IsOptional()
  @Length(1, 200)
  region?: string | null;

  @Field(() => String, { nullable: true, description: "The network's website." })
  @IsOptional()
  @IsUrl()
  website?: string | null;
}

@ArgsType()
export class NetworkListArgs extends PageArgs {
  @Field(() => NetworkScope, { nullable: true, description: "Only networks of this scope." })
  @IsOptional()
  scope?: NetworkScope | null;

  @Field(() => String, { nullable: true, description: "Networks that list this focus area." })
  @IsOptional()
  focusArea?: string | null;

  @Field(() => NetworkingStrategy, { nullable: true, description: "Only networks whose primary strategy is this one." })
  @IsOptional()
  primaryStrategy?: NetworkingStrategy | null;

  @Field({ defaultValue: false, description: "Also list archived networks." })
  includeArchived: boolean;
}

@ArgsType()
export class NetworksArgs extends NetworkListArgs {
  @Field(() => ID, { nullable: true, description: "Only the networks this organization operates." })
  @IsOptional()
  organizationId?: string | null;
}
