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

  @Field(() => Number, { nullable: true })
  baseline?: number | null;

  @Field(() => Number, { nullable: true })
  target?: number | null;

  @Field(() => Number, { nullable: true, description: "Recorded in the Study phase." })
  result?: number | null;
}

@ObjectType({ description: "When a cycle entered a phase." })
export class ImprovementPhaseChange {
  @Field(() => ImprovementCyclePhase)
  phase: ImprovementCyclePhase;

  @Field()
  enteredAt: Date;
}

@Directive(`@key(fields: "id")`)
@ObjectType({
  description:
    "A Plan-Do-Study-Act improvement cycle: aim, change idea, prediction and measures (Plan), observations (Do), results (Study), " +
    "next step (Act). Phases advance only in order, and each part is written in its own phase.",
})
export class ImprovementCycle {
  @Field(() => ID)
  id: string;

  @Field()
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

  @Field(() => [ImprovementMeasure])
  measures: ImprovementMeasure[];

  @Field(() => String, { nullable: true, description: "What happened while carrying out the change (Do)." })
  observations?: string | null;

  @Field(() => String, { nullable: true, description: "What the data showed against the prediction (Study)." })
  results?: string | null;

  @Field(() => ImprovementNextStep, { nullable: true, description: "Adopt, adapt or abandon the change (Act)." })
  nextStep?: ImprovementNextStep | null;

  @Field(() => String, { nullable: true })
  nextStepNote?: string | null;

  @Field(() => ImprovementCyclePhase)
  phase: ImprovementCyclePhase;

  @Field(() => [ImprovementPhaseChange])
  phaseHistory: ImprovementPhaseChange[];

  previousCycleId?: string | null;

  @Field(() => Visibility)
  visibility: Visibility;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}

@ObjectType()
export class ImprovementCycleConnection extends ConnectionType(ImprovementCycle) {}
