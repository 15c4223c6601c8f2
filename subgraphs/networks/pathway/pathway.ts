import { Field, ID, Int, ObjectType } from "type-graphql";
import { ConnectionType } from "../../kit";

@ObjectType({ description: "One school on a pathway, in the order students move through them." })
export class PathwayStage {
  @Field(() => Int)
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

  @Field(() => Int)
  studentCount: number;

  @Field(() => Int, { nullable: true, description: "Of them, how many enrolled on time at the next school." })
  onTimeCount?: number | null;
}

@ObjectType({ description: "Schools students move through (elementary to middle to high), so leaders can see and fix transitions." })
export class Pathway {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  networkId?: string | null;

  @Field(() => [PathwayStage])
  stages: PathwayStage[];

  @Field(() => [PathwayTransition])
  transitions: PathwayTransition[];

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

@ObjectType()
export class PathwayConnection extends ConnectionType(Pathway) {}
