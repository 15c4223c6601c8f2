import { Directive, Field, ID, ObjectType } from "type-graphql";
import { ConnectionType, Visibility, Provenance } from "../../kit";
import { ImprovementCyclePhase, ImprovementNextStep } from "../enums";
import { DevelopmentOwner } from "../shared/owner";

@ObjectType({ description: "What a cycle measures, with its baseline, target and (once studied) result." })
export class ImprovementMeasure {
  @Field({ description: "e.g. share of ninth graders on track after the first semester." })
  name: string;

  @Field(() => String, { nullable: true, description: "e.g. percent, students, attendance days." })
  unit?: string | null;

  @Field(() => Number, { nullable: true, description: "The value before the change; null when unknown." })
  baseline?: number | null;

  @Field(() => Number, { nullable: true, description: "The value the cycle aims for; null when not set." })
  target?: number | null;

  @Field(() => Number, { nullable: true, description: "Recorded in the Study phase." })
  result?: number | null;
}

@ObjectType({ description: "When a cycle entered a phase." })
export class ImprovementPhaseChange {
  @Field(() => ImprovementCyclePhase, { description: "The phase entered." })
  phase: ImprovementCyclePhase;

  @Field({ description: "When the cycle entered it (UTC)." })
  enteredAt: Date;
}

@Directive(`@key(fields: "id")`)
@ObjectType({
  description:
    "A Plan-Do-Study-Act improvement cycle: aim, change idea, prediction and measures (Plan), observations (Do), results (Study), " +
    "next step (Act). Phases advance only in order, and each part is written in its own phase.",
})
export class ImprovementCycle {
  @Field(() => ID, { description: "The cycle's id." })
  id: string;

  @Field({ description: "A short name for the cycle, e.g. Ninth-grade on-track check-ins." })
  title: string;

  @Field(() => DevelopmentOwner, { description: "The school or network running the cycle." })
  owner: DevelopmentOwner;

  networkId?: string | null;

  schoolIds: string[];

  @Field({ description: "What is to be improved, by how much, by when (often the network's aim)." })
  aim: string;

  @Field(() => String, { nullable: true, description: "The change being tested." })
  changeIdea?: string | null;

  @Field(() => String, { nullable: true, description: "What the team expects to happen, and why." })
  prediction?: string | null;

  @Field(() => [ImprovementMeasure], { description: "What the cycle measures, with baselines, targets and results." })
  measures: ImprovementMeasure[];

  @Field(() => String, { nullable: true, description: "What happened while carrying out the change (Do)." })
  observations?: string | null;

  @Field(() => String, { nullable: true, description: "What the data showed against the prediction (Study)." })
  results?: string | null;

  @Field(() => ImprovementNextStep, { nullable: true, description: "Adopt, adapt or abandon the change (Act)." })
  nextStep?: ImprovementNextStep | null;

  @Field(() => String, { nullable: true, description: "Why the cycle's study leads to its next step; null until written." })
  nextStepNote?: string | null;

  @Field(() => ImprovementCyclePhase, { description: "The phase the cycle is in: PLAN, DO, STUDY, ACT, then COMPLETED." })
  phase: ImprovementCyclePhase;

  @Field(() => [ImprovementPhaseChange], { description: "Every phase the cycle entered, in order, with when." })
  phaseHistory: ImprovementPhaseChange[];

  previousCycleId?: string | null;

  @Field(() => Visibility, { description: "Who may see the record: PRIVATE (its owner's staff or managers), NETWORK (members of its network), ALLIANCE (also allied networks whose agreement shares this kind of data) or PUBLIC (everyone)." })
  visibility: Visibility;

  @Field({ description: "When the record was created (UTC)." })
  createdAt: Date;

  @Field({ description: "When the record last changed (UTC)." })
  updatedAt: Date;

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}

@ObjectType({ description: "A page of improvement cycles (Relay connection)." })
export class ImprovementCycleConnection extends ConnectionType(ImprovementCycle) {}
