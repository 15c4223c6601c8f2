import { LocalDateResolver } from "graphql-scalars";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { ConnectionType, Provenance } from "../../kit";

@Directive(`@key(fields: "id")`)
@ObjectType({
  description:
    "A school adopting a resource, with how it adapted it: practice is improved, not just moved (joint practice development). " +
    "A school adopts a resource once.",
})
export class ResourceAdoption {
  @Field(() => ID, { description: "The adoption's id." })
  id: string;

  resourceId: string;

  schoolId: string;

  @Field(() => String, { nullable: true, description: "How the school adapted the resource to its students and context." })
  adaptationNote?: string | null;

  @Field(() => LocalDateResolver, { description: "The day the school adopted the resource." })
  adoptedOn: string;

  @Field({ description: "When the adoption was recorded." })
  createdAt: Date;

  @Field({ description: "When the adoption last changed." })
  updatedAt: Date;

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}

@ObjectType({ description: "A page of resource adoptions." })
export class ResourceAdoptionConnection extends ConnectionType(ResourceAdoption) {}
