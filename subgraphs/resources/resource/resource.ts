import { Directive, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { ConnectionType, PageInfo, Visibility, Provenance } from "../../kit";
import type { StoredOwner } from "../policies";
import { ResourceKind } from "../enums";

@Directive(`@key(fields: "id")`)
@ObjectType({
  description:
    "Something a network, or a school within a network, shares: curricula, classroom tools, protocols, guides, datasets and evidence, " +
    "shared staff, in-kind programs, technical assistance, joint purchasing agreements.",
})
export class Resource {
  @Field(() => ID, { description: "The resource's id." })
  id: string;

  @Field({ description: "Its title." })
  title: string;

  @Field(() => String, { nullable: true, description: "What it is and how it is used." })
  summary?: string | null;

  @Field(() => ResourceKind, { description: "What kind of resource it is." })
  kind: ResourceKind;

  @Field(() => [String], { description: "Subjects, lower case, e.g. literacy, mathematics, advisory." })
  subjects: string[];

  @Field(() => Int, { description: "Lowest grade it serves: -1 pre-kindergarten, 0 kindergarten, 1 to 12 (-1 when not grade-specific)." })
  lowestGrade: number;

  @Field(() => Int, { description: "Highest grade it serves, on the same scale (12 when not grade-specific)." })
  highestGrade: number;

  @Field(() => [String], { description: "Free tags, lower case, e.g. performance-based assessment." })
  tags: string[];

  @Field(() => String, { nullable: true, description: "License: an SPDX identifier such as CC-BY-NC-SA-4.0, or a short statement." })
  license?: string | null;

  @Field(() => String, { nullable: true, description: "Where to find it." })
  url?: string | null;

  @Field(() => Visibility, {
    description:
      "Who may see it, within its owning network (`network`): PRIVATE the owner, NETWORK the network's members, ALLIANCE also the " +
      "networks allied with it under an agreement that shares RESOURCES, PUBLIC everyone. Its adoptions and share requests follow it.",
  })
  visibility: Visibility;

  /** The owning network, and the school within it when a school owns it; `owner` and `network` resolve them as federated entities. */
  owner: StoredOwner;

  coDeveloperSchoolIds: string[];

  coDeveloperNetworkIds?: string[];

  proposedCoDeveloperSchoolIds?: string[];

  proposedCoDeveloperNetworkIds?: string[];

  networkIds: string[];

  /** The original this resource adapts; `adaptedFrom` resolves it for the caller. */
  adaptedFromId?: string | null;

  @Field({ description: "When it was published." })
  createdAt: Date;

  @Field({ description: "When it last changed." })
  updatedAt: Date;

  @Field(() => Date, { nullable: true, description: "Archived resources leave searches and lists but stay readable by id." })
  archivedAt?: Date | null;

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}

@ObjectType({ description: "A page of resources." })
export class ResourceConnection extends ConnectionType(Resource) {}

@ObjectType({ description: "A search hit: the resource and its relevance score (higher is better)." })
export class ResourceSearchEdge {
  @Field({ description: "Opaque cursor of this hit, for `after`." })
  cursor: string;

  @Field(() => Resource, { description: "The resource found." })
  node: Resource;

  @Field(() => Float, { description: "MongoDB text score: how well the resource matches the words searched." })
  score: number;
}

@ObjectType({ description: "Resources matching a text search, most relevant first." })
export class ResourceSearchConnection {
  @Field(() => [ResourceSearchEdge], { description: "The hits of this page, most relevant first." })
  edges: ResourceSearchEdge[];

  @Field(() => PageInfo, { description: "Where this page stands in the whole list of hits." })
  pageInfo: PageInfo;

  @Field(() => Int, { description: "How many resources match, over all pages." })
  totalCount: number;
}
