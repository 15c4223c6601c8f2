import { LocalDateResolver } from "graphql-scalars";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { ConnectionType, Provenance } from "../../kit";
import { ShareRequestStatus } from "../enums";

@ObjectType({ description: "One step of a share request's history." })
export class ShareRequestEvent {
  @Field(() => ShareRequestStatus, { description: "The status the request moved to." })
  status: ShareRequestStatus;

  @Field({ description: "When it moved." })
  at: Date;

  @Field(() => String, { description: "What the school or the owner said with the step.", nullable: true })
  note?: string | null;
}

@Directive(`@key(fields: "id")`)
@ObjectType({
  description:
    "A school asking to use or borrow a resource. It is REQUESTED, then APPROVED or DECLINED by the owner; an APPROVED request is " +
    "then FULFILLED. A school has at most one open (requested or approved) request per resource.",
})
export class ShareRequest {
  @Field(() => ID, { description: "The request's id." })
  id: string;

  resourceId: string;

  requesterSchoolId: string;

  @Field(() => String, { nullable: true, description: "What the school asks for and why." })
  message?: string | null;

  @Field(() => ShareRequestStatus, { description: "Where the request stands." })
  status: ShareRequestStatus;

  @Field(() => LocalDateResolver, { description: "The day the school asked." })
  requestedOn: string;

  @Field(() => [ShareRequestEvent], { description: "Every status the request went through, oldest first." })
  history: ShareRequestEvent[];

  @Field({ description: "When it was recorded." })
  createdAt: Date;

  @Field({ description: "When it last changed." })
  updatedAt: Date;

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}

@ObjectType({ description: "A page of share requests." })
export class ShareRequestConnection extends ConnectionType(ShareRequest) {}
