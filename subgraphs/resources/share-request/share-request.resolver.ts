import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { ResourcesContext } from "../context";
import { ShareRequestStatus } from "../enums";
import { School, schoolReference } from "../federation/entities";
import { Resource } from "../resource/resource";
import { ShareRequest, ShareRequestConnection } from "./share-request";
import { RequestResourceInput, ShareRequestsArgs } from "./share-request.inputs";

@Resolver(() => ShareRequest)
export class ShareRequestResolver {
  @Query(() => ShareRequest, { nullable: true, description: "A share request by id; null when there is none you may see (the requesting school's staff and the resource's owner see it)." })
  shareRequest(@Arg("id", () => ID, { description: "The request's id." }) id: string, @Ctx() { loaders }: ResourcesContext) {
    return loaders.shareRequestById.load(id);
  }

  @Query(() => ShareRequestConnection, { description: "Share requests you may see (as the requesting school's staff or the resource's owner), newest first, by resource, requester, owner or status." })
  shareRequests(@Args() args: ShareRequestsArgs, @Ctx() { access, repos }: ResourcesContext) {
    return repos.shareRequests.list(access, args);
  }

  @FieldResolver(() => Resource, { nullable: true, description: "The resource asked for; null when you may not see it (its owner may have narrowed it since)." })
  resource(@Root() request: ShareRequest, @Ctx() { loaders }: ResourcesContext) {
    return loaders.resourceById.load(request.resourceId);
  }

  @FieldResolver(() => School, { description: "The school asking." })
  requester(@Root() request: ShareRequest): School {
    return schoolReference(request.requesterSchoolId);
  }

  @Mutation(() => ShareRequest, {
    description: "A school asks to use or borrow a resource you may see: for the school's staff. CONFLICT if it already has an open request for it.",
  })
  requestResource(@Arg("input", { description: "The resource, the asking school and its message." }) input: RequestResourceInput, @Ctx() { access, services }: ResourcesContext) {
    return services.shareRequests.request(access, input);
  }

  @Mutation(() => ShareRequest, { description: "The resource's owner (its school's staff or its network's coordinators) approves a REQUESTED request; otherwise CONFLICT." })
  approveShareRequest(
    @Arg("id", () => ID, { description: "The request's id." }) id: string,
    @Arg("note", () => String, { description: "A note for the school, 1 to 4000 characters.", nullable: true }) note: string | null,
    @Ctx() { access, services }: ResourcesContext,
  ) {
    return services.shareRequests.transition(access, id, ShareRequestStatus.APPROVED, note);
  }

  @Mutation(() => ShareRequest, { description: "The resource's owner declines a REQUESTED request; otherwise CONFLICT." })
  declineShareRequest(
    @Arg("id", () => ID, { description: "The request's id." }) id: string,
    @Arg("note", () => String, { description: "Why, for the school, 1 to 4000 characters.", nullable: true }) note: string | null,
    @Ctx() { access, services }: ResourcesContext,
  ) {
    return services.shareRequests.transition(access, id, ShareRequestStatus.DECLINED, note);
  }

  @Mutation(() => ShareRequest, { description: "The resource's owner records that an APPROVED request was fulfilled; otherwise CONFLICT." })
  fulfillShareRequest(
    @Arg("id", () => ID, { description: "The request's id." }) id: string,
    @Arg("note", () => String, { description: "How it was fulfilled, 1 to 4000 characters.", nullable: true }) note: string | null,
    @Ctx() { access, services }: ResourcesContext,
  ) {
    return services.shareRequests.transition(access, id, ShareRequestStatus.FULFILLED, note);
  }
}
