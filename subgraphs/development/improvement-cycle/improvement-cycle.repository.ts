import type { Document, Filter, IndexDescription } from "mongodb";
import { SecuredRepository, toEntity, type Access, type StoredDocument, type Visibility } from "../../kit";
import type { ImprovementCyclePhase, ImprovementNextStep } from "../enums";
import type { OwnerRef } from "../shared/owner";
import { Policies } from "../policies";
import type { ImprovementCyclesArgs } from "./improvement-cycle.inputs";

export interface ImprovementMeasureDocument {
  name: string;
  unit?: string | null;
  baseline?: number | null;
  target?: number | null;
  result?: number | null;
}

export interface ImprovementCycleDocument extends StoredDocument {
  title: string;
  owner: OwnerRef;
  networkId?: string | null;
  schoolIds: string[];
  aim: string;
  changeIdea?: string | null;
  prediction?: string | null;
  measures: ImprovementMeasureDocument[];
  observations?: string | null;
  results?: string | null;
  nextStep?: ImprovementNextStep | null;
  nextStepNote?: string | null;
  phase: ImprovementCyclePhase;
  phaseHistory: Array<{ phase: ImprovementCyclePhase; enteredAt: Date }>;
  previousCycleId?: string | null;
  visibility: Visibility;
  createdAt: Date;
  updatedAt: Date;
}

const NEWEST_FIRST = { createdAt: -1, _id: 1 } as const;

export class ImprovementCycleRepository extends SecuredRepository<ImprovementCycleDocument> {
  readonly policy = Policies.improvementCycle;
  readonly collectionName = "improvement_cycles";
  readonly indexes: IndexDescription[] = [
    { key: { networkId: 1, createdAt: -1 } },
    { key: { schoolIds: 1, createdAt: -1 } },
    { key: { createdAt: -1 } },
  ];

  list(access: Access, args: ImprovementCyclesArgs) {
    const filter: Filter<ImprovementCycleDocument> = {};
    if (args.networkId) filter.networkId = args.networkId;
    if (args.schoolId) filter.schoolIds = args.schoolId;
    if (args.phase) filter.phase = args.phase;
    return this.page(this.readable(access, filter), [["createdAt", -1]], args);
  }


  findBySchoolIds(access: Access, schoolIds: readonly string[]) {
    return this.findReadable(access, { schoolIds: { $in: [...schoolIds] } }, NEWEST_FIRST);
  }

  findByNetworkIds(access: Access, networkIds: readonly string[]) {
    return this.findReadable(access, { networkId: { $in: [...networkIds] } }, NEWEST_FIRST);
  }

  /** Writes changes only while the cycle is still in `phase`; null otherwise. */
  async updateInPhase(id: string, phase: ImprovementCyclePhase, changes: Partial<ImprovementCycleDocument>) {
    const set = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    const doc = await this.collection.findOneAndUpdate(
      { _id: id, phase },
      { $set: { ...set, updatedAt: new Date() } },
      { returnDocument: "after" },
    );
    return doc ? toEntity(doc) : null;
  }

  /** Moves the cycle from `from` to `to` in one atomic step; null when it is no longer in `from`. */
  async advance(id: string, from: ImprovementCyclePhase, to: ImprovementCyclePhase) {
    const now = new Date();
    const doc = await this.collection.findOneAndUpdate(
      { _id: id, phase: from },
      { $set: { phase: to, updatedAt: now }, $push: { phaseHistory: { phase: to, enteredAt: now } } } as Document,
      { returnDocument: "after" },
    );
    return doc ? toEntity(doc) : null;
  }
}
