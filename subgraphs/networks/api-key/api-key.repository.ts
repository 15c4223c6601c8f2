import { createHash } from "node:crypto";
import type { IndexDescription } from "mongodb";
import { Repository, toEntity, type StoredDocument } from "../../kit";
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

  async listForOrganization(organizationId: string) {
    return (await this.collection.find({ organizationId }).sort({ createdAt: 1 }).toArray()).map(toEntity);
  }

  async revoke(id: string) {
    const doc = await this.collection.findOneAndUpdate({ _id: id, revokedAt: null }, { $set: { revokedAt: new Date() } }, { returnDocument: "after" });
    return doc ? toEntity(doc) : null;
  }
}
