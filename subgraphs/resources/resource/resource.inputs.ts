import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsUrl, Length, Max, Min, ValidateNested } from "class-validator";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { PageArgs, Visibility } from "../../kit";
import { ResourceKind, ResourceOwnerKind } from "../enums";

@InputType({ description: "An owner to filter by: a school, or a network itself (not its schools)." })
export class ResourceOwnerInput {
  @Field(() => ResourceOwnerKind, { description: "Whether the owner is a school or a network." })
  @IsEnum(ResourceOwnerKind)
  kind: ResourceOwnerKind;

  @Field(() => ID, { description: "The school's or network's id in the networks subgraph." })
  @Length(1, 64)
  id: string;
}

@InputType({ description: "A resource to publish, owned by a network or by a school within it." })
export class PublishResourceInput {
  @Field({ description: "Its title, 2 to 200 characters." })
  @Length(2, 200)
  title: string;

  @Field(() => String, { description: "What it is and how it is used, up to 4000 characters.", nullable: true })
  @IsOptional()
  @Length(1, 4000)
  summary?: string | null;

  @Field(() => ResourceKind, { description: "What kind of resource it is." })
  @IsEnum(ResourceKind)
  kind: ResourceKind;

  @Field(() => ID, {
    description:
      "The network that owns the resource or, with `schoolId`, the network the owning school publishes it through: one of your " +
      "networks. Visibility is decided within this network (its members see NETWORK resources, its allies ALLIANCE ones).",
  })
  @Length(1, 64)
  networkId: string;

  @Field(() => ID, { nullable: true, description: "The owning school, when a school of `networkId` owns it (rather than the network itself)." })
  @IsOptional()
  @Length(1, 64)
  schoolId?: string | null;

  @Field(() => [ID], {
    defaultValue: [],
    description:
      "Schools to credit as having developed it with the owner. A credit is a public claim about them: it shows once the school accepts " +
      "(at once when you act for it too). Descriptive: they see the resource by its visibility.",
  })
  @ArrayMaxSize(50)
  @Length(1, 64, { each: true })
  coDeveloperSchoolIds: string[];

  @Field(() => [ID], { defaultValue: [], description: "Networks to credit as co-developers, on the same terms as `coDeveloperSchoolIds` (their managers accept)." })
  @ArrayMaxSize(50)
  @Length(1, 64, { each: true })
  coDeveloperNetworkIds: string[];

  @Field(() => ID, {
    nullable: true,
    description:
      "Publishes this resource as an adapted version of another: an active resource you may see. The link is fixed once published, " +
      "and the original's owner sees this resource whatever its visibility (it shows nothing more of the original to you).",
  })
  @IsOptional()
  @Length(1, 64)
  adaptedFromId?: string | null;

  @Field(() => [ID], {
    defaultValue: [],
    description: "Networks it belongs to and is listed under (descriptive: visibility follows `networkId`); `networkId` is always included.",
  })
  @ArrayMaxSize(50)
  @Length(1, 64, { each: true })
  networkIds: string[];

  @Field(() => [String], { description: "Subjects, e.g. literacy, mathematics (stored lower case, at most 20).", defaultValue: [] })
  @ArrayMaxSize(20)
  @Length(1, 80, { each: true })
  subjects: string[];

  @Field(() => Int, { nullable: true, description: "Defaults to -1 (not grade-specific)." })
  @IsOptional()
  @IsInt()
  @Min(-1)
  @Max(12)
  lowestGrade?: number | null;

  @Field(() => Int, { nullable: true, description: "Defaults to 12 (not grade-specific)." })
  @IsOptional()
  @IsInt()
  @Min(-1)
  @Max(12)
  highestGrade?: number | null;

  @Field(() => [String], { description: "Free tags (stored lower case, at most 30).", defaultValue: [] })
  @ArrayMaxSize(30)
  @Length(1, 80, { each: true })
  tags: string[];

  @Field(() => String, { description: "License: an SPDX identifier such as CC-BY-NC-SA-4.0, or a short statement.", nullable: true })
  @IsOptional()
  @Length(1, 200)
  license?: string | null;

  @Field(() => String, { description: "Where to find it.", nullable: true })
  @IsOptional()
  @IsUrl()
  url?: string | null;

  @Field(() => Visibility, { description: "Who may see it within `networkId`; the network's members by default.", defaultValue: Visibility.NETWORK })
  @IsEnum(Visibility)
  visibility: Visibility;
}

@InputType({ description: "Fields to change; omitted fields stay as they are. The owner (school and network) cannot change." })
export class UpdateResourceInput {
  @Field({ description: "A new title, 2 to 200 characters.", nullable: true })
  @IsOptional()
  @Length(2, 200)
  title?: string;

  @Field(() => String, { description: "A new summary; null clears it.", nullable: true })
  @IsOptional()
  @Length(1, 4000)
  summary?: string | null;

  @Field(() => ResourceKind, { description: "A new kind.", nullable: true })
  @IsOptional()
  @IsEnum(ResourceKind)
  kind?: ResourceKind;

  @Field(() => [ID], {
    description: "The schools credited as co-developers, replacing the current ones: those already credited keep their answer, new ones are proposed.",
    nullable: true,
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @Length(1, 64, { each: true })
  coDeveloperSchoolIds?: string[];

  @Field(() => [ID], { description: "The networks credited as co-developers, replacing the current ones, on the same terms.", nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @Length(1, 64, { each: true })
  coDeveloperNetworkIds?: string[];

  @Field(() => [ID], { description: "The networks it is listed under, replacing the current ones (the owning network stays).", nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @Length(1, 64, { each: true })
  networkIds?: string[];

  @Field(() => [String], { description: "The subjects, replacing the current ones.", nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @Length(1, 80, { each: true })
  subjects?: string[];

  @Field(() => Int, { description: "A new lowest grade (-1 pre-kindergarten to 12).", nullable: true })
  @IsOptional()
  @IsInt()
  @Min(-1)
  @Max(12)
  lowestGrade?: number;

  @Field(() => Int, { description: "A new highest grade (-1 pre-kindergarten to 12), not below the lowest.", nullable: true })
  @IsOptional()
  @IsInt()
  @Min(-1)
  @Max(12)
  highestGrade?: number;

  @Field(() => [String], { description: "The tags, replacing the current ones.", nullable: true })
  @IsOptional()
  @ArrayMaxSize(30)
  @Length(1, 80, { each: true })
  tags?: string[];

  @Field(() => String, { description: "A new license; null clears it.", nullable: true })
  @IsOptional()
  @Length(1, 200)
  license?: string | null;

  @Field(() => String, { description: "A new address; null clears it.", nullable: true })
  @IsOptional()
  @IsUrl()
  url?: string | null;

  @Field(() => Visibility, { description: "A new visibility; its adoptions follow it.", nullable: true })
  @IsOptional()
  @IsEnum(Visibility)
  visibility?: Visibility;
}

/** The filters shared by `resources` and `searchResources`. */
@ArgsType()
export class ResourceFilterArgs extends PageArgs {
  @Field(() => [ResourceKind], { nullable: true, description: "Any of these kinds." })
  @IsOptional()
  @ArrayMaxSize(10)
  kinds?: ResourceKind[] | null;

  @Field(() => String, { nullable: true, description: "Resources listing this subject (case-insensitive)." })
  @IsOptional()
  @Length(1, 80)
  subject?: string | null;

  @Field(() => Int, { nullable: true, description: "With highestGrade: resources whose grade range overlaps this one." })
  @IsOptional()
  @IsInt()
  @Min(-1)
  @Max(12)
  lowestGrade?: number | null;

  @Field(() => Int, { nullable: true, description: "With lowestGrade: resources whose grade range overlaps this one." })
  @IsOptional()
  @IsInt()
  @Min(-1)
  @Max(12)
  highestGrade?: number | null;

  @Field(() => [String], { nullable: true, description: "Resources carrying all of these tags (case-insensitive)." })
  @IsOptional()
  @ArrayMaxSize(10)
  @Length(1, 80, { each: true })
  tags?: string[] | null;

  @Field(() => ID, { nullable: true, description: "Resources that belong to this network (owned by it or shared through it)." })
  @IsOptional()
  networkId?: string | null;

  @Field(() => ResourceOwnerInput, { nullable: true, description: "Resources owned by this school, or by this network itself." })
  @IsOptional()
  @ValidateNested()
  owner?: ResourceOwnerInput | null;

  @Field({ description: "Also list archived resources.", defaultValue: false })
  includeArchived: boolean;
}

@ArgsType()
export class SearchResourcesArgs extends ResourceFilterArgs {
  @Field({ description: "Words to look for in titles, summaries, subjects and tags; ranked by relevance." })
  @Length(1, 200)
  text: string;
}
