import { IsUrl, Length, Matches, Max, Min } from "class-validator";
import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { ConnectionType } from "../kit";

export enum SupergraphChange {
  BUILT_INS = "BUILT_INS",
  PUBLISH = "PUBLISH",
  DELETE = "DELETE",
  ROLLBACK = "ROLLBACK",
}
registerEnumType(SupergraphChange, { name: "SupergraphChange", description: "What made a supergraph version: the hub's own subgraphs, a publish, a delete or a rollback." });

@ObjectType({ description: "A subgraph in the registry." })
export class RegisteredSubgraph {
  @Field()
  name: string;

  @Field(() => ID, { nullable: true, description: "The owning organization; null for the hub's own subgraphs (its operator's)." })
  organizationId: string | null;

  @Field()
  builtIn: boolean;

  @Field(() => String, { nullable: true, description: "Where the gateway reaches it: shown to its owner only." })
  routingUrl: string | null;

  @Field()
  sdl: string;

  @Field(() => String, { nullable: true, description: "`person:<id>` or `api-key:<id>`; null for the hub's own subgraphs." })
  publishedBy: string | null;

  @Field()
  publishedAt: Date;
}

@ObjectType({ description: "A page of registered subgraphs." })
export class RegisteredSubgraphConnection extends ConnectionType(RegisteredSubgraph) {}

@ObjectType({ description: "An error, warning or hint of a check, with its code (the composer's codes for composition)." })
export class SubgraphCheckMessage {
  @Field()
  code: string;

  @Field()
  message: string;
}

@ObjectType({ description: "An operation clients sent within the usage window." })
export class OperationSeen {
  @Field(() => String, { nullable: true })
  name: string | null;

  @Field()
  signatureHash: string;

  @Field(() => Int, { description: "Times sent within the window." })
  count: number;
}

@ObjectType({ description: "A change that can break clients, and the operations it breaks." })
export class BreakingChange {
  @Field()
  code: string;

  @Field()
  message: string;

  @Field()
  coordinate: string;

  @Field(() => [OperationSeen])
  operations: OperationSeen[];
}

@ObjectType({ description: "What a proposed change would do. Nothing changes unless `ok`." })
export class SubgraphCheck {
  @Field()
  ok: boolean;

  @Field(() => [SubgraphCheckMessage], { description: "The composer's errors, with their codes." })
  compositionErrors: SubgraphCheckMessage[];

  @Field(() => [SubgraphCheckMessage], { description: "The composer's hints, with their codes." })
  compositionHints: SubgraphCheckMessage[];

  @Field(() => [SubgraphCheckMessage], { description: "Fields, root fields or types of other subgraphs this one would take over." })
  ownershipViolations: SubgraphCheckMessage[];

  @Field(() => [BreakingChange], { description: "Changes to the API schema that can break clients." })
  breakingChanges: BreakingChange[];

  @Field(() => [String], { description: "Why an ok check still deserves a look (e.g. breaking changes no recorded operation uses)." })
  warnings: string[];
}

@ObjectType()
export class SubgraphPublication {
  @Field()
  published: boolean;

  @Field(() => Int, { nullable: true, description: "The supergraph version now served, when published." })
  version: number | null;

  @Field(() => SubgraphCheck)
  check: SubgraphCheck;
}

@ObjectType({ description: "One version of the supergraph, newest first." })
export class SupergraphVersion {
  @Field(() => Int)
  version: number;

  @Field(() => SupergraphChange)
  change: SupergraphChange;

  @Field(() => String, { nullable: true })
  subgraph: string | null;

  @Field(() => Int, { nullable: true })
  rolledBackTo: number | null;

  @Field(() => String, { nullable: true })
  createdBy: string | null;

  @Field()
  createdAt: Date;

  @Field({ description: "Published although it breaks operations clients sent: an organization admin forced it." })
  forced: boolean;

  @Field(() => [String])
  breakingChanges: string[];

  @Field(() => [String], { description: "The subgraphs composed in this version." })
  subgraphNames: string[];
}

@ObjectType()
export class SupergraphVersionConnection extends ConnectionType(SupergraphVersion) {}

@Directive("@inaccessible")
@ObjectType({ description: "A subgraph's name and owner, as the gateway needs them." })
export class SupergraphMember {
  @Field()
  name: string;

  @Field(() => ID, { nullable: true })
  organizationId: string | null;
}

@Directive("@inaccessible")
@ObjectType({ description: "The supergraph the gateways serve; asked by the gateway only." })
export class SupergraphRelease {
  @Field(() => Int)
  version: number;

  @Field()
  sdl: string;

  @Field(() => [SupergraphMember])
  subgraphs: SupergraphMember[];
}

const SUBGRAPH_NAME = /^[a-z][a-z0-9-]{1,39}$/;

@InputType()
export class SubgraphCheckInput {
  @Field({ description: "Lowercase letters, digits and dashes." })
  @Matches(SUBGRAPH_NAME, { message: "a subgraph name is 2 to 40 lowercase letters, digits and dashes, starting with a letter" })
  name: string;

  @Field({ description: "The subgraph's SDL (Federation 2)." })
  @Length(1, 500_000)
  sdl: string;
}

@InputType()
export class SubgraphPublishInput extends SubgraphCheckInput {
  @Field({ description: "Where the gateway reaches the subgraph (http or https)." })
  @IsUrl({ protocols: ["http", "https"], require_protocol: true, require_tld: false })
  routingUrl: string;

  @Field({ defaultValue: false, description: "Publish although it breaks operations clients sent (the owning organization's admins only)." })
  force: boolean;
}

@Directive("@inaccessible")
@InputType({ description: "One operation's usage on one day, as a gateway counted it." })
export class OperationUsageInput {
  @Field()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  day: string;

  @Field()
  @Matches(/^[0-9a-f]{64}$/)
  signatureHash: string;

  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => [String])
  fields: string[];

  @Field(() => Int)
  @Min(1)
  @Max(1_000_000_000)
  count: number;
}
