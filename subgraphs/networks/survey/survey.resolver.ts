import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, UseMiddleware } from "type-graphql";
import { PageArgs, RedactInAudit } from "../../kit";
import type { NetworksContext } from "../context";
import { Network } from "../network/network";
import { HealthSurvey, HealthSurveyConnection, SurveyInstrument, SurveyInstrumentConnection, SurveyItemResultConnection } from "./survey";
import { CreateSurveyInstrumentInput, LaunchHealthSurveyInput, RespondToHealthSurveyInput } from "./survey.inputs";

/** The audit log records that the caller responded to the survey, never what they answered. */
const withoutAnswers = (args: Record<string, any>) => ({ input: { surveyId: args.input?.surveyId } });

@Resolver(() => HealthSurvey)
export class HealthSurveyResolver {
  @Query(() => HealthSurvey, { nullable: true, description: "A network health survey, for the network's members." })
  healthSurvey(@Arg("id", () => ID, { description: "The survey's id." }) id: string, @Ctx() { access, repos }: NetworksContext) {
    return repos.healthSurveys.findReadableById(access, id);
  }

  @FieldResolver(() => Network, { nullable: true, description: "The network surveyed." })
  network(@Root() survey: HealthSurvey, @Ctx() { loaders }: NetworksContext) {
    return loaders.networkById.load(survey.networkId);
  }

  @FieldResolver(() => SurveyInstrument, { nullable: true, description: "The instrument it runs." })
  instrument(@Root() survey: HealthSurvey, @Ctx() { repos }: NetworksContext) {
    return repos.surveyInstruments.findById(survey.instrumentId);
  }

  @FieldResolver(() => SurveyItemResultConnection, {
    description: "Results per item, in the instrument's order: only once the survey is closed, and only for items at least HUB_SURVEY_MIN_RESPONSES educators answered.",
  })
  results(@Root() survey: HealthSurvey, @Args() args: PageArgs, @Ctx() { services }: NetworksContext) {
    return services.surveys.results(survey, args);
  }

  @Mutation(() => SurveyInstrument, { description: "Creates a survey instrument (items with scales). The network's managers." })
  createSurveyInstrument(@Arg("input", { description: "The instrument and its items." }) input: CreateSurveyInstrumentInput, @Ctx() { access, services }: NetworksContext) {
    return services.surveys.createInstrument(access, input);
  }

  @Mutation(() => HealthSurvey, { description: "Launches a survey of the network's educators from an instrument. The network's managers." })
  launchHealthSurvey(@Arg("input", { description: "The network, instrument and title." }) input: LaunchHealthSurveyInput, @Ctx() { access, services }: NetworksContext) {
    return services.surveys.launch(access, input);
  }

  @Mutation(() => HealthSurvey, {
    description: "Responds to an open survey, once, anonymously: staff of the network's accepted member schools. The answers are stored with nothing linking them to the respondent.",
  })
  @UseMiddleware(RedactInAudit(withoutAnswers))
  respondToHealthSurvey(@Arg("input", { description: "The survey and the answers." }) input: RespondToHealthSurveyInput, @Ctx() { access, services }: NetworksContext) {
    return services.surveys.respond(access, input);
  }

  @Mutation(() => HealthSurvey, { description: "Closes a survey: no more responses, and its results are tallied once and frozen. The network's managers." })
  closeHealthSurvey(@Arg("id", () => ID, { description: "The survey's id." }) id: string, @Ctx() { access, services }: NetworksContext) {
    return services.surveys.close(access, id);
  }
}

@Resolver(() => Network)
export class NetworkSurveysResolver {
  @FieldResolver(() => HealthSurveyConnection, { description: "The network's health surveys the caller may see, newest first: its health over time." })
  healthSurveys(@Root() network: Network, @Args() args: PageArgs, @Ctx() { access, repos }: NetworksContext) {
    return repos.healthSurveys.listForNetwork(access, network.id, args);
  }

  @FieldResolver(() => SurveyInstrumentConnection, { description: "The network's survey instruments the caller may read, by name." })
  surveyInstruments(@Root() network: Network, @Args() args: PageArgs, @Ctx() { access, repos }: NetworksContext) {
    return repos.surveyInstruments.listForNetwork(access, network.id, args);
  }
}
