import { Directive, Field, ID, ObjectType } from "type-graphql";
import { ConnectionType, Provenance } from "../../kit";
import { OrganizationKind } from "../enums";
import { Location } from "../location";

@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A partner that operates networks; also the unit of trust and access control." })
export class Organization {
  @Field(() => ID, { description: "The organization's id." })
  id: string;

  @Field({ description: "The organization's name." })
  name: string;

  @Field(() => OrganizationKind, { description: "What kind of organization it is." })
  kind: OrganizationKind;

  @Field(() => String, { nullable: true, description: "What the organization does, in its own words." })
  description?: string | null;

  @Field(() => String, { nullable: true, description: "The organization's website." })
  website?: string | null;

  @Field(() => Location, { nullable: true, description: "Where the organization is based." })
  location?: Location | null;

  @Field({ description: "When the organization was recorded in the hub." })
  createdAt: Date;

  @Field({ description: "When the organization last changed." })
  updatedAt: Date;

  @Field(() => Date, { nullable: true, description: "Set when archived; archived records leave lists but stay readable by id." })
  archivedAt?: Date | null;

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}

@ObjectType({ description: "A page of organizations." })
export class OrganizationConnection extends ConnectionType(Organization) {}
