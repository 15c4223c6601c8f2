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
  @Field(() => DevelopmentOwnerKind, { description: "Whether a network, a school or an organization owns or hosts the record." })
  kind: DevelopmentOwnerKind;

  @Field(() => ID, { description: "The owner's id in the networks subgraph." })
  id: string;
}

@InputType({ description: "An owner or host: its kind and its id in the networks subgraph." })
export class DevelopmentOwnerInput {
  @Field(() => DevelopmentOwnerKind, { description: "NETWORK, SCHOOL or ORGANIZATION." })
  @IsEnum(DevelopmentOwnerKind)
  kind: DevelopmentOwnerKind;

  @Field(() => ID, { description: "The network's, school's or organization's id." })
  @Length(1, 64)
  id: string;
}

@Resolver(() => DevelopmentOwner)
export class DevelopmentOwnerResolver {
  @FieldResolver(() => School, { nullable: true, description: "The owning school, when `kind` is SCHOOL; null otherwise." })
  school(@Root() owner: OwnerRef) {
    return owner.kind === DevelopmentOwnerKind.SCHOOL ? entityRef(owner.id) : null;
  }

  @FieldResolver(() => Network, { nullable: true, description: "The owning network, when `kind` is NETWORK; null otherwise." })
  network(@Root() owner: OwnerRef) {
    return owner.kind === DevelopmentOwnerKind.NETWORK ? entityRef(owner.id) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The owning organization, when `kind` is ORGANIZATION; null otherwise." })
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
