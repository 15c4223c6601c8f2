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
  @Query(() => AccessGrants)
  accessGrants(
    @Arg("organizationId", () => ID) organizationId: string,
    @Arg("schoolIds", () => [ID]) schoolIds: string[],
    @Arg("coordinatedNetworkIds", () => [ID]) coordinatedNetworkIds: string[],
    @Arg("organizationAdmin") organizationAdmin: boolean,
    @Ctx() { access, services }: NetworksContext,
  ) {
    assertGateway(access);
    return services.accessGrants.grants({ organizationId, schoolIds, coordinatedNetworkIds, organizationAdmin });
  }

  @Directive("@inaccessible")
  @Query(() => ApiKeyGrant, { nullable: true })
  async apiKeyGrant(@Arg("key") key: string, @Ctx() { access, repos }: NetworksContext) {
    assertGateway(access);
    const apiKey = await repos.apiKeys.useKey(key);
    return apiKey && { keyId: apiKey.id, organizationId: apiKey.organizationId, canWrite: apiKey.canWrite, scopes: apiKey.scopes ?? [] };
  }
}
