import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, UseMiddleware } from "type-graphql";
import { mapNodes, RedactInAudit } from "../../kit";
import { callerMayReadFindings } from "../authorization";
import type { DevelopmentContext } from "../context";
import { Educator, entityRef, Network, School } from "../federation/entities";
import { PeerReview, PeerReviewConnection, PeerReviewFinding, PeerReviewParticipationConnection, PeerReviewTeamMember } from "./peer-review";
import { NetworkPeerReviewsArgs, PeerReviewsArgs, PlanPeerReviewInput, RecordPeerReviewFindingsArgs, SchoolPeerReviewsArgs, SetPeerReviewFindingsAccessArgs } from "./peer-review.inputs";
import { participation } from "./peer-review.service";

/**
 * The audit log records every mutation's arguments and organization admins read it, but findings are read
 * only as the host decides: the log keeps each finding's kind and focus question, not its text.
 */
const withholdFindings = (args: Record<string, any>) => ({
  ...args,
  findings: (args.findings as Array<{ kind?: unknown; focusQuestion?: unknown }>).map((finding) => ({
    kind: finding.kind,
    focusQuestion: finding.focusQuestion ?? null,
    text: "(withheld: findings are read as the host school decides)",
  })),
});

@Resolver(() => PeerReview)
export class PeerReviewResolver {
  @Query(() => PeerReview, { nullable: true, description: "A peer review by id; null when it does not exist or you may not see it." })
  peerReview(@Arg("id", () => ID, { description: "The review's id." }) id: string, @Ctx() { loaders }: DevelopmentContext) {
    return loaders.peerReviewById.load(id);
  }

  @Query(() => PeerReviewConnection, { description: "Peer reviews, most recent first, by host, visiting school, network or status." })
  peerReviews(@Args() args: PeerReviewsArgs, @Ctx() { access, repos }: DevelopmentContext) {
    return repos.peerReviews.list(access, args);
  }

  @FieldResolver(() => School, { description: "The school reviewed, which decides who reads the findings." })
  hostSchool(@Root() review: PeerReview) {
    return entityRef(review.hostSchoolId);
  }

  @FieldResolver(() => Network, { nullable: true, description: "The network the review is part of; null when none." })
  network(@Root() review: PeerReview) {
    return review.networkId ? entityRef(review.networkId) : null;
  }

  @FieldResolver(() => [School], { description: "The schools the visiting team comes from." })
  visitingSchools(@Root() review: PeerReview) {
    return review.teamSchoolIds.map(entityRef);
  }

  @FieldResolver(() => [School], { description: "Schools the host named as readers of the findings." })
  findingsReaders(@Root() review: PeerReview) {
    return review.findingsReaderSchoolIds.map(entityRef);
  }

  @FieldResolver(() => Int, { nullable: true, description: "How many findings were recorded; null, like the findings, for callers who may not read them." })
  findingsCount(@Root() review: PeerReview, @Ctx() { access }: DevelopmentContext): number | null {
    return callerMayReadFindings(access, review) ? review.findings.length : null;
  }

  @FieldResolver(() => [PeerReviewFinding], {
    nullable: true,
    description:
      "The findings, for callers the host lets read them: everyone when it made them public; otherwise staff of the host school, " +
      "of the schools it named, and of the visiting team's schools when it shares them with the team. Null for everyone else.",
  })
  findings(@Root() review: PeerReview, @Ctx() { access }: DevelopmentContext) {
    return callerMayReadFindings(access, review) ? review.findings : null;
  }

  @Mutation(() => PeerReview, { description: "Plans a critical friends review of a host school by a team from other schools." })
  planPeerReview(@Arg("input", { description: "The host school, the visit's dates, focus questions and visiting team." }) input: PlanPeerReviewInput, @Ctx() { access, services }: DevelopmentContext) {
    return services.peerReviews.plan(access, input);
  }

  @Mutation(() => PeerReview, { description: "Adds findings, once the visit has begun." })
  @UseMiddleware(RedactInAudit(withholdFindings))
  recordPeerReviewFindings(@Args() { id, findings }: RecordPeerReviewFindingsArgs, @Ctx() { access, services }: DevelopmentContext) {
    return services.peerReviews.recordFindings(access, id, findings);
  }

  @Mutation(() => PeerReview, { description: "Completes a planned review whose visit is over and whose findings are recorded." })
  completePeerReview(@Arg("id", () => ID, { description: "The review's id." }) id: string, @Ctx() { access, services }: DevelopmentContext) {
    return services.peerReviews.complete(access, id);
  }

  @Mutation(() => PeerReview, { description: "Cancels a planned review (the host school's staff). CONFLICT once completed or cancelled." })
  cancelPeerReview(@Arg("id", () => ID, { description: "The review's id." }) id: string, @Ctx() { access, services }: DevelopmentContext) {
    return services.peerReviews.cancel(access, id);
  }

  @Mutation(() => PeerReview, { description: "The host's decision on who may read the findings: its staff only." })
  setPeerReviewFindingsAccess(
    @Args() { id, access: findingsAccess, readerSchoolIds }: SetPeerReviewFindingsAccessArgs,
    @Ctx() { access, services }: DevelopmentContext,
  ) {
    return services.peerReviews.setFindingsAccess(access, id, findingsAccess, readerSchoolIds);
  }
}

@Resolver(() => PeerReviewTeamMember)
export class PeerReviewTeamMemberResolver {
  @FieldResolver(() => School, { description: "The school the team member comes from." })
  school(@Root() member: PeerReviewTeamMember) {
    return entityRef(member.schoolId);
  }

  @FieldResolver(() => Educator, { nullable: true, description: "The educator, when the hub knows them; null when only named." })
  educator(@Root() member: PeerReviewTeamMember) {
    return member.educatorId ? entityRef(member.educatorId) : null;
  }
}

@Resolver(() => School)
export class SchoolPeerReviewsResolver {
  @FieldResolver(() => PeerReviewParticipationConnection, {
    description:
      "Peer reviews the school hosted, visited or was named a reader of, that you may see, most recent first, with the school's role and " +
      "the findings it may read (shown to you when you may read them too); the filters of `Query.peerReviews`, with `role` in place of the host and visiting school.",
  })
  async peerReviews(@Root() school: School, @Args() args: SchoolPeerReviewsArgs, @Ctx() { access, loaders, repos }: DevelopmentContext) {
    const page = await loaders.pages.load("School.peerReviews", args, school.id, (ids) => repos.peerReviews.pagesInvolvingSchools(access, ids, args));
    return mapNodes(page, (review) => participation(access, review, school.id));
  }
}

@Resolver(() => Network)
export class NetworkPeerReviewsResolver {
  @FieldResolver(() => PeerReviewConnection, { description: "Peer reviews held as part of the network that you may see, most recent first; the filters of `Query.peerReviews`." })
  peerReviews(@Root() network: Network, @Args() args: NetworkPeerReviewsArgs, @Ctx() { access, loaders, repos }: DevelopmentContext) {
    return loaders.pages.load("Network.peerReviews", args, network.id, (ids) => repos.peerReviews.pagesForNetworks(access, ids, args));
  }
}

@Resolver(() => Educator)
export class EducatorPeerReviewsResolver {
  @FieldResolver(() => PeerReviewConnection, {
    description: "Peer reviews the educator visited as a member of the visiting team, that you may see, most recent first; the filters of `Query.peerReviews`.",
  })
  peerReviews(@Root() educator: Educator, @Args() args: PeerReviewsArgs, @Ctx() { access, loaders, repos }: DevelopmentContext) {
    return loaders.pages.load("Educator.peerReviews", args, educator.id, (ids) => repos.peerReviews.pagesForTeamEducators(access, ids, args));
  }
}
