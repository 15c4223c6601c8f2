import { LocalDateResolver } from "graphql-scalars";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { ConnectionType, Visibility, type RecordOwner, Provenance } from "../../kit";
import { CampaignLevel, CampaignStatus } from "../enums";

@ObjectType({ description: "One change of a campaign's status, in the order they happened." })
export class CampaignStatusChange {
  @Field(() => CampaignStatus, { nullable: true, description: "Null for the status the campaign was created with." })
  from?: CampaignStatus | null;

  @Field(() => CampaignStatus, { description: "The status the campaign moved to." })
  status: CampaignStatus;

  @Field(() => LocalDateResolver, { description: "When it took effect." })
  on: string;

  @Field(() => String, { description: "Why, in the lead network's words.", nullable: true })
  note?: string | null;

  @Field({ description: "When it was recorded." })
  changedAt: Date;
}

@ObjectType({ description: "How many schools, networks and organizations currently endorse a campaign (withdrawn endorsements excluded)." })
export class EndorsementCounts {
  @Field(() => Int, { description: "Schools that endorse the campaign." })
  schools: number;

  @Field(() => Int, { description: "Networks that endorse the campaign." })
  networks: number;

  @Field(() => Int, { description: "Organizations that endorse the campaign." })
  organizations: number;

  @Field(() => Int, { description: "All current endorsers." })
  total: number;
}

@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A policy campaign led by a network: a goal, a target body, endorsers, actions and milestones." })
export class Campaign {
  @Field(() => ID, { description: "The campaign's id." })
  id: string;

  @Field({ description: "Its title." })
  title: string;

  @Field({ description: "The policy the campaign wants, e.g. performance-based assessment accepted as an alternative to state exams." })
  policyGoal: string;

  @Field(() => String, { description: "What the campaign is about, in more detail.", nullable: true })
  description?: string | null;

  @Field(() => CampaignLevel, { description: "The level of government it addresses." })
  level: CampaignLevel;

  @Field({ description: "Where the policy applies, e.g. New York State, Humble ISD, Oregon." })
  jurisdiction: string;

  @Field(() => String, { nullable: true, description: "State or province code of the jurisdiction, e.g. NY (none for national campaigns)." })
  region?: string | null;

  @Field({ description: "ISO country code, e.g. US." })
  country: string;

  @Field({ description: "Who decides, e.g. the New York State Board of Regents." })
  targetBody: string;

  @Field(() => [String], { description: "e.g. assessment, school funding, small schools." })
  issueAreas: string[];

  @Field(() => CampaignStatus, { description: "Where the campaign stands." })
  status: CampaignStatus;

  @Field(() => [CampaignStatusChange], { description: "Every status the campaign has had, oldest first." })
  statusHistory: CampaignStatusChange[];

  @Field(() => LocalDateResolver, { nullable: true, description: "When the campaign was launched (became ACTIVE)." })
  startDate?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "The date the campaign works towards, e.g. a vote or the end of a session." })
  targetDate?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "When the campaign was decided (WON, LOST) or closed." })
  endDate?: string | null;

  leadNetworkId: string;

  leadSchoolIds: string[];

  leadOrganizationId?: string | null;

  owner: RecordOwner;

  @Field(() => Visibility, { description: "Who may see the campaign, its endorsements, actions and milestones." })
  visibility: Visibility;

  @Field({ description: "When it was created in the hub." })
  createdAt: Date;

  @Field({ description: "When it last changed." })
  updatedAt: Date;

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}

@ObjectType({ description: "A page of campaigns." })
export class CampaignConnection extends ConnectionType(Campaign) {}
