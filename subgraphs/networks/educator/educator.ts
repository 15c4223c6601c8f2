import { Directive, Field, ID, ObjectType } from "type-graphql";
import { ConnectionType } from "../../kit";
import { EducatorRole } from "../enums";

@ObjectType({ description: "Personal data: visible only to those entitled to it." })
export class EducatorContact {
  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;
}

@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A leader, teacher or coach, linked to a school. Kept minimal on purpose." })
export class Educator {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => EducatorRole)
  role: EducatorRole;

  @Field(() => String, { nullable: true, description: "e.g. Principal, 9th-grade humanities teacher." })
  title?: string | null;

  schoolId?: string | null;

  networkId?: string | null;

  contact?: EducatorContact | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

@ObjectType()
export class EducatorConnection extends ConnectionType(Educator) {}
