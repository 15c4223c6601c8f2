import { randomBytes } from "node:crypto";
import type { IndexDescription } from "mongodb";
import { RecordPolicy, Repository, SecuredRepository, type Access, type PageArgs, type PolicyOwner, type StoredDocument, type Visibility } from "../../kit";
import type { HealthSurveyStatus } from "./survey-enums";
import type { ItemTally, SurveyAnswer } from "./survey-results";

/*
 * Instruments and surveys are the network's records; they are never ALLIANCE-visible (the inputs refuse it),
 * so the policies' alliance kind is never consulted.
 */
const KIND = "SCHOOL_PROFILES";

export const SurveyPolicies = {
  /** An instrument: the network's managers; its members when NETWORK; everyone when PUBLIC (others may run it too). */
  instrument: new RecordPolicy<SurveyInstrumentDocument>({ typeName: "SurveyInstrument", read: { kind: KIND }, writers: "the network's managers" }),
  /** A survey (NETWORK): the network's members see it and its results; its managers launch and close it. */
  survey: new RecordPolicy<HealthSurveyDocument>({ typeName: "HealthSurvey", read: { kind: KIND }, writers: "the network's managers" }),
};

export interface SurveyItemDocument {
  key: string;
  construct: string;
  text: string;
  scale: { minimum: number; maximum: number; minimumLabel: string; maximumLabel: string };
}

export interface SurveyInstrumentDocument extends StoredDocument {
  networkId: string;
  name: string;
  description: string | null;
  items: SurveyItemDocument[];
  owner: PolicyOwner;
  visibility: Visibility;
  createdAt: Date;
  updatedAt: Date;
}

export interface HealthSurveyDocument extends StoredDocument {
  networkId: string;
  instrumentId: string;
  title: string;
  status: HealthSurveyStatus;
  /** Keys the one-way participation tokens of this survey; never leaves the subgraph. */
  tokenSecret: string;
  responseCount: number;
  /** Frozen when the survey closes; null while it is open. */
  tallies: ItemTally[] | null;
  owner: PolicyOwner;
  visibility: Visibility;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
}

/** That someone responded, as a one-way token: no person, no answers, no link to the response. */
export interface SurveyParticipationDocument extends StoredDocument {
  token: string;
}

/** One response: its answers only (no person, no token, no time; a random id, not an ObjectId, which would carry one). */
export interface SurveyResponseDocument extends StoredDocument {
  surveyId: string;
  answers: SurveyAnswer[];
}

export class SurveyInstrumentRepository extends SecuredRepository<SurveyInstrumentDocument> {
  readonly policy = SurveyPolicies.instrument;
  readonly collectionName = "survey_instruments";
  readonly indexes: IndexDescription[] = [{ key: { networkId: 1, name: 1 } }];

  listForNetwork(access: Access, networkId: string, args: PageArgs) {
    return this.pageReadable(access, { networkId }, [["name", 1]], args);
  }
}

export class HealthSurveyRepository extends SecuredRepository<HealthSurveyDocument> {
  readonly policy = SurveyPolicies.survey;
  readonly collectionName = "health_surveys";
  readonly indexes: IndexDescription[] = [{ key: { networkId: 1, createdAt: -1 } }];

  listForNetwork(access: Access, networkId: string, args: PageArgs) {
    return this.pageReadable(access, { networkId }, [["createdAt", -1]], args);
  }

  /** Counts one more response if the survey is still open: false when it is not (closed meanwhile). */
  async countResponseWhileOpen(id: string): Promise<boolean> {
    const result = await this.collection.updateOne({ _id: id, status: "OPEN" as HealthSurveyStatus }, { $inc: { responseCount: 1 } });
    return result.modifiedCount === 1;
  }

  async uncountResponse(id: string): Promise<void> {
    await this.collection.updateOne({ _id: id }, { $inc: { responseCount: -1 } });
  }

  /** Stops responses (atomically: a response counted after this is refused); null when the survey was not open. */
  async markClosed(id: string) {
    const now = new Date();
    return this.collection.findOneAndUpdate(
      { _id: id, status: "OPEN" as HealthSurveyStatus },
      { $set: { status: "CLOSED" as HealthSurveyStatus, closedAt: now, updatedAt: now } },
      { returnDocument: "after" },
    );
  }

  async freezeTallies(id: string, tallies: ItemTally[]) {
    return this.collection.findOneAndUpdate({ _id: id }, { $set: { tallies } }, { returnDocument: "after" });
  }
}

/** Participations: one token per educator and survey (a unique index, also under concurrent responses). */
export class SurveyParticipationRepository extends Repository<SurveyParticipationDocument> {
  readonly collectionName = "survey_participations";
  readonly indexes: IndexDescription[] = [{ key: { token: 1 }, unique: true, name: "one_response_per_educator_and_survey" }];

  async remove(token: string): Promise<void> {
    await this.collection.deleteOne({ token });
  }
}

/**
 * Responses. No policy grants reading one, and this repository has no method returning them: only the survey's
 * closing reads them, to tally.
 */
export class SurveyResponseRepository extends Repository<SurveyResponseDocument> {
  readonly collectionName = "survey_responses";
  readonly indexes: IndexDescription[] = [{ key: { surveyId: 1 } }];

  async add(surveyId: string, answers: SurveyAnswer[]): Promise<void> {
    await this.collection.insertOne({ _id: randomBytes(12).toString("hex"), surveyId, answers });
  }

  answersOf(surveyId: string) {
    return this.collection.find({ surveyId }, { projection: { _id: 0, answers: 1 } }).toArray();
  }
}
