import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { ApiKeyScope } from "../enums";
import type { NetworksContext } from "../context";
import { ApiKey, ApiKeyConnection, CreatedApiKey } from "./api-key";
import { ApiKeysArgs, CreateApiKeyInput } from "./api-key.inputs";

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Query(() => ApiKeyConnection, { description: "An organization's API keys, revoked ones included, oldest first: for its admins only (FORBIDDEN otherwise)." })
  apiKeys(@Args() { organizationId, ...page }: ApiKeysArgs, @Ctx() { access, services }: NetworksContext) {
    return services.apiKeys.list(access, organizationId, page);
  }

  @Mutation(() => CreatedApiKey, { description: "Creates an API key for a partner system; the secret is returned once." })
  createApiKey(@Arg("input", { description: "The organization, name and rights of the new key." }) input: CreateApiKeyInput, @Ctx() { access, services }: NetworksContext) {
    return services.apiKeys.create(access, input);
  }

  @Mutation(() => ApiKey, { description: "Revokes an API key: it stops working within the gateway's access cache bound." })
  revokeApiKey(@Arg("id", () => ID, { description: "The key's id." }) id: string, @Ctx() { access, services }: NetworksContext) {
    return services.apiKeys.revoke(access, id);
  }

  @FieldResolver(() => [ApiKeyScope], { description: "Rights beyond reading and writing records." })
  scopes(@Root() key: { scopes?: ApiKeyScope[] }) {
    return key.scopes ?? [];
  }
}
