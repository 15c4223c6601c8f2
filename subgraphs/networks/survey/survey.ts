import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { ConnectionType, Visibility, type PolicyOwner } from "../../kit";
import { HealthSurveyStatus } from "./survey-enums";
import { SurveyResultSuppression, type ItemTally } from "./survey-results";

@ObjectType({ description: "The answer scale of a survey item: whole numbers from minimum to maximum." })
export class SurveyScale {
  @Field(() => Int, { description: "The lowest answer, e.g. 1." })
  minimum: number;

  @Field(() => Int, { description: "The highest answer, e.g. 5." })
  maximum: number;

  @Field({ description: "What the lowest answer means, e.g. Strongly disagree." })
  minimumLabel: string;

  @Field({ description: "What the highest answer means, e.g. Strongly agree." })
  maximumLabel: string;
}

@ObjectType({ description: "One statement of an instrument that educators rate on its scale." })
export class SurveyItem {
  @Field({ description: "The item's key, unique within its instrument (answers name it)." })
  key: string;

  @Field({ description: "What it measures, e.g. relational trust, shared purpose, collaborative practice." })
  construct: string;

  @Field({ description: "The statement, e.g. Educators in this network trust each other." })
  text: string;

  @Field(() => SurveyScale, { description: "Its answer scale." })
  scale: SurveyScale;
}

@ObjectType({ description: "A survey instrument a network runs to gauge its health (seed 001: relational trust; seed 003: needs and capacity)." })
export class SurveyInstrument {
  @Field(() => ID, { description: "The instrument's id." })
  id: string;

  networkId: string;

  @Field({ description: "Its name, e.g. Network health: trust, purpose, practice." })
  name: string;

  @Field(() => String, { nullable: true, description: "What it is for and where its items come from." })
  description: string | null;

  @Field(() => [SurveyItem], { description: "Its items, in order (at most 50; fixed once created, so surveys over time compare)." })
  items: SurveyItem[];

  @Field(() => Visibility, { description: "Who may read it (and launch surveys from it, within their own network): PRIVATE, NETWORK or PUBLIC." })
  visibility: Visibility;

  @Field({ description: "When it was created." })
  createdAt: Date;
}

@ObjectType({ description: "A page of survey instruments." })
export class SurveyInstrumentConnection extends ConnectionType(SurveyInstrument) {}

@ObjectType({ description: "How many respondents chose one point of an item's scale." })
export class SurveyScaleCount {
  @Field(() => Int, { description: "The scale point." })
  value: number;

  @Field(() => Int, { description: "How many chose it." })
  count: number;
}

@ObjectType({ description: "An item's results over a closed survey's responses; withheld below the minimum of responses." })
export class SurveyItemResult {
  @Field(() => SurveyItem, { description: "The item." })
  item: SurveyItem;

  @Field(() => SurveyResultSuppression, { nullable: true, description: "Why the results are withheld; null when they are shown." })
  suppressed: SurveyResultSuppression | null;

  @Field(() => Int, { nullable: true, description: "How many educators answered it; null while the survey is open." })
  responseCount: number | null;

  @Field(() => Float, { nullable: true, description: "The mean answer; null when withheld." })
  mean: number | null;

  @Field(() => [SurveyScaleCount], { nullable: true, description: "How many chose each scale point, lowest first; null when withheld." })
  distribution: SurveyScaleCount[] | null;
}

@ObjectType({ description: "A page of a survey's results per item, in the instrument's order." })
export class SurveyItemResultConnection extends ConnectionType(SurveyItemResult) {}

@ObjectType({ description: "A network health survey: educators of the network's member schools respond once, anonymously." })
export class HealthSurvey {
  @Field(() => ID, { description: "The survey's id." })
  id: string;

  networkId: string;

  instrumentId: string;

  @Field({ description: "Its title, e.g. Spring 2024 network health survey." })
  title: string;

  @Field(() => HealthSurveyStatus, { description: "Whether it takes responses." })
  status: HealthSurveyStatus;

  @Field(() => Int, { description: "How many educators have responded." })
  responseCount: number;

  @Field({ description: "When it was launched." })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: "When it was closed; null while open." })
  closedAt: Date | null;

  owner: PolicyOwner;

  tallies: ItemTally[] | null;
}

@ObjectType({ description: "A page of network health surveys, newest first." })
export class HealthSurveyConnection extends ConnectionType(HealthSurvey) {}
