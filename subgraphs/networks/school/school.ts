import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { ConnectionType, Provenance } from "../../kit";
import { Governance, Locale, SchoolLevel } from "../enums";
import { Location } from "../location";

@Directive(`@key(fields: "id")`)
@Directive(`@key(fields: "ncesId")`)
@ObjectType({ description: "The entity every subgraph extends. Partner subgraphs may key it by `id` or by its NCES id, the 12-digit public identifier of US schools." })
export class School {
  @Field(() => ID, { description: "The school's id." })
  id: string;

  @Field(() => String, { nullable: true, description: "12-digit NCES school id (US); unique." })
  ncesId?: string | null;

  @Field({ description: "The school's name." })
  name: string;

  @Field(() => SchoolLevel, { description: "The grade band the school serves." })
  level: SchoolLevel;

  @Field(() => Int, { nullable: true, description: "Lowest grade served: -1 pre-kindergarten, 0 kindergarten, 1 to 12; null while unknown (a school imported from a OneRoster file)." })
  lowestGrade?: number | null;

  @Field(() => Int, { nullable: true, description: "Highest grade served, on the same scale; null while unknown." })
  highestGrade?: number | null;

  @Field(() => Locale, { nullable: true, description: "The school's NCES locale." })
  locale?: Locale | null;

  @Field(() => Location, { description: "Where the school is." })
  location: Location;

  @Field(() => Int, { nullable: true, description: "Number of students enrolled." })
  enrollment?: number | null;

  @Field(() => Governance, { description: "Who governs the school." })
  governance: Governance;

  @Field(() => String, { nullable: true, description: "The public school district, where there is one." })
  district?: string | null;

  @Field(() => String, { nullable: true, description: "The school's website." })
  website?: string | null;

  @Field({ description: "When the school was recorded in the hub." })
  createdAt: Date;

  @Field({ description: "When the school last changed." })
  updatedAt: Date;

  @Field(() => Date, { nullable: true, description: "Set when archived; archived schools leave lists but stay readable by id." })
  archivedAt?: Date | null;

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}

@ObjectType({ description: "A page of schools." })
@Directive("@shareable")
export class SchoolConnection extends ConnectionType(School) {}
