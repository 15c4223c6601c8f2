import { Arg, Args, Ctx, FieldResolver, Float, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { ResourcesContext } from "../context";
import { School, schoolReference } from "../federation/entities";
import { SchoolAgreement, SchoolAgreementConnection, SchoolAgreementCost, SchoolAgreementParty, type StoredParty } from "./school-agreement";
import { SchoolAgreementConsent, SchoolAgreementStatus } from "./school-agreement.enums";
import { SchoolAgreementFilterArgs, SchoolAgreementsArgs, ProposeSchoolAgreementInput } from "./school-agreement.inputs";
import { agreementStatus } from "./school-agreement.service";

const NOTE = { nullable: true, description: "What the school says with its answer, 1 to 2000 characters." } as const;

@Resolver(() => SchoolAgreement)
export class SchoolAgreementResolver {
  @Query(() => SchoolAgreement, { nullable: true, description: "An agreement by id; null unless you are staff of a school in it or asked to join it." })
  schoolAgreement(@Arg("id", () => ID, { description: "The agreement's id." }) id: string, @Ctx() { loaders }: ResourcesContext) {
    return loaders.agreementById.load(id);
  }

  @Query(() => SchoolAgreementConnection, {
    description: "Agreements you may see, newest first: those of `schoolId`, or of the schools you are staff of, with the filters of `School.agreements`.",
  })
  schoolAgreements(@Args() args: SchoolAgreementsArgs, @Ctx() { access, repos }: ResourcesContext) {
    return repos.agreements.list(access, args);
  }

  @FieldResolver(() => SchoolAgreementStatus, { description: "PROPOSED while a school has not answered; then IN_FORCE (two schools in it or more) or FAILED." })
  status(@Root() agreement: SchoolAgreement): SchoolAgreementStatus {
    return agreementStatus(agreement.parties);
  }

  @FieldResolver(() => School, { description: "The school that proposed it." })
  proposedBy(@Root() agreement: SchoolAgreement): School {
    return schoolReference(agreement.owner.schoolId!);
  }

  @Mutation(() => SchoolAgreement, {
    description: "A school's staff propose shared staff or a joint purchase to other schools; their school accepts by proposing, each other school answers for itself.",
  })
  proposeSchoolAgreement(@Arg("input", { description: "What is shared, the period, and every school with its share." }) input: ProposeSchoolAgreementInput, @Ctx() { access, services }: ResourcesContext) {
    return services.agreements.propose(access, input);
  }

  @Mutation(() => SchoolAgreement, { description: "A school's own staff accept an agreement it is asked to join: from then on the school is in it. CONFLICT once it answered." })
  acceptSchoolAgreement(
    @Arg("id", () => ID, { description: "The agreement's id." }) id: string,
    @Arg("schoolId", () => ID, { description: "The school answering: one you are staff of." }) schoolId: string,
    @Arg("note", () => String, NOTE) note: string | null,
    @Ctx() { access, services }: ResourcesContext,
  ) {
    return services.agreements.answer(access, id, schoolId, SchoolAgreementConsent.ACCEPTED, note);
  }

  @Mutation(() => SchoolAgreement, { description: "A school's own staff decline an agreement it is asked to join: it stays out and no longer sees it. CONFLICT once it answered." })
  declineSchoolAgreement(
    @Arg("id", () => ID, { description: "The agreement's id." }) id: string,
    @Arg("schoolId", () => ID, { description: "The school answering: one you are staff of." }) schoolId: string,
    @Arg("note", () => String, NOTE) note: string | null,
    @Ctx() { access, services }: ResourcesContext,
  ) {
    return services.agreements.answer(access, id, schoolId, SchoolAgreementConsent.DECLINED, note);
  }
}

@Resolver(() => SchoolAgreementParty)
export class SchoolAgreementPartyResolver {
  @FieldResolver(() => School, { description: "The school." })
  school(@Root() party: StoredParty): School {
    return schoolReference(party.schoolId);
  }

  @FieldResolver(() => Float, { nullable: true, description: "Shared staff: the school's share of the position, a fraction of full time (0.4 = two days a week)." })
  timeShare(@Root() party: StoredParty): number | null {
    return party.timeShareMilli == null ? null : party.timeShareMilli / 1000;
  }

  @FieldResolver(() => SchoolAgreementCost, { nullable: true, description: "The school's share of the cost, in the agreement's currency." })
  cost(@Root() party: StoredParty): SchoolAgreementCost | null {
    return party.cost && { amount: party.cost.amountMinor / 100, currency: party.cost.currency };
  }
}

@Resolver(() => School)
export class SchoolAgreementsFieldResolver {
  @FieldResolver(() => SchoolAgreementConnection, {
    description:
      "Shared staff and joint purchasing agreements the school is in (its staff accepted), newest first; with includeProposals also those it " +
      "is asked to join. Seen by the staff of the schools in each agreement only.",
  })
  agreements(@Root() school: School, @Args() args: SchoolAgreementFilterArgs, @Ctx() { access, repos, loaders }: ResourcesContext) {
    return loaders.pages.load("agreements", args, school.id, (ids) => repos.agreements.pagesForSchools(access, ids, args));
  }
}
