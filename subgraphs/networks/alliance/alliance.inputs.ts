import { ArrayMaxSize, ArrayUnique, IsEnum, IsOptional, Length, ValidateNested } from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { ArgsType, Field, ID, InputType } from "type-graphql";
import { PageArgs } from "../../kit";
import { ConsentStatus } from "../consent/consent";
import { AllianceScope, SharedDataKind } from "../enums";

@InputType()
export class DataSharingAgreementInput {
  @Field(() => [SharedDataKind])
  @ArrayUnique()
  @IsEnum(SharedDataKind, { each: true })
  sharedKinds: SharedDataKind[];

  @Field(() => LocalDateResolver, { nullable: true, description: "Defaults to today." })
  @IsOptional()
  effectiveFrom?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 8000)
  terms?: string | null;
}

@InputType()
export class FormAllianceInput {
  @Field()
  @Length(2, 200)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 4000)
  description?: string | null;

  @Field(() => AllianceScope)
  @IsEnum(AllianceScope)
  scope: AllianceScope;

  @Field(() => LocalDateResolver, { nullable: true, description: "Defaults to today." })
  @IsOptional()
  formedOn?: string | null;

  @Field(() => DataSharingAgreementInput)
  @ValidateNested()
  agreement: DataSharingAgreementInput;

  @Field(() => [ID], { description: "The founding networks: at least two." })
  @ArrayUnique()
  @ArrayMaxSize(500)
  networkIds: string[];
}

@ArgsType()
export class AlliancesArgs extends PageArgs {
  @Field(() => AllianceScope, { nullable: true })
  @IsOptional()
  scope?: AllianceScope | null;

  @Field({ defaultValue: false, description: "Also list dissolved alliances." })
  includeEnded: boolean;
}

@ArgsType()
export class ConsentListArgs extends PageArgs {
  @Field(() => ConsentStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ConsentStatus)
  status?: ConsentStatus | null;
}
