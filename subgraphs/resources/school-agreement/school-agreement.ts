import { LocalDateResolver } from "graphql-scalars";
import { Directive, Field, Float, ID, ObjectType } from "type-graphql";
import { ConnectionType, Provenance, type PolicyOwner } from "../../kit";
import { SchoolAgreementConsent, SchoolAgreementKind } from "./school-agreement.enums";

@ObjectType({ description: "An amount in one currency, to the cent." })
export class SchoolAgreementCost {
  @Field(() => Float, { description: "Positive, to the cent." })
  amount: number;

  @Field({ description: "ISO 4217 code, e.g. USD." })
  currency: string;
}

/** One school's place in an agreement, as stored. */
export interface StoredParty {
  schoolId: string;
  consent: SchoolAgreementConsent;
  /** Thousandths of a full-time position (shared staff), so shares add up exactly. */
  timeShareMilli: number | null;
  /** The school's share of the cost in hundredths of its currency (one currency per agreement). */
  cost: { amountMinor: number; currency: string } | null;
  answeredAt: Date | null;
  note: string | null;
}

@ObjectType({ description: "A school's place in an agreement: its share and its answer." })
export class SchoolAgreementParty {
  schoolId: string;

  @Field(() => SchoolAgreementConsent, { description: "Whether the school's own staff accepted; only ACCEPTED schools are in the agreement." })
  consent: SchoolAgreementConsent;

  timeShareMilli: number | null;

  cost: StoredParty["cost"];

  @Field(() => Date, { nullable: true, description: "When the school answered; null while PENDING (and for the proposing school, which accepts by proposing)." })
  answeredAt: Date | null;

  @Field(() => String, { nullable: true, description: "What the school said with its answer." })
  note: string | null;
}

@Directive(`@key(fields: "id")`)
@ObjectType({
  description:
    "Schools sharing staff (e.g. a counselor) or buying together, each with its share of time or cost, for a period. A school " +
    "is in it only once its own staff accepted; it is seen by the staff of the schools in it and of those still asked, by no one else.",
})
export class SchoolAgreement {
  @Field(() => ID, { description: "The agreement's id." })
  id: string;

  /** The proposing school (and no network: networks' coordinators do not read agreements). */
  owner: PolicyOwner;

  @Field(() => SchoolAgreementKind, { description: "Shared staff or joint purchasing." })
  kind: SchoolAgreementKind;

  @Field({ description: "What is shared, e.g. \"School counselor\" or \"Math curriculum licenses\"." })
  title: string;

  @Field(() => String, { nullable: true, description: "How the sharing works: schedule, what is bought, terms." })
  description?: string | null;

  @Field(() => LocalDateResolver, { description: "When the agreement starts." })
  startDate: string;

  @Field(() => LocalDateResolver, { nullable: true, description: "When it ends; null when open-ended." })
  endDate?: string | null;

  @Field(() => [SchoolAgreementParty], { description: "Every school asked, the proposing school first, with its share and answer (at most 20)." })
  parties: StoredParty[];

  @Field({ description: "When it was proposed." })
  createdAt: Date;

  @Field({ description: "When it last changed." })
  updatedAt: Date;

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}

@ObjectType({ description: "A page of agreements." })
export class SchoolAgreementConnection extends ConnectionType(SchoolAgreement) {}
