import type { Filter, IndexDescription } from "mongodb";
import { newId, pagesByGroup, pagesThroughLink, Repository, type Link, type StoredDocument } from "../../kit";
import type { NetworkingStrategy, NetworkScope } from "../enums";
import type { CreateNetworkInput, NetworkListArgs, NetworksArgs } from "./network.inputs";

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

function filterOf(args: NetworksArgs): Filter<NetworkDocument> {
  const filter: Filter<NetworkDocument> = {};
  if (args.organizationId) filter.organizationId = args.organizationId;
  if (args.scope) filter.scope = args.scope;
  if (args.focusArea) filter.focusAreas = args.focusArea;
  if (args.primaryStrategy) filter.primaryStrategy = args.primaryStrategy;
  if (!args.includeArchived) filter.archivedAt = null;
  return filter;
}

export class NetworkRepository extends Repository<NetworkDocument> {
  readonly collectionName = "networks";
  readonly indexes: IndexDescription[] = [
    { key: { organizationId: 1, name: 1 } },
    { key: { name: 1 } },
    { key: { focusAreas: 1 } },
  ];

  list(args: NetworksArgs) {
    return this.page(filterOf(args), [["name", 1]], args);
  }

  /** One page per organization of the networks it operates, by name, filtered as `list` is. */
  pagesForOrganizations(organizationIds: readonly string[], args: NetworkListArgs) {
    return pagesByGroup(this.collection, "organizationId", organizationIds, filterOf(args), [["name", 1]], args);
  }

  /** One page per parent of the networks `link` joins to it, by name, filtered as `list` is. */
  pagesThrough(link: Link, parentIds: readonly string[], args: NetworksArgs) {
    return pagesThroughLink(this.collection, link, parentIds, filterOf(args), [["name", 1]], args);
  }

  /** One page of the given networks by name, filtered as `list` is (lists of a caller's own networks). */
  listByIds(ids: readonly string[], args: NetworksArgs) {
    return this.page({ $and: [{ _id: { $in: [...ids] } }, filterOf(args)] }, [["name", 1]], args);
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
