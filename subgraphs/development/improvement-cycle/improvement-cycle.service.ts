import { assertCanWrite, BadUserInputError, ConflictError, newId, NotFoundError, type Access, type Entity } from "../../kit";
import { assertMayChange, assertMayWriteFor } from "../authorization";
import { DevelopmentOwnerKind, ImprovementCyclePhase } from "../enums";
import type { DevelopmentRepositories } from "../repositories";
import { toOwnerRef } from "../shared/owner";
import { Policies } from "../policies";
import type { StartImprovementCycleInput, UpdateImprovementCycleInput } from "./improvement-cycle.inputs";
import type { ImprovementCycleDocument } from "./improvement-cycle.repository";

const { PLAN, DO, STUDY, ACT, COMPLETED } = ImprovementCyclePhase;

/** The phases in order: a cycle only ever moves to the next one. */
export const PHASE_ORDER: readonly ImprovementCyclePhase[] = [PLAN, DO, STUDY, ACT, COMPLETED];

/** The phase in which each part of the cycle is written. */
const FIELD_PHASE: Partial<Record<keyof UpdateImprovementCycleInput, ImprovementCyclePhase>> = {
  aim: PLAN,
  changeIdea: PLAN,
  prediction: PLAN,
  measures: PLAN,
  observations: DO,
  results: STUDY,
  measureResults: STUDY,
  nextStep: ACT,
  nextStepNote: ACT,
};

type Cycle = Entity<ImprovementCycleDocument>;

/** What a cycle must hold before it leaves each phase. */
const EXIT_REQUIREMENTS: Partial<Record<ImprovementCyclePhase, (cycle: Cycle) => string | null>> = {
  [PLAN]: (cycle) =>
    !cycle.changeIdea
      ? "a change idea"
      : !cycle.prediction
        ? "a prediction"
        : cycle.measures.length === 0
          ? "at least one measure"
          : null,
  [DO]: (cycle) => (cycle.observations ? null : "observations from carrying out the change"),
  [STUDY]: (cycle) => (cycle.results ? null : "results compared with the prediction"),
  [ACT]: (cycle) => (cycle.nextStep ? null : "a next step (adopt, adapt or abandon)"),
};

/** Improvement cycle rules: Plan, Do, Study, Act, Completed, in this order only; each part is written in its phase. */
export class ImprovementCycleService {
  constructor(private readonly repos: DevelopmentRepositories) {}

  async start(access: Access, input: StartImprovementCycleInput) {
    assertCanWrite(access);
    const networkId = input.networkId ?? (input.owner.kind === DevelopmentOwnerKind.NETWORK ? input.owner.id : null);
    const owner = toOwnerRef(input.owner, networkId);
    if (owner.kind === DevelopmentOwnerKind.ORGANIZATION) {
      throw new BadUserInputError("An improvement cycle is run by a school or a network", "input.owner.kind");
    }
    assertMayWriteFor(access, owner);
    // a cycle the caller may not see does not exist for them
    if (input.previousCycleId && (await this.repos.improvementCycles.findReadableByIds(access, [input.previousCycleId])).length === 0) {
      throw new BadUserInputError(`No improvement cycle has id ${input.previousCycleId}`, "input.previousCycleId");
    }
    const schoolIds = [...new Set([...(owner.kind === DevelopmentOwnerKind.SCHOOL ? [owner.id] : []), ...input.schoolIds])];
    const now = new Date();
    return this.repos.improvementCycles.insert({
      _id: newId(),
      title: input.title,
      owner,
      networkId,
      schoolIds,
      aim: input.aim,
      changeIdea: input.changeIdea ?? null,
      prediction: input.prediction ?? null,
      measures: input.measures.map((measure) => ({ ...measure, result: null })),
      observations: null,
      results: null,
      nextStep: null,
      nextStepNote: null,
      phase: PLAN,
      phaseHistory: [{ phase: PLAN, enteredAt: now }],
      previousCycleId: input.previousCycleId ?? null,
      visibility: input.visibility,
      createdAt: now,
      updatedAt: now,
    });
  }

  async update(access: Access, id: string, input: UpdateImprovementCycleInput) {
    const cycle = await this.existing(access, id);
    if (cycle.phase === COMPLETED) throw new ConflictError(`${cycle.title} is completed`);
    for (const [field, value] of Object.entries(input)) {
      const phase = FIELD_PHASE[field as keyof UpdateImprovementCycleInput];
      if (value !== undefined && phase && phase !== cycle.phase) {
        throw new ConflictError(`${field} is written in the ${phase} phase; ${cycle.title} is in ${cycle.phase}`);
      }
    }
    const { measureResults, measures, ...rest } = input;
    const changes: Partial<ImprovementCycleDocument> = { ...rest };
    if (measures) changes.measures = measures.map((measure) => ({ ...measure, result: null }));
    if (measureResults) {
      const byName = new Map(measureResults.map((entry) => [entry.name, entry.result]));
      const unknown = measureResults.findIndex((entry) => !cycle.measures.some((measure) => measure.name === entry.name));
      if (unknown >= 0) throw new BadUserInputError(`${cycle.title} has no measure named ${measureResults[unknown].name}`, `input.measureResults.${unknown}.name`);
      changes.measures = cycle.measures.map((measure) => (byName.has(measure.name) ? { ...measure, result: byName.get(measure.name) } : measure));
    }
    const updated = await this.repos.improvementCycles.updateInPhase(id, cycle.phase, changes);
    if (!updated) throw new ConflictError(`${cycle.title} moved on from the ${cycle.phase} phase meanwhile`);
    return updated;
  }

  /** Moves the cycle to the next phase, once the current one holds what it must. */
  async advance(access: Access, id: string, to: ImprovementCyclePhase) {
    const cycle = await this.existing(access, id);
    const next = PHASE_ORDER[PHASE_ORDER.indexOf(cycle.phase) + 1];
    if (!next) throw new ConflictError(`${cycle.title} is completed`);
    if (to !== next) throw new ConflictError(`Phases advance only in order: ${cycle.title} is in ${cycle.phase}, so its next phase is ${next}`);
    const missing = EXIT_REQUIREMENTS[cycle.phase]?.(cycle);
    if (missing) throw new ConflictError(`${cycle.title} needs ${missing} before it leaves the ${cycle.phase} phase`);
    const advanced = await this.repos.improvementCycles.advance(id, cycle.phase, to);
    if (!advanced) throw new ConflictError(`${cycle.title} moved on from the ${cycle.phase} phase meanwhile`);
    return advanced;
  }

  /** The cycle, if `access` may see and change it: NOT_FOUND when it may not see it, FORBIDDEN when it may not change it. */
  private async existing(access: Access, id: string) {
    assertCanWrite(access);
    const cycle = await this.repos.improvementCycles.findById(id);
    if (!cycle) throw new NotFoundError("ImprovementCycle", id);
    assertMayChange(access, Policies.improvementCycle, cycle);
    return cycle;
  }
}
