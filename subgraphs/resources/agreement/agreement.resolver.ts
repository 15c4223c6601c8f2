import { Arg, Args, Ctx, FieldResolver, Float, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { ResourcesContext } from "../context";
import { School, schoolReference } from "../federation/entities";
import { Agreement, AgreementConnection, AgreementCost, AgreementParty, type StoredParty } from "./agreement";
import { AgreementConsent, AgreementStatus } from "./agreement.enums";
import { AgreementFilterArgs, AgreementsArgs, ProposeAgreementInput } from "./agreement.inputs";
import { agreementStatus } from "./agreement.service";

const NOTE = { nullable: true, description: "What the school says with its answer, 1 to 2000 characters." } as const;

@Resolver(() => Agreement)
export class AgreementResolver {
  @Query(() => Agreement, { nullable: true, description: "An agreement by id; null unless you are staff of a school in it or asked to join it." })
  agreement(@Arg("id", () => ID, { description: "The agreement's id." }) id: string, @Ctx() { loaders }: ResourcesContext) {
    return loaders.agreementById.load(id);
  }

  @Query(() => AgreementConnection, {
    description: "Agreements you may see, newest first: those of `schoolId`, or of the schools you are staff of, with the filters of `School.agreements`.",
  })
  agreements(@Args() args: AgreementsArgs, @Ctx() { access, repos }: ResourcesContext) {
    return repos.agreements.list(access, args);
  }

  @FieldResolver(() => AgreementStatus, { description: "PROPOSED while a school has not answered; then IN_FORCE (two schools in it or more) or FAILED." })
  status(@Root() agreement: Agreement): AgreementStatus {
    return agreementStatus(agreement.parties);
  }

  @FieldResolver(() => School, { description: "The school that proposed it." })
  proposedBy(@Root() agreement: Agreement): School {
    return schoolReference(agreement.owner.schoolId!);
  }

  @Mutation(() => Agreement, {
    description: "A school's staff propose shared staff or a joint purchase to other schools; their school accepts by proposing, each other school answers for itself.",
  })
  proposeAgreement(@Arg("input", { description: "What is shared, the period, and every school with its share." }) input: ProposeAgreementInput, @Ctx() { access, services }: ResourcesContext) {
    return services.agreements.propose(access, input);
  }

  @Mutation(() => Agreement, { description: "A school's own staff accept an agreement it is asked to join: from then on the school is in it. CONFLICT once it answered." })
  acceptAgreement(
    @Arg("id", () => ID, { description: "The agreement's id." }) id: string,
    @Arg("schoolId", () => ID, { description: "The school answering: one you are staff of." }) schoolId: string,
    @Arg("note", () => String, NOTE) note: string | null,
    @Ctx() { access, services }: ResourcesContext,
  ) {
    return services.agreements.answer(access, id, schoolId, AgreementConsent.ACCEPTED, note);
  }

  @Mutation(() => Agreement, { description: "A school's own staff decline an agreement it is asked to join: it stays out and no longer sees it. CONFLICT once it answered." })
  declineAgreement(
    @Arg("id", () => ID, { description: "The agreement's id." }) id: string,
    @Arg("schoolId", () => ID, { description: "The school answering: one you are staff of." }) schoolId: string,
    @Arg("note", () => String, NOTE) note: string | null,
    @Ctx() { access, services }: ResourcesContext,
  ) {
    return services.agreements.answer(access, id, schoolId, AgreementConsent.DECLINED, note);
  }
}

@Resolver(() => AgreementParty)
export class AgreementPartyResolver {
  @FieldResolver(() => School, { description: "The school." })
  school(@Root() party: StoredParty): School {
    return schoolReference(party.schoolId);
  }

  @FieldResolver(() => Float, { nullable: true, description: "Shared staff: the school's share of the position, a fraction of full time (0.4 = two days a week)." })
  timeShare(@Root() party: StoredParty): number | null {
    return party.timeShareMilli == null ? null : party.timeShareMilli / 1000;
  }

  @FieldResolver(() => AgreementCost, { nullable: true, description: "The school's share of the cost, in the agreement's currency." })
  cost(@Root() party: StoredParty): AgreementCost | null {
    return party.cost && { amount: party.cost.amountMinor / 100, currency: party.cost.currency };
  }
}

@Resolver(() => School)
export class SchoolAgreementsResolver {
  @FieldResolver(() => AgreementConnection, {
    description:
      "Shared staff and joint purchasing agreements the school is in (its staff accepted), newest first; with includeProposals also those it " +
      "is asked to join. Seen by the staff of the schools in each agreement only.",
  })
  agreements(@Root() school: School, @Args() args: AgreementFilterArgs, @Ctx() { access, repos, loaders }: ResourcesContext) {
    return loaders.pages.load("agreements", args, school.id, (ids) => repos.agreements.pagesForSchools(access, ids, args));
  }
}
