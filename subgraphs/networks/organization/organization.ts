import { Directive, Field, ID, ObjectType } from "type-graphql";
import { ConnectionType } from "../../kit";
import { OrganizationKind } from "../enums";
import { Location } from "../location";

@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A partner that operates networks; also the unit of trust and access control." })
export class Organization {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => OrganizationKind)
  kind: OrganizationKind;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  website?: string | null;

  @Field(() => Location, { nullable: true })
  location?: Location | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Date, { nullable: true, description: "Set when archived; archived records leave lists but stay readable by id." })
  archivedAt?: Date | null;
}

@ObjectType()
export class OrganizationConnection extends ConnectionType(Organization) {}
