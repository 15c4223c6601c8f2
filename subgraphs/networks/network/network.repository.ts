import type { Filter, IndexDescription } from "mongodb";
import { newId, Repository, type PageArgs, type StoredDocument } from "../../kit";
import type { NetworkingStrategy, NetworkScope } from "../enums";
import type { CreateNetworkInput, NetworksArgs } from "./network.inputs";

export interface NetworkDocument extends StoredDocument {
  name: string;
  organizationId: string;
  scope: NetworkScope;
  focusAreas: string[];
  description?: string | null;
  aim?: string | null;
  primaryStrategy?: NetworkingStrategy | null;
  region?: string | null;
  website?: string | null;
  createdAt: Date;
  updatedAt: Date;
  archivedAt?: Date | null;
}

export class NetworkRepository extends Repository<NetworkDocument> {
  readonly collectionName = "networks";
  readonly indexes: IndexDescription[] = [
    { key: { organizationId: 1, name: 1 } },
    { key: { name: 1 } },
    { key: { focusAreas: 1 } },
  ];

  list(args: NetworksArgs) {
    const filter: Filter<NetworkDocument> = {};
    if (args.organizationId) filter.organizationId = args.organizationId;
    if (args.scope) filter.scope = args.scope;
    if (args.focusArea) filter.focusAreas = args.focusArea;
    if (args.primaryStrategy) filter.primaryStrategy = args.primaryStrategy;
    if (!args.includeArchived) filter.archivedAt = null;
    return this.page(filter, [["name", 1]], args);
  }

  /** One page of the given networks by name, archived ones left out (lists of a caller's own networks). */
  listByIds(ids: readonly string[], args: PageArgs) {
    return this.page({ _id: { $in: [...ids] }, archivedAt: null }, [["name", 1]], args);
  }

  async idsOperatedBy(organizationId: string): Promise<string[]> {
    const docs = await this.collection.find({ organizationId, archivedAt: null }, { projection: { _id: 1 } }).toArray();
    return docs.map((doc) => doc._id);
  }

  create(input: CreateNetworkInput) {
    const now = new Date();
    return this.insert({ _id: newId(), ...input, createdAt: now, updatedAt: now, archivedAt: null });
  }
}
