import { requireFound, type Access } from "../../kit";
import type { NetworksAuthorization } from "../authorization";
import type { NetworksRepositories } from "../repositories";
import type { CreateOrganizationInput, UpdateOrganizationInput } from "./organization.inputs";

/** Organizations: anyone who can write registers one; its admins change it. */
export class OrganizationService {
  constructor(
    private readonly repos: NetworksRepositories,
    private readonly authorization: NetworksAuthorization,
  ) {}

  create(access: Access, input: CreateOrganizationInput) {
    this.authorization.assertCanWrite(access);
    return this.repos.organizations.create(input);
  }

  async update(access: Access, id: string, input: UpdateOrganizationInput) {
    requireFound(await this.repos.organizations.findById(id), "Organization", id);
    this.authorization.assertOrganizationAdmin(access, id);
    return requireFound(await this.repos.organizations.update(id, input), "Organization", id);
  }

  async archive(access: Access, id: string) {
    return this.update(access, id, { archivedAt: new Date() } as UpdateOrganizationInput);
  }
}
