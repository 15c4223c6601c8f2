import { IsUrl, Length, Matches, Max, Min } from "class-validator";
import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { ConnectionType } from "../kit";

export enum SupergraphChange {
  BUILT_INS = "BUILT_INS",
  PUBLISH = "PUBLISH",
  DELETE = "DELETE",
  ROLLBACK = "ROLLBACK",
}
registerEnumType(SupergraphChange, {
  name: "SupergraphChange",
  description: "What made a supergraph version: the hub's own subgraphs, a publish, a delete or a rollback.",
  valuesConfig: {
    BUILT_INS: { description: "The hub's own subgraphs changed (a new release of the hub)." },
    PUBLISH: { description: "An organization published a subgraph." },
    DELETE: { description: "An organization removed its subgraph." },
    ROLLBACK: { description: "The hub operator served an earlier version again." },
  },
});

@ObjectType({ description: "A subgraph in the registry." })
export class RegisteredSubgraph {
  @Field({ description: "The subgraph's name, unique in the supergraph." })
  name: string;

  @Field(() => ID, { nullable: true, description: "The owning organization; null for the hub's own subgraphs (its operator's)." })
  organizationId: string | null;

  @Field({ description: "Whether it is one of the hub's own subgraphs." })
  builtIn: boolean;

  @Field(() => String, { nullable: true, description: "Where the gateway reaches it: shown to its owner only." })
  routingUrl: string | null;

  @Field({ description: "The subgraph's SDL as published." })
  sdl: string;

  @Field(() => String, { nullable: true, description: "`person:<id>` or `api-key:<id>`; null for the hub's own subgraphs." })
  publishedBy: string | null;

  @Field({ description: "When this SDL was published." })
  publishedAt: Date;
}

@ObjectType({ description: "A page of registered subgraphs." })
export class RegisteredSubgraphConnection extends ConnectionType(RegisteredSubgraph) {}

@ObjectType({ description: "An error, warning or hint of a check, with its code (the composer's codes for composition)." })
export class SubgraphCheckMessage {
  @Field({ description: "The message's code." })
  code: string;

  @Field({ description: "What it says, for people." })
  message: string;
}

@ObjectType({ description: "An operation clients sent within the usage window." })
export class OperationSeen {
  @Field(() => String, { nullable: true, description: "The operation's name; null for anonymous operations." })
  name: string | null;

  @Field({ description: "The hash of the operation's normalized text." })
  signatureHash: string;

  @Field(() => Int, { description: "Times sent within the window." })
  count: number;
}

@ObjectType({ description: "A change that can break clients, and the operations it breaks." })
export class BreakingChange {
  @Field({ description: "What kind of change, e.g. FIELD_REMOVED." })
  code: string;

  @Field({ description: "What it says, for people." })
  message: string;

  @Field({ description: "The schema coordinate changed, e.g. School.name." })
  coordinate: string;

  @Field(() => [OperationSeen], { description: "Operations clients sent recently that use it." })
  operations: OperationSeen[];
}

@ObjectType({ description: "What a proposed change would do. Nothing changes unless `ok`." })
export class SubgraphCheck {
  @Field({ description: "Whether the subgraph may be published as it is." })
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

@ObjectType({ description: "The outcome of publishing or deleting a subgraph." })
export class SubgraphPublication {
  @Field({ description: "Whether the supergraph changed." })
  published: boolean;

  @Field(() => Int, { nullable: true, description: "The supergraph version now served, when published." })
  version: number | null;

  @Field(() => SubgraphCheck, { description: "The check it passed or failed." })
  check: SubgraphCheck;
}

@ObjectType({ description: "One version of the supergraph, newest first." })
export class SupergraphVersion {
  @Field(() => Int, { description: "The version number, from 1." })
  version: number;

  @Field(() => SupergraphChange, { description: "What made this version." })
  change: SupergraphChange;

  @Field(() => String, { nullable: true, description: "The subgraph published or deleted; null for other changes." })
  subgraph: string | null;

  @Field(() => Int, { nullable: true, description: "The version served again, for a rollback." })
  rolledBackTo: number | null;

  @Field(() => String, { nullable: true, description: "`person:<id>` or `api-key:<id>`; null for the hub's own subgraphs." })
  createdBy: string | null;

  @Field({ description: "When the version was made." })
  createdAt: Date;

  @Field({ description: "Published although it breaks operations clients sent: an organization admin forced it." })
  forced: boolean;

  @Field(() => [String], { description: "Breaking changes this version brought, as `code: coordinate` lines." })
  breakingChanges: string[];

  @Field(() => [String], { description: "The subgraphs composed in this version." })
  subgraphNames: string[];
}

@ObjectType({ description: "A page of supergraph versions." })
export class SupergraphVersionConnection extends ConnectionType(SupergraphVersion) {}

@Directive("@inaccessible")
@ObjectType({ description: "A subgraph's name and owner, as the gateway needs them." })
export class SupergraphMember {
  @Field({ description: "The subgraph's name." })
  name: string;

  @Field(() => ID, { nullable: true, description: "The owning organization; null for the hub's own subgraphs." })
  organizationId: string | null;
}

@Directive("@inaccessible")
@ObjectType({ description: "The supergraph the gateways serve; asked by the gateway only." })
export class SupergraphRelease {
  @Field(() => Int, { description: "The version number." })
  version: number;

  @Field({ description: "The supergraph's SDL." })
  sdl: string;

  @Field(() => [SupergraphMember], { description: "Its subgraphs and their owners." })
  subgraphs: SupergraphMember[];
}

const SUBGRAPH_NAME = /^[a-z][a-z0-9-]{1,39}$/;

@InputType({ description: "A subgraph to check." })
export class SubgraphCheckInput {
  @Field({ description: "Lowercase letters, digits and dashes." })
  @Matches(SUBGRAPH_NAME, { message: "a subgraph name is 2 to 40 lowercase letters, digits and dashes, starting with a letter" })
  name: string;

  @Field({ description: "The subgraph's SDL (Federation 2)." })
  @Length(1, 500_000)
  sdl: string;
}

@InputType({ description: "A subgraph to publish." })
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
  @Field({ description: "The day, as YYYY-MM-DD (UTC)." })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  day: string;

  @Field({ description: "The hash of the operation's normalized text." })
  @Matches(/^[0-9a-f]{64}$/)
  signatureHash: string;

  @Field(() => String, { nullable: true, description: "The operation's name." })
  name: string | null;

  @Field(() => [String], { description: "The schema coordinates the operation uses." })
  fields: string[];

  @Field(() => Int, { description: "Times served that day." })
  @Min(1)
  @Max(1_000_000_000)
  count: number;
}
