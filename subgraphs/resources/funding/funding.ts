import { LocalDateResolver } from "graphql-scalars";
import { Directive, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { ConnectionType, Visibility, type RecordOwner, Provenance } from "../../kit";
import { FundingKind } from "../enums";

@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A grant or in-kind support secured through a network: funder, amount and currency, period, purpose." })
export class FundingAward {
  @Field(() => ID, { description: "The award's id." })
  id: string;

  /** The network it was secured through; the `network` field resolves it. */
  owner: RecordOwner;

  @Field(() => Visibility, { description: "Who may see it, within its network: the network's members unless its coordinators chose otherwise." })
  visibility: Visibility;

  @Field({ description: "Who funds it, e.g. Bill & Melinda Gates Foundation." })
  funder: string;

  funderOrganizationId?: string | null;

  @Field(() => FundingKind, { description: "A private or government grant, in-kind support, or other." })
  kind: FundingKind;

  /** Hundredths of the currency unit, summed exactly; exposed as `amount`. */
  amountMinor: number;

  @Field({ description: "ISO 4217 code, e.g. USD." })
  currency: string;

  @Field(() => LocalDateResolver, { description: "When the funding starts." })
  startDate: string;

  @Field(() => LocalDateResolver, { description: "When the funding ends; null when open-ended.", nullable: true })
  endDate?: string | null;

  @Field(() => String, { description: "What it pays for.", nullable: true })
  purpose?: string | null;

  @Field({ description: "When it was recorded." })
  createdAt: Date;

  @Field({ description: "When it last changed." })
  updatedAt: Date;

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}

@ObjectType({ description: "A page of funding awards." })
export class FundingAwardConnection extends ConnectionType(FundingAward) {}

@ObjectType({ description: "The sum of a network's funding awards in one currency." })
export class FundingTotal {
  @Field({ description: "ISO 4217 code, e.g. USD." })
  currency: string;

  @Field(() => Float, { description: "The sum of the awards in this currency, to the cent." })
  amount: number;

  @Field(() => Int, { description: "How many awards it sums." })
  awardCount: number;
}
