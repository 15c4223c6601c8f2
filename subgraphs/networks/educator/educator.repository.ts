import type { IndexDescription } from "mongodb";
import { newId, Repository, type PageArgs, type StoredDocument } from "../../kit";
import type { EducatorRole } from "../enums";
import type { CreateEducatorInput } from "./educator.inputs";

export interface EducatorDocument extends StoredDocument {
  name: string;
  role: EducatorRole;
  title?: string | null;
  schoolId?: string | null;
  networkId?: string | null;
  /** Personal data. */
  contact?: { email?: string | null; phone?: string | null } | null;
  createdAt: Date;
  updatedAt: Date;
}

export class EducatorRepository extends Repository<EducatorDocument> {
  readonly collectionName = "educators";
  readonly indexes: IndexDescription[] = [{ key: { schoolId: 1, name: 1 } }, { key: { networkId: 1, name: 1 } }];

  listForSchool(schoolId: string, args: PageArgs) {
    return this.page({ schoolId }, [["name", 1]], args);
  }

  create(input: CreateEducatorInput) {
    const now = new Date();
    return this.insert({ _id: newId(), ...input, createdAt: now, updatedAt: now });
  }
}
