import { Directive, Field, ID, ObjectType } from "type-graphql";
import { ConnectionType, Provenance } from "../../kit";
import { EducatorRole } from "../enums";

@ObjectType({ description: "Personal data: visible only to those entitled to it." })
export class EducatorContact {
  @Field(() => String, { nullable: true, description: "Email address." })
  email?: string | null;

  @Field(() => String, { nullable: true, description: "Phone number." })
  phone?: string | null;
}

@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A leader, teacher or coach, linked to a school. Kept minimal on purpose." })
export class Educator {
  @Field(() => ID, { description: "The educator's id." })
  id: string;

  @Field({ description: "The educator's name." })
  name: string;

  @Field(() => EducatorRole, { description: "The educator's role." })
  role: EducatorRole;

  @Field(() => String, { nullable: true, description: "e.g. Principal, 9th-grade humanities teacher." })
  title?: string | null;

  schoolId?: string | null;

  networkId?: string | null;

  contact?: EducatorContact | null;

  @Field({ description: "When the educator was recorded in the hub." })
  createdAt: Date;

  @Field({ description: "When the educator last changed." })
  updatedAt: Date;

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}

@ObjectType({ description: "A page of educators." })
export class EducatorConnection extends ConnectionType(Educator) {}
