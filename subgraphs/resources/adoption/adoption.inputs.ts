import { IsOptional, Length } from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { Field, ID, InputType } from "type-graphql";

@InputType({ description: "A school's adoption of a resource, with how it adapted it." })
export class AdoptResourceInput {
  @Field(() => ID, { description: "The resource adopted: an active resource you may see, that the school did not develop." })
  @Length(1, 64)
  resourceId: string;

  @Field(() => ID, { description: "The adopting school (networks subgraph id)." })
  @Length(1, 64)
  schoolId: string;

  @Field(() => String, { nullable: true, description: "How the school adapted it." })
  @IsOptional()
  @Length(1, 4000)
  adaptationNote?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Defaults to today." })
  @IsOptional()
  adoptedOn?: string | null;
}
