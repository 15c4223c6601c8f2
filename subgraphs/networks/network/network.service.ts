import { BadUserInputError, requireFound, type Access } from "../../kit";
import type { NetworksAuthorization } from "../authorization";
import type { NetworksRepositories } from "../repositories";
import type { CreateNetworkInput, UpdateNetworkInput } from "./network.inputs";

/** Network rules: an active operating organization, whose admins create its networks. */
export class NetworkService {
  constructor(
    private readonly repos: NetworksRepositories,
    private readonly authorization: NetworksAuthorization,
  ) {}

  async create(access: Access, input: CreateNetworkInput) {
    const organization = await this.repos.organizations.findById(input.organizationId);
    if (!organization || organization.archivedAt) {
      throw new BadUserInputError(`No active organization has id ${input.organizationId}`, "input.organizationId");
    }
    this.authorization.assertOrganizationAdmin(access, organization.id);
    return this.repos.networks.create(input);
  }

  async update(access: Access, id: string, input: UpdateNetworkInput) {
    requireFound(await this.repos.networks.findById(id), "Network", id);
    this.authorization.assertManagesNetwork(access, id);
    return requireFound(await this.repos.networks.update(id, input), "Network", id);
  }

  async archive(access: Access, id: string) {
    return this.update(access, id, { archivedAt: new Date() } as UpdateNetworkInput);
  }
}
