import { randomBytes } from "node:crypto";
import { assertCanWrite, ConflictError, ForbiddenError, newId, NotFoundError, type Access, type PageArgs } from "../../kit";
import type { NetworksRepositories } from "../repositories";
import type { CreateApiKeyInput } from "./api-key.inputs";
import { hashApiKey } from "./api-key.repository";

/** API keys are an organization admin's to create, list and revoke, for their own organization only. */
export class ApiKeyService {
  constructor(private readonly repos: NetworksRepositories) {}

  async create(access: Access, input: CreateApiKeyInput) {
    assertCanWrite(access);
    assertAdminOf(access, input.organizationId);
    const secret = `hub_${randomBytes(24).toString("base64url")}`;
    const apiKey = await this.repos.apiKeys.insert({
      _id: newId(),
      organizationId: input.organizationId,
      name: input.name,
      canWrite: input.canWrite,
      scopes: [...new Set(input.scopes)],
      prefix: secret.slice(0, 10),
      keyHash: hashApiKey(secret),
      createdBy: access.principal.kind === "PERSON" ? access.principal.personId : null,
      createdAt: new Date(),
      revokedAt: null,
    });
    return { apiKey, secret };
  }

  async list(access: Access, organizationId: string, args: PageArgs) {
    assertAdminOf(access, organizationId);
    return this.repos.apiKeys.listForOrganization(organizationId, args);
  }

  /** Another organization's key is, for the caller, not there (only its own admins list it). */
  async revoke(access: Access, id: string) {
    assertCanWrite(access);
    const key = await this.repos.apiKeys.findById(id);
    if (!key || !isAdminOf(access, key.organizationId)) throw new NotFoundError("ApiKey", id);
    const revoked = await this.repos.apiKeys.revoke(id);
    if (!revoked) throw new ConflictError(`API key ${id} is already revoked`);
    return revoked;
  }
}

function isAdminOf(access: Access, organizationId: string): boolean {
  return access.organizationAdmin && access.organizationId === organizationId;
}

function assertAdminOf(access: Access, organizationId: string): void {
  if (!isAdminOf(access, organizationId)) throw new ForbiddenError("Only the organization's admins manage its API keys");
}
