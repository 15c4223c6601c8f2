import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { ConnectionType, type Access } from "../../kit";
import { Alliance } from "../alliance/alliance";
import { SharedDataKind } from "../enums";

/** Who a caller is, as the public API names it: the gateway's own SYSTEM principal never appears. */
export enum ViewerKind {
  PERSON = "PERSON",
  API_KEY = "API_KEY",
  ANONYMOUS = "ANONYMOUS",
}

registerEnumType(ViewerKind, {
  name: "ViewerKind",
  description: "What kind of caller is asking.",
  valuesConfig: {
    PERSON: { description: "A person signed in with a bearer token." },
    API_KEY: { description: "An application calling with an organization's API key." },
    ANONYMOUS: { description: "A caller with neither: sees public records only and cannot write." },
  },
});

/** The caller's roles, as the gateway worked them out from their identity and accepted relations. */
export enum ViewerRole {
  ORGANIZATION_ADMIN = "ORGANIZATION_ADMIN",
  NETWORK_MANAGER = "NETWORK_MANAGER",
  SCHOOL_STAFF = "SCHOOL_STAFF",
}

registerEnumType(ViewerRole, {
  name: "ViewerRole",
  description: "A role the caller holds in this request.",
  valuesConfig: {
    ORGANIZATION_ADMIN: { description: "Admin of their organization: manages its networks, API keys and reads its audit log." },
    NETWORK_MANAGER: { description: "Manages at least one network (`Viewer.managedNetworks`)." },
    SCHOOL_STAFF: { description: "Staff of at least one school (`Viewer.schools`) that accepted a membership in their organization's networks." },
  },
});

@ObjectType({ description: "The caller's identity: a person, an API key or nobody." })
export class ViewerPrincipal {
  @Field(() => ViewerKind, { description: "What kind of caller this is." })
  kind: ViewerKind;

  @Field(() => ID, { nullable: true, description: "The person's id or the API key's id; null for an anonymous caller." })
  id: string | null;
}

@ObjectType({ description: "One network whose records of a kind are shared with the caller, and the alliance sharing them." })
export class AllianceShare {
  networkId: string;

  @Field(() => Alliance, { description: "The alliance whose data-sharing agreement shares the kind with the caller's networks." })
  alliance: Alliance;
}

@ObjectType({ description: "For one kind of data: the networks outside the caller's own that share it with them through an alliance." })
export class AlliedData {
  @Field(() => SharedDataKind, { description: "The kind of data shared." })
  kind: SharedDataKind;

  /** Every (network, alliance) pair, paged by `AlliedData.shares`. */
  shares: AllianceShare[];
}

@ObjectType({ description: "A page of networks sharing one kind of data with the caller." })
export class AllianceShareConnection extends ConnectionType(AllianceShare) {}

@ObjectType({
  description:
    "The caller of this request and what the hub grants them, as the gateway worked it out from their token or API key. " +
    "Only accepted memberships and alliance joins count. Clients ask this instead of decoding a token.",
})
export class Viewer {
  /** What the gateway forwarded; never exposed as such. */
  access: Access;

  @Field(() => ViewerPrincipal, { description: "Who is asking." })
  principal: ViewerPrincipal;

  @Field({ description: "Whether the caller may write at all (false for anonymous callers and read-only API keys); each write still checks the caller's role on its record." })
  canWrite: boolean;

  @Field(() => [ViewerRole], { description: "The roles the caller holds; empty for anonymous callers. A writing API key acts as an admin of its organization." })
  roles: ViewerRole[];
}
