import type { Filter, IndexDescription } from "mongodb";
import { newId, Repository, type PageArgs, type StoredDocument } from "../../kit";
import type { OrganizationKind } from "../enums";
import type { Location } from "../location";
import type { CreateOrganizationInput } from "./organization.inputs";

export interface OrganizationDocument extends StoredDocument {
  name: string;
  kind: OrganizationKind;
  description?: string | null;
  website?: string | null;
  location?: Location | null;
  createdAt: Date;
  updatedAt: Date;
  archivedAt?: Date | null;
}

export class OrganizationRepository extends Repository<OrganizationDocument> {
  readonly collectionName = "organizations";
  readonly indexes: IndexDescription[] = [{ key: { kind: 1, name: 1 } }, { key: { name: 1 } }];

  list(args: PageArgs & { kind?: OrganizationKind | null; includeArchived: boolean }) {
    const filter: Filter<OrganizationDocument> = {};
    if (args.kind) filter.kind = args.kind;
    if (!args.includeArchived) filter.archivedAt = null;
    return this.page(filter, [["name", 1]], args);
  }

  create(input: CreateOrganizationInput) {
    const now = new Date();
    return this.insert({ _id: newId(), ...input, createdAt: now, updatedAt: now, archivedAt: null });
  }
}
