import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { Advocate, toAdvocate } from "../advocate/advocate";
import { Campaign } from "../campaign/campaign";
import type { AdvocacyContext } from "../context";
import { CampaignAction, CampaignActionConnection } from "./action";
import { CampaignActionsArgs, CompleteCampaignActionInput, LogCampaignActionInput, UpdateCampaignActionInput } from "./action.inputs";

@Resolver(() => CampaignAction)
export class CampaignActionResolver {
  @Query(() => CampaignAction, { nullable: true, description: "A campaign action by id; null when there is none you may see (actions follow their campaign's visibility)." })
  campaignAction(@Arg("id", () => ID, { description: "The action's id." }) id: string, @Ctx() { loaders }: AdvocacyContext) {
    return loaders.actionById.load(id);
  }

  @Query(() => CampaignActionConnection, { description: "Actions of one campaign or of all, by date: e.g. everything planned next month." })
  campaignActions(@Args() args: CampaignActionsArgs, @Ctx() { access, repos }: AdvocacyContext) {
    return repos.actions.list(access, args);
  }

  @FieldResolver(() => Campaign, { description: "The campaign the action belongs to." })
  campaign(@Root() action: CampaignAction, @Ctx() { loaders }: AdvocacyContext) {
    return loaders.campaignById.load(action.campaignId);
  }

  @FieldResolver(() => [Advocate], { description: "Schools, networks and organizations that take part (at most 200, set by the lead network)." })
  participants(@Root() action: CampaignAction) {
    return action.participants.map(toAdvocate);
  }

  @Mutation(() => CampaignAction, { description: "Logs a done action, or plans one (PLANNED, dated today or later)." })
  logCampaignAction(@Arg("input", { description: "The action: its campaign, kind, date, status and who takes part." }) input: LogCampaignActionInput, @Ctx() { access, services }: AdvocacyContext) {
    return services.actions.log(access, input);
  }

  @Mutation(() => CampaignAction, { description: "Changes an action that is not cancelled, for the coordinators and admins of the campaign's lead network." })
  updateCampaignAction(
    @Arg("id", () => ID, { description: "The action's id." }) id: string,
    @Arg("input", { description: "The fields to change." }) input: UpdateCampaignActionInput,
    @Ctx() { access, services }: AdvocacyContext,
  ) {
    return services.actions.update(access, id, input);
  }

  @Mutation(() => CampaignAction, { description: "Marks a planned action DONE, with its outcome." })
  completeCampaignAction(
    @Arg("id", () => ID, { description: "The action's id." }) id: string,
    @Arg("input", () => CompleteCampaignActionInput, { description: "Its outcome, date and attendance (all optional).", nullable: true }) input: CompleteCampaignActionInput | null,
    @Ctx() { access, services }: AdvocacyContext,
  ) {
    return services.actions.complete(access, id, input ?? {});
  }

  @Mutation(() => CampaignAction, { description: "Cancels a planned action." })
  cancelCampaignAction(
    @Arg("id", () => ID, { description: "The action's id." }) id: string,
    @Arg("reason", () => String, { description: "Why it was cancelled.", nullable: true }) reason: string | null,
    @Ctx() { access, services }: AdvocacyContext,
  ) {
    return services.actions.cancel(access, id, reason);
  }
}
