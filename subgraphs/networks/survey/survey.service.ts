import { createHmac, randomBytes } from "node:crypto";
import {
  assertCanWrite,
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  isDuplicateKeyError,
  newId,
  pageOfList,
  NotFoundError,
  Visibility,
  type Access,
  type Entity,
  type PageArgs,
} from "../../kit";
import type { NetworksAuthorization } from "../authorization";
import type { NetworksRepositories } from "../repositories";
import type { HealthSurvey, SurveyItemResult } from "./survey";
import { HealthSurveyStatus } from "./survey-enums";
import type { CreateSurveyInstrumentInput, LaunchHealthSurveyInput, RespondToHealthSurveyInput } from "./survey.inputs";
import { SurveyPolicies, type HealthSurveyDocument, type SurveyInstrumentDocument } from "./survey.repository";
import { meanOf, SurveyResultSuppression, tally } from "./survey-results";

export interface SurveySettings {
  /** An item's results show only when at least this many educators answered it (HUB_SURVEY_MIN_RESPONSES). */
  minimumResponses: number;
}

/**
 * Network health surveys: the network's managers create instruments and launch and close surveys; educators of
 * its accepted member schools respond once each, anonymously; results show per item once a survey is closed.
 */
export class SurveyService {
  constructor(
    private readonly repos: NetworksRepositories,
    private readonly authorization: NetworksAuthorization,
    private readonly settings: SurveySettings,
  ) {}

  async createInstrument(access: Access, input: CreateSurveyInstrumentInput) {
    this.authorization.assertManagesNetwork(access, input.networkId);
    await this.requireActiveNetwork(input.networkId);
    const keys = new Set<string>();
    input.items.forEach((item, i) => {
      if (keys.has(item.key)) throw new BadUserInputError(`Item key ${item.key} appears twice`, `input.items.${i}.key`);
      keys.add(item.key);
      const points = item.scale.maximum - item.scale.minimum + 1;
      if (points < 2 || points > 10) throw new BadUserInputError("A scale has 2 to 10 points", `input.items.${i}.scale.maximum`);
    });
    const now = new Date();
    const doc: SurveyInstrumentDocument = {
      _id: newId(),
      networkId: input.networkId,
      name: input.name.trim(),
      description: input.description?.trim() ?? null,
      items: input.items.map((item) => ({ key: item.key, construct: item.construct.trim(), text: item.text.trim(), scale: { ...item.scale } })),
      owner: { networkId: input.networkId, schoolId: null },
      visibility: input.visibility,
      createdAt: now,
      updatedAt: now,
    };
    SurveyPolicies.instrument.assertMayCreate(access, doc);
    return this.repos.surveyInstruments.insert(doc);
  }

  async launch(access: Access, input: LaunchHealthSurveyInput) {
    this.authorization.assertManagesNetwork(access, input.networkId);
    await this.requireActiveNetwork(input.networkId);
    const instrument = await this.repos.surveyInstruments.findReadableById(access, input.instrumentId);
    if (!instrument || (instrument.networkId !== input.networkId && instrument.visibility !== Visibility.PUBLIC)) {
      throw new BadUserInputError("The instrument is neither the network's own nor public", "input.instrumentId");
    }
    const now = new Date();
    const doc: HealthSurveyDocument = {
      _id: newId(),
      networkId: input.networkId,
      instrumentId: instrument.id,
      title: input.title.trim(),
      status: HealthSurveyStatus.OPEN,
      tokenSecret: randomBytes(32).toString("hex"),
      responseCount: 0,
      tallies: null,
      owner: { networkId: input.networkId, schoolId: null },
      visibility: Visibility.NETWORK,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
    };
    SurveyPolicies.survey.assertMayCreate(access, doc);
    return this.repos.healthSurveys.insert(doc);
  }

  /**
   * Stores the answers with nothing that links them to the educator; a one-way token (keyed by the survey's own
   * secret) records that they responded, so a second response is a CONFLICT. A refused response stores nothing.
   */
  async respond(access: Access, input: RespondToHealthSurveyInput) {
    assertCanWrite(access);
    // a survey the caller may not read is not there for them, whoever they are
    const survey = await this.repos.healthSurveys.requireReadable(access, input.surveyId);
    const { principal } = access;
    if (principal.kind !== "PERSON") throw new ForbiddenError("Only educators (people, not keys) respond to surveys");
    const accepted = await this.repos.memberships.findAcceptedBySchoolIds(access.schoolIds);
    if (!accepted.some((membership) => membership.networkId === survey.networkId)) {
      throw new ForbiddenError("Only educators of the network's member schools respond to its surveys");
    }
    if (survey.status !== HealthSurveyStatus.OPEN) throw new ConflictError(`${survey.title} is closed`);
    const instrument = await this.repos.surveyInstruments.findById(survey.instrumentId);
    if (!instrument) throw new NotFoundError("SurveyInstrument", survey.instrumentId);
    const answered = new Set<string>();
    input.answers.forEach((answer, i) => {
      const item = instrument.items.find((candidate) => candidate.key === answer.itemKey);
      if (!item) throw new BadUserInputError(`The survey has no item ${answer.itemKey}`, `input.answers.${i}.itemKey`);
      if (answered.has(answer.itemKey)) throw new BadUserInputError(`Item ${answer.itemKey} is answered twice`, `input.answers.${i}.itemKey`);
      answered.add(answer.itemKey);
      if (answer.value < item.scale.minimum || answer.value > item.scale.maximum) {
        throw new BadUserInputError(`Item ${answer.itemKey} takes ${item.scale.minimum} to ${item.scale.maximum}`, `input.answers.${i}.value`);
      }
    });
    const token = createHmac("sha256", survey.tokenSecret).update(`${access.organizationId ?? ""}:${principal.personId}`).digest("hex");
    try {
      await this.repos.surveyParticipations.insert({ _id: randomBytes(12).toString("hex"), token });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new ConflictError("You have already responded to this survey");
      throw error;
    }
    if (!(await this.repos.healthSurveys.countResponseWhileOpen(survey.id))) {
      await this.repos.surveyParticipations.remove(token);
      throw new ConflictError(`${survey.title} is closed`);
    }
    try {
      await this.repos.surveyResponses.add(survey.id, input.answers.map((answer) => ({ itemKey: answer.itemKey, value: answer.value })));
    } catch (error) {
      // nothing half-written: the educator may try again
      await this.repos.surveyParticipations.remove(token);
      await this.repos.healthSurveys.uncountResponse(survey.id);
      throw error;
    }
    return (await this.repos.healthSurveys.findById(survey.id))!;
  }

  /** Stops responses, then tallies them once: the results never change afterwards. */
  async close(access: Access, id: string) {
    const survey = await this.repos.healthSurveys.requireChangeable(access, id);
    if (!(await this.repos.healthSurveys.markClosed(survey.id))) throw new ConflictError(`${survey.title} is already closed`);
    const instrument = await this.repos.surveyInstruments.findById(survey.instrumentId);
    const tallies = tally(instrument?.items ?? [], await this.repos.surveyResponses.answersOf(survey.id));
    return (await this.repos.healthSurveys.freezeTallies(survey.id, tallies).then((doc) => doc && { ...doc, id: doc._id }))!;
  }

  /** The survey's results per item, in the instrument's order. */
  async results(survey: HealthSurvey | Entity<HealthSurveyDocument>, args: PageArgs) {
    const instrument = await this.repos.surveyInstruments.findById(survey.instrumentId);
    const results = (instrument?.items ?? []).map((item, order): SurveyItemResult & { order: number } => {
      const tallied = survey.tallies?.find((candidate) => candidate.itemKey === item.key);
      if (!survey.tallies || !tallied) return { order, item, suppressed: SurveyResultSuppression.SURVEY_OPEN, responseCount: null, mean: null, distribution: null };
      if (tallied.responseCount < this.settings.minimumResponses) {
        return { order, item, suppressed: SurveyResultSuppression.TOO_FEW_RESPONSES, responseCount: tallied.responseCount, mean: null, distribution: null };
      }
      return {
        order,
        item,
        suppressed: null,
        responseCount: tallied.responseCount,
        mean: meanOf(tallied, item.scale.minimum),
        distribution: tallied.counts.map((count, i) => ({ value: item.scale.minimum + i, count })),
      };
    });
    return pageOfList(results, [["order", 1]], (result) => result.order, args);
  }

  private async requireActiveNetwork(networkId: string): Promise<void> {
    const network = await this.repos.networks.findById(networkId);
    if (!network || network.archivedAt) throw new BadUserInputError(`No active network has id ${networkId}`, "input.networkId");
  }
}
