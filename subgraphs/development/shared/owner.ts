import { IsEnum, Length } from "class-validator";
import { Field, FieldResolver, ID, InputType, ObjectType, Resolver, Root } from "type-graphql";
import { DevelopmentOwnerKind } from "../enums";
import { entityRef, Network, Organization, School } from "../federation/entities";

/**
 * The owner (or host) of a record, as stored: which entity of the networks subgraph (`kind`, `id`), and
 * where the record sits for access control, in the kit's `RecordOwner` shape (`networkId`, and `schoolId`
 * when a school owns it), so that the kit's `readableFilter(access, kind)` applies to it as it is.
 */
export interface OwnerRef {
  kind: DevelopmentOwnerKind;
  id: string;
  networkId: string | null;
  schoolId: string | null;
}

@ObjectType({ description: "Who owns or hosts a development record; the matching entity field is set." })
export class DevelopmentOwner {
  @Field(() => DevelopmentOwnerKind)
  kind: DevelopmentOwnerKind;

  @Field(() => ID)
  id: string;
}

@InputType()
export class DevelopmentOwnerInput {
  @Field(() => DevelopmentOwnerKind)
  @IsEnum(DevelopmentOwnerKind)
  kind: DevelopmentOwnerKind;

  @Field(() => ID)
  @Length(1, 64)
  id: string;
}

@Resolver(() => DevelopmentOwner)
export class DevelopmentOwnerResolver {
  @FieldResolver(() => School, { nullable: true })
  school(@Root() owner: OwnerRef) {
    return owner.kind === DevelopmentOwnerKind.SCHOOL ? entityRef(owner.id) : null;
  }

  @FieldResolver(() => Network, { nullable: true })
  network(@Root() owner: OwnerRef) {
    return owner.kind === DevelopmentOwnerKind.NETWORK ? entityRef(owner.id) : null;
  }

  @FieldResolver(() => Organization, { nullable: true })
  organization(@Root() owner: OwnerRef) {
    return owner.kind === DevelopmentOwnerKind.ORGANIZATION ? entityRef(owner.id) : null;
  }
}

/**
 * An owner from its kind and id; `networkId` is the network the record belongs to (the owner itself
 * when a network owns it).
 */
export function ownerRef(kind: DevelopmentOwnerKind, id: string, networkId: string | null | undefined): OwnerRef {
  return {
    kind,
    id,
    networkId: kind === DevelopmentOwnerKind.NETWORK ? id : (networkId ?? null),
    schoolId: kind === DevelopmentOwnerKind.SCHOOL ? id : null,
  };
}

export function schoolOwner(schoolId: string, networkId: string | null | undefined): OwnerRef {
  return ownerRef(DevelopmentOwnerKind.SCHOOL, schoolId, networkId);
}

export function toOwnerRef(input: DevelopmentOwnerInput, networkId: string | null | undefined): OwnerRef {
  return ownerRef(input.kind, input.id, networkId);
}
