import { Field, ID, ObjectType } from "type-graphql";
import { ApiKeyScope, SharedDataKind } from "../enums";

@ObjectType({ description: "Networks whose alliance-shared records of one kind a caller may read." })
export class AlliedNetworks {
  @Field(() => SharedDataKind)
  kind: SharedDataKind;

  @Field(() => [ID])
  networkIds: string[];
}

@ObjectType({ description: "An accepted membership touching a caller: the school and the network." })
export class SchoolMembershipGrant {
  @Field(() => ID)
  schoolId: string;

  @Field(() => ID)
  networkId: string;
}

@ObjectType({ description: "What an identity's organization, schools and roles grant; asked by the gateway only." })
export class AccessGrants {
  @Field(() => [ID], { description: "The claimed schools that accepted a membership in one of the organization's networks." })
  schoolIds: string[];

  @Field(() => [ID])
  managedNetworkIds: string[];

  @Field(() => [ID])
  memberNetworkIds: string[];

  @Field(() => [AlliedNetworks])
  allied: AlliedNetworks[];

  @Field(() => [SchoolMembershipGrant], { description: "Accepted memberships of the granted schools and of the managed networks." })
  schoolMemberships: SchoolMembershipGrant[];
}

@ObjectType({ description: "The organization and rights of a valid API key; asked by the gateway only." })
export class ApiKeyGrant {
  @Field(() => ID)
  keyId: string;

  @Field(() => ID)
  organizationId: string;

  @Field()
  canWrite: boolean;

  @Field(() => [ApiKeyScope])
  scopes: ApiKeyScope[];
}
