import { createHash } from "node:crypto";
import type { IndexDescription } from "mongodb";
import { Repository, toEntity, type PageArgs, type StoredDocument } from "../../kit";
import type { ApiKeyScope } from "../enums";

export interface ApiKeyDocument extends StoredDocument {
  organizationId: string;
  name: string;
  canWrite: boolean;
  /** Absent on keys created before scopes existed: none. */
  scopes?: ApiKeyScope[];
  prefix: string;
  /** SHA-256 of the key: the key itself is never stored. */
  keyHash: string;
  createdBy: string | null;
  createdAt: Date;
  lastUsedAt?: Date | null;
  revokedAt?: Date | null;
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export class ApiKeyRepository extends Repository<ApiKeyDocument> {
  readonly collectionName = "api_keys";
  readonly indexes: IndexDescription[] = [{ key: { keyHash: 1 }, unique: true }, { key: { organizationId: 1, createdAt: 1 } }];

  /** The active key with this secret, marking it used; null when unknown or revoked. */
  async useKey(key: string) {
    const doc = await this.collection.findOneAndUpdate(
      { keyHash: hashApiKey(key), revokedAt: null },
      { $set: { lastUsedAt: new Date() } },
      { returnDocument: "after" },
    );
    return doc ? toEntity(doc) : null;
  }

  /** An organization's keys, revoked ones included, oldest first. */
  listForOrganization(organizationId: string, args: PageArgs) {
    return this.page({ organizationId }, [["createdAt", 1]], args);
  }

  async revoke(id: string) {
    const doc = await this.collection.findOneAndUpdate({ _id: id, revokedAt: null }, { $set: { revokedAt: new Date() } }, { returnDocument: "after" });
    return doc ? toEntity(doc) : null;
  }
}
