import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { DevelopmentContext } from "../context";
import { PeerReviewFindingsAccess, PeerReviewRole } from "../enums";
import { Educator, entityRef, Network, School } from "../federation/entities";
import { PeerReview, PeerReviewConnection, PeerReviewFinding, PeerReviewParticipation, PeerReviewTeamMember } from "./peer-review";
import { PeerReviewsArgs, PlanPeerReviewInput, RecordPeerReviewFindingsArgs, SetPeerReviewFindingsAccessArgs } from "./peer-review.inputs";
import { participation } from "./peer-review.service";

@Resolver(() => PeerReview)
export class PeerReviewResolver {
  @Query(() => PeerReview, { nullable: true })
  peerReview(@Arg("id", () => ID) id: string, @Ctx() { loaders }: DevelopmentContext) {
    return loaders.peerReviewById.load(id);
  }

  @Query(() => PeerReviewConnection, { description: "Peer reviews, most recent first, by host, visiting school, network or status." })
  peerReviews(@Args() args: PeerReviewsArgs, @Ctx() { repos }: DevelopmentContext) {
    return repos.peerReviews.list(args);
  }

  @FieldResolver(() => School)
  hostSchool(@Root() review: PeerReview) {
    return entityRef(review.hostSchoolId);
  }

  @FieldResolver(() => Network, { nullable: true })
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

  @FieldResolver(() => Int)
  findingsCount(@Root() review: PeerReview): number {
    return review.findings.length;
  }

  @FieldResolver(() => [PeerReviewFinding], {
    nullable: true,
    description:
      "The findings when the host made them public; null otherwise. Schools read the findings they are entitled to through " +
      "`School.peerReviews` (host, named readers, and the visiting team when the host allows it).",
  })
  findings(@Root() review: PeerReview) {
    return review.findingsAccess === PeerReviewFindingsAccess.PUBLIC ? review.findings : null;
  }

  @Mutation(() => PeerReview, { description: "Plans a critical friends review of a host school by a team from other schools." })
  planPeerReview(@Arg("input") input: PlanPeerReviewInput, @Ctx() { services }: DevelopmentContext) {
    return services.peerReviews.plan(input);
  }

  @Mutation(() => PeerReview, { description: "Adds findings, once the visit has begun." })
  recordPeerReviewFindings(@Args() { id, findings }: RecordPeerReviewFindingsArgs, @Ctx() { services }: DevelopmentContext) {
    return services.peerReviews.recordFindings(id, findings);
  }

  @Mutation(() => PeerReview, { description: "Completes a planned review whose visit is over and whose findings are recorded." })
  completePeerReview(@Arg("id", () => ID) id: string, @Ctx() { services }: DevelopmentContext) {
    return services.peerReviews.complete(id);
  }

  @Mutation(() => PeerReview)
  cancelPeerReview(@Arg("id", () => ID) id: string, @Ctx() { services }: DevelopmentContext) {
    return services.peerReviews.cancel(id);
  }

  @Mutation(() => PeerReview, { description: "The host's decision on who may read the findings." })
  setPeerReviewFindingsAccess(@Args() { id, access, readerSchoolIds }: SetPeerReviewFindingsAccessArgs, @Ctx() { services }: DevelopmentContext) {
    return services.peerReviews.setFindingsAccess(id, access, readerSchoolIds);
  }
}

@Resolver(() => PeerReviewTeamMember)
export class PeerReviewTeamMemberResolver {
  @FieldResolver(() => School)
  school(@Root() member: PeerReviewTeamMember) {
    return entityRef(member.schoolId);
  }

  @FieldResolver(() => Educator, { nullable: true })
  educator(@Root() member: PeerReviewTeamMember) {
    return member.educatorId ? entityRef(member.educatorId) : null;
  }
}

@Resolver(() => School)
export class SchoolPeerReviewsResolver {
  @FieldResolver(() => [PeerReviewParticipation], {
    description: "Peer reviews the school hosted, visited or was named a reader of, most recent first, with the findings it may read.",
  })
  async peerReviews(
    @Root() school: School,
    @Arg("role", () => PeerReviewRole, { nullable: true }) role: PeerReviewRole | null,
    @Arg("readableOnly", { defaultValue: false, description: "Only reviews whose findings the school may read." }) readableOnly: boolean,
    @Ctx() { loaders }: DevelopmentContext,
  ) {
    const reviews = await loaders.peerReviewsBySchool.load(school.id);
    return reviews
      .map((review) => participation(review, school.id))
      .filter((entry) => (!role || entry.role === role) && (!readableOnly || entry.mayReadFindings));
  }
}

@Resolver(() => Network)
export class NetworkPeerReviewsResolver {
  @FieldResolver(() => [PeerReview], { description: "Peer reviews held as part of the network, most recent first." })
  peerReviews(@Root() network: Network, @Ctx() { loaders }: DevelopmentContext) {
    return loaders.peerReviewsByNetwork.load(network.id);
  }
}

@Resolver(() => Educator)
export class EducatorPeerReviewsResolver {
  @FieldResolver(() => [PeerReview], { description: "Peer reviews the educator visited as a team member, most recent first." })
  peerReviews(@Root() educator: Educator, @Ctx() { loaders }: DevelopmentContext) {
    return loaders.peerReviewsByTeamEducator.load(educator.id);
  }
}
