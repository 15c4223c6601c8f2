import { ArrayMaxSize, ArrayUnique, IsEnum, IsOptional, Length, ValidateNested } from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { ArgsType, Field, ID, InputType } from "type-graphql";
import { PageArgs } from "../../kit";
import { ConsentStatus } from "../consent/consent";
import { AllianceScope, SharedDataKind } from "../enums";

@InputType({ description: "A data-sharing agreement: the kinds shared, from when, on which terms." })
export class DataSharingAgreementInput {
  @Field(() => [SharedDataKind], { description: "The kinds of data member networks share with each other." })
  @ArrayUnique()
  @IsEnum(SharedDataKind, { each: true })
  sharedKinds: SharedDataKind[];

  @Field(() => LocalDateResolver, { nullable: true, description: "Defaults to today." })
  @IsOptional()
  effectiveFrom?: string | null;

  @Field(() => String, { nullable: true, description: "Terms in the partners' own words." })
  @IsOptional()
  @Length(1, 8000)
  terms?: string | null;
}

@InputType({ description: "An alliance to form, with its founding networks and agreement." })
export class FormAllianceInput {
  @Field({ description: "The alliance's name." })
  @Length(2, 200)
  name: string;

  @Field(() => String, { nullable: true, description: "What the alliance is for." })
  @IsOptional()
  @Length(1, 4000)
  description?: string | null;

  @Field(() => AllianceScope, { description: "How far the alliance reaches." })
  @IsEnum(AllianceScope)
  scope: AllianceScope;

  @Field(() => LocalDateResolver, { nullable: true, description: "Defaults to today." })
  @IsOptional()
  formedOn?: string | null;

  @Field(() => DataSharingAgreementInput, { description: "Which kinds of data the founding networks share with each other." })
  @ValidateNested()
  agreement: DataSharingAgreementInput;

  @Field(() => [ID], { description: "The founding networks: at least two." })
  @ArrayUnique()
  @ArrayMaxSize(500)
  networkIds: string[];
}

@ArgsType()
export class AlliancesArgs extends PageArgs {
  @Field(() => AllianceScope, { nullable: true, description: "Only alliances of this scope." })
  @IsOptional()
  scope?: AllianceScope | null;

  @Field({ defaultValue: false, description: "Also list dissolved alliances." })
  includeEnded: boolean;
}

@ArgsType()
export class ConsentListArgs extends PageArgs {
  @Field(() => ConsentStatus, { nullable: true, description: "Only those in this state; omitted: every state the caller may read." })
  @IsOptional()
  @IsEnum(ConsentStatus)
  status?: ConsentStatus | null;
}
