import { BadUserInputError } from "../../kit";
import type { NetworksRepositories } from "../repositories";
import type { CreateNetworkInput } from "./network.inputs";

/** Network rules: an active operating organization. */
export class NetworkService {
  constructor(private readonly repos: NetworksRepositories) {}

  async create(input: CreateNetworkInput) {
    const organization = await this.repos.organizations.findById(input.organizationId);
    if (!organization || organization.archivedAt) {
      throw new BadUserInputError(`No active organization has id ${input.organizationId}`, "input.organizationId");
    }
    return this.repos.networks.create(input);
  }
}
