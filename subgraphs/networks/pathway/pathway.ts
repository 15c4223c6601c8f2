import { Field, ID, Int, ObjectType } from "type-graphql";
import { ConnectionType, Provenance } from "../../kit";

@ObjectType({ description: "One school on a pathway, in the order students move through them." })
export class PathwayStage {
  @Field(() => Int, { description: "The stage's position, from 1." })
  order: number;

  schoolId: string;

  @Field(() => String, { nullable: true, description: "e.g. K-5, 6-8, 9-12." })
  grades?: string | null;
}

@ObjectType({ description: "How many students moved from one school to the next in a school year. Aggregates only." })
export class PathwayTransition {
  fromSchoolId: string;

  toSchoolId: string;

  @Field({ description: "e.g. 2024-25." })
  schoolYear: string;

  @Field(() => Int, { description: "Students who moved from one stage to the next that school year." })
  studentCount: number;

  @Field(() => Int, { nullable: true, description: "Of them, how many enrolled on time at the next school." })
  onTimeCount?: number | null;
}

@ObjectType({ description: "Schools students move through (elementary to middle to high), so leaders can see and fix transitions." })
export class Pathway {
  @Field(() => ID, { description: "The pathway's id." })
  id: string;

  @Field({ description: "The pathway's name." })
  name: string;

  @Field(() => String, { nullable: true, description: "What the pathway is, in its own words." })
  description?: string | null;

  networkId?: string | null;

  @Field(() => [PathwayStage], { description: "The schools students move through, in order." })
  stages: PathwayStage[];

  @Field(() => [PathwayTransition], { description: "Students moving between consecutive stages, one entry per school year and pair of schools." })
  transitions: PathwayTransition[];

  @Field({ description: "When the pathway was recorded in the hub." })
  createdAt: Date;

  @Field({ description: "When the pathway last changed." })
  updatedAt: Date;

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}

@ObjectType({ description: "A page of pathways." })
export class PathwayConnection extends ConnectionType(Pathway) {}
