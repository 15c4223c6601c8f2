import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { Advocate, toAdvocate } from "../advocate/advocate";
import { Campaign } from "../campaign/campaign";
import type { AdvocacyContext } from "../context";
import { CampaignAction, CampaignActionConnection } from "./action";
import { CampaignActionsArgs, CompleteCampaignActionInput, LogCampaignActionInput, UpdateCampaignActionInput } from "./action.inputs";

@Resolver(() => CampaignAction)
export class CampaignActionResolver {
  @Query(() => CampaignAction, { nullable: true })
  campaignAction(@Arg("id", () => ID) id: string, @Ctx() { loaders }: AdvocacyContext) {
    return loaders.actionById.load(id);
  }

  @Query(() => CampaignActionConnection, { description: "Actions of one campaign or of all, by date: e.g. everything planned next month." })
  campaignActions(@Args() args: CampaignActionsArgs, @Ctx() { access, repos }: AdvocacyContext) {
    return repos.actions.list(access, args);
  }

  @FieldResolver(() => Campaign)
  campaign(@Root() action: CampaignAction, @Ctx() { loaders }: AdvocacyContext) {
    return loaders.campaignById.load(action.campaignId);
  }

  @FieldResolver(() => [Advocate], { description: "Schools, networks and organizations that take part." })
  participants(@Root() action: CampaignAction) {
    return action.participants.map(toAdvocate);
  }

  @Mutation(() => CampaignAction, { description: "Logs a done action, or plans one (PLANNED, dated today or later)." })
  logCampaignAction(@Arg("input") input: LogCampaignActionInput, @Ctx() { access, services }: AdvocacyContext) {
    return services.actions.log(access, input);
  }

  @Mutation(() => CampaignAction)
  updateCampaignAction(
    @Arg("id", () => ID) id: string,
    @Arg("input") input: UpdateCampaignActionInput,
    @Ctx() { access, services }: AdvocacyContext,
  ) {
    return services.actions.update(access, id, input);
  }

  @Mutation(() => CampaignAction, { description: "Marks a planned action DONE, with its outcome." })
  completeCampaignAction(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => CompleteCampaignActionInput, { nullable: true }) input: CompleteCampaignActionInput | null,
    @Ctx() { access, services }: AdvocacyContext,
  ) {
    return services.actions.complete(access, id, input ?? {});
  }

  @Mutation(() => CampaignAction, { description: "Cancels a planned action." })
  cancelCampaignAction(
    @Arg("id", () => ID) id: string,
    @Arg("reason", () => String, { nullable: true }) reason: string | null,
    @Ctx() { access, services }: AdvocacyContext,
  ) {
    return services.actions.cancel(access, id, reason);
  }
}
