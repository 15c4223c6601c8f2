import type { Document, Filter, IndexDescription } from "mongodb";
import { SecuredRepository, toEntity, type Access, type SortKeys, type StoredDocument, type Visibility } from "../../kit";
import type { ImprovementCyclePhase, ImprovementNextStep } from "../enums";
import type { OwnerRef } from "../shared/owner";
import { Policies } from "../policies";
import type { ImprovementCyclesArgs, NetworkImprovementCyclesArgs, SchoolImprovementCyclesArgs } from "./improvement-cycle.inputs";

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

const NEWEST_FIRST: SortKeys = [["createdAt", -1]];

function cycleFilter(args: Partial<ImprovementCyclesArgs>): Filter<ImprovementCycleDocument> {
  const filter: Filter<ImprovementCycleDocument> = {};
  if (args.networkId) filter.networkId = args.networkId;
  if (args.schoolId) filter.schoolIds = args.schoolId;
  if (args.phase) filter.phase = args.phase;
  return filter;
}

export class ImprovementCycleRepository extends SecuredRepository<ImprovementCycleDocument> {
  readonly policy = Policies.improvementCycle;
  readonly collectionName = "improvement_cycles";
  readonly indexes: IndexDescription[] = [
    { key: { networkId: 1, createdAt: -1 } },
    { key: { schoolIds: 1, createdAt: -1 } },
    { key: { createdAt: -1 } },
  ];

  list(access: Access, args: ImprovementCyclesArgs) {
    return this.pageReadable(access, cycleFilter(args), NEWEST_FIRST, args);
  }

  /** One page per school of the cycles it takes part in, that `access` may read. */
  pagesForSchools(access: Access, schoolIds: readonly string[], args: SchoolImprovementCyclesArgs) {
    return this.pagesByGroupReadable(access, "schoolIds", schoolIds, cycleFilter(args), NEWEST_FIRST, args);
  }

  pagesForNetworks(access: Access, networkIds: readonly string[], args: NetworkImprovementCyclesArgs) {
    return this.pagesByGroupReadable(access, "networkId", networkIds, cycleFilter(args), NEWEST_FIRST, args);
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
