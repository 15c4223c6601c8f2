import { Field, ID, ObjectType } from "type-graphql";
import { ApiKeyScope, SharedDataKind } from "../enums";

@ObjectType({ description: "Networks whose alliance-shared records of one kind a caller may read." })
export class AlliedNetworks {
  @Field(() => SharedDataKind, { description: "The kind of data shared." })
  kind: SharedDataKind;

  @Field(() => [ID], { description: "The allied networks sharing it." })
  networkIds: string[];
}

@ObjectType({ description: "An accepted membership touching a caller: the school and the network." })
export class SchoolMembershipGrant {
  @Field(() => ID, { description: "The member school." })
  schoolId: string;

  @Field(() => ID, { description: "The network it is an accepted member of." })
  networkId: string;
}

@ObjectType({ description: "What an identity's organization, schools and roles grant; asked by the gateway only." })
export class AccessGrants {
  @Field(() => [ID], { description: "The claimed schools that accepted a membership in one of the organization's networks." })
  schoolIds: string[];

  @Field(() => [ID], { description: "Networks the caller manages: all of the organization's as its admin, or those they coordinate." })
  managedNetworkIds: string[];

  @Field(() => [ID], { description: "Networks the caller belongs to: the organization's, their schools' (accepted memberships) and the managed ones." })
  memberNetworkIds: string[];

  @Field(() => [AlliedNetworks], { description: "For each kind of data, the networks allied with the caller's under an agreement that shares it." })
  allied: AlliedNetworks[];

  @Field(() => [SchoolMembershipGrant], { description: "Accepted memberships of the granted schools and of the managed networks." })
  schoolMemberships: SchoolMembershipGrant[];
}

@ObjectType({ description: "The organization and rights of a valid API key; asked by the gateway only." })
export class ApiKeyGrant {
  @Field(() => ID, { description: "The key's id." })
  keyId: string;

  @Field(() => ID, { description: "The organization the key acts for." })
  organizationId: string;

  @Field({ description: "Whether the key may write." })
  canWrite: boolean;

  @Field(() => [ApiKeyScope], { description: "Rights beyond reading and writing records." })
  scopes: ApiKeyScope[];
}
