import { Arg, Ctx, Directive, ID, Query, Resolver } from "type-graphql";
import { ForbiddenError, type Access } from "../../kit";
import type { NetworksContext } from "../context";
import { AccessGrants, ApiKeyGrant } from "./access-grants";

function assertGateway(access: Access): void {
  if (access.principal.kind !== "SYSTEM") throw new ForbiddenError("Only the gateway asks this");
}

/** Questions the gateway asks to work out a caller's access; hidden from the public API (`@inaccessible`). */
@Resolver()
export class AccessResolver {
  @Directive("@inaccessible")
  @Query(() => AccessGrants, { description: "What a caller may see and do, for the gateway's access lookup only." })
  accessGrants(
    @Arg("organizationId", () => ID, { description: "The organization the caller's credential speaks for." }) organizationId: string,
    @Arg("schoolIds", () => [ID], { description: "Schools the caller's credential claims to be staff of." }) schoolIds: string[],
    @Arg("coordinatedNetworkIds", () => [ID], { description: "Networks the caller's credential claims to coordinate." }) coordinatedNetworkIds: string[],
    @Arg("organizationAdmin", { description: "Whether the caller's credential claims admin rights in the organization." }) organizationAdmin: boolean,
    @Ctx() { access, services }: NetworksContext,
  ) {
    assertGateway(access);
    return services.accessGrants.grants({ organizationId, schoolIds, coordinatedNetworkIds, organizationAdmin });
  }

  @Directive("@inaccessible")
  @Query(() => ApiKeyGrant, { nullable: true, description: "The organization and rights of an API key, for the gateway's access lookup only; null for an unknown or revoked key." })
  async apiKeyGrant(@Arg("key", { description: "The API key's secret, as the client sent it." }) key: string, @Ctx() { access, repos }: NetworksContext) {
    assertGateway(access);
    const apiKey = await repos.apiKeys.useKey(key);
    return apiKey && { keyId: apiKey.id, organizationId: apiKey.organizationId, canWrite: apiKey.canWrite, scopes: apiKey.scopes ?? [] };
  }
}
