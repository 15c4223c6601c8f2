import { IsEnum, Length } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { ResourceOwnerKind } from "../enums";

@InputType({ description: "A school or network credited as a co-developer of a resource." })
export class CoDeveloperInput {
  @Field(() => ResourceOwnerKind, { description: "Whether the co-developer is a school or a network." })
  @IsEnum(ResourceOwnerKind)
  kind: ResourceOwnerKind;

  @Field(() => ID, { description: "The school's or network's id in the networks subgraph." })
  @Length(1, 64)
  id: string;
}
