import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { NetworksContext } from "../context";
import { NetworkConnection } from "../network/network";
import { NetworkListArgs } from "../network/network.inputs";
import { Organization, OrganizationConnection } from "./organization";
import { CreateOrganizationInput, OrganizationsArgs, UpdateOrganizationInput } from "./organization.inputs";

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true, description: "An organization by id (archived ones too); null when there is none." })
  organization(@Arg("id", () => ID, { description: "The organization's id." }) id: string, @Ctx() { loaders }: NetworksContext) {
    return loaders.organizationById.load(id);
  }

  @Query(() => OrganizationConnection, { description: "Organizations by name, optionally of one kind." })
  organizations(@Args() args: OrganizationsArgs, @Ctx() { repos }: NetworksContext) {
    return repos.organizations.list(args);
  }

  @FieldResolver(() => NetworkConnection, { description: "The networks this organization operates, by name, filtered as the `networks` query is." })
  networks(@Root() organization: Organization, @Args() args: NetworkListArgs, @Ctx() { loaders, repos }: NetworksContext) {
    return loaders.pages.load("Organization.networks", args, organization.id, (ids) => repos.networks.pagesForOrganizations(ids, args));
  }

  @Mutation(() => Organization, { description: "Registers an organization; the caller's own organization is unaffected." })
  createOrganization(@Arg("input", { description: "The organization to register." }) input: CreateOrganizationInput, @Ctx() { access, services }: NetworksContext) {
    return services.organizations.create(access, input);
  }

  @Mutation(() => Organization, { description: "Changes an organization's record (its admins only)." })
  updateOrganization(@Arg("id", () => ID, { description: "The organization's id." }) id: string, @Arg("input", { description: "The fields to change." }) input: UpdateOrganizationInput, @Ctx() { access, services }: NetworksContext) {
    return services.organizations.update(access, id, input);
  }

  @Mutation(() => Organization, { description: "Archives the organization; its networks stay as they are." })
  archiveOrganization(@Arg("id", () => ID, { description: "The organization's id." }) id: string, @Ctx() { access, services }: NetworksContext) {
    return services.organizations.archive(access, id);
  }
}
