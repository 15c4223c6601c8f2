import { Directive, Field, ID, ObjectType } from "type-graphql";
import { ConnectionType } from "../../kit";
import { NetworkingStrategy, NetworkScope } from "../enums";

@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A group of schools with a shared purpose, operated by an organization." })
export class Network {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  organizationId: string;

  @Field(() => NetworkScope)
  scope: NetworkScope;

  @Field(() => [String], { description: "e.g. literacy, advisories, performance-based assessment." })
  focusAreas: string[];

  @Field(() => String, { nullable: true, description: "An improvement network's measurable aim." })
  aim?: string | null;

  @Field(() => NetworkingStrategy, { nullable: true })
  primaryStrategy?: NetworkingStrategy | null;

  @Field(() => String, { nullable: true, description: "Where the network works, e.g. New York City or the rural Northwest." })
  region?: string | null;

  @Field(() => String, { nullable: true })
  website?: string | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Date, { nullable: true })
  archivedAt?: Date | null;
}

@ObjectType()
export class NetworkConnection extends ConnectionType(Network) {}
