import { Directive, Field, ID, ObjectType } from "type-graphql";
import { ConnectionType, Provenance } from "../../kit";
import { NetworkingStrategy, NetworkScope } from "../enums";

@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A group of schools with a shared purpose, operated by an organization." })
export class Network {
  @Field(() => ID, { description: "The network's id." })
  id: string;

  @Field({ description: "The network's name." })
  name: string;

  @Field(() => String, { nullable: true, description: "What the network does, in its own words." })
  description?: string | null;

  organizationId: string;

  @Field(() => NetworkScope, { description: "How far the network reaches." })
  scope: NetworkScope;

  @Field(() => [String], { description: "e.g. literacy, advisories, performance-based assessment." })
  focusAreas: string[];

  @Field(() => String, { nullable: true, description: "An improvement network's measurable aim." })
  aim?: string | null;

  @Field(() => NetworkingStrategy, { nullable: true, description: "The network's primary networking strategy." })
  primaryStrategy?: NetworkingStrategy | null;

  @Field(() => String, { nullable: true, description: "Where the network works, e.g. New York City or the rural Northwest." })
  region?: string | null;

  @Field(() => String, { nullable: true, description: "The network's website." })
  website?: string | null;

  @Field({ description: "When the network was recorded in the hub." })
  createdAt: Date;

  @Field({ description: "When the network last changed." })
  updatedAt: Date;

  @Field(() => Date, { nullable: true, description: "Set when archived; archived networks leave lists but stay readable by id." })
  archivedAt?: Date | null;

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}

@ObjectType({ description: "A page of networks." })
export class NetworkConnection extends ConnectionType(Network) {}
