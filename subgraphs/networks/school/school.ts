import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { ConnectionType } from "../../kit";
import { Governance, Locale, SchoolLevel } from "../enums";
import { Location } from "../location";

@Directive(`@key(fields: "id")`)
@Directive(`@key(fields: "ncesId")`)
@ObjectType({ description: "The entity every subgraph extends. Partner subgraphs may key it by `id` or by its NCES id, the 12-digit public identifier of US schools." })
export class School {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: "12-digit NCES school id (US); unique." })
  ncesId?: string | null;

  @Field()
  name: string;

  @Field(() => SchoolLevel)
  level: SchoolLevel;

  @Field(() => Int, { description: "Lowest grade served: -1 pre-kindergarten, 0 kindergarten, 1 to 12." })
  lowestGrade: number;

  @Field(() => Int, { description: "Highest grade served, on the same scale." })
  highestGrade: number;

  @Field(() => Locale, { nullable: true })
  locale?: Locale | null;

  @Field(() => Location)
  location: Location;

  @Field(() => Int, { nullable: true })
  enrollment?: number | null;

  @Field(() => Governance)
  governance: Governance;

  @Field(() => String, { nullable: true, description: "The public school district, where there is one." })
  district?: string | null;

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
export class SchoolConnection extends ConnectionType(School) {}
