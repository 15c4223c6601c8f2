import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsOptional, Length, Matches, ValidateNested } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { Visibility } from "../../kit";

@InputType({ description: "An item's answer scale." })
export class SurveyScaleInput {
  @Field(() => Int, { description: "The lowest answer, e.g. 1." })
  @IsInt()
  minimum: number;

  @Field(() => Int, { description: "The highest answer, e.g. 5 (at most 10 points)." })
  @IsInt()
  maximum: number;

  @Field({ description: "What the lowest answer means." })
  @Length(1, 100)
  minimumLabel: string;

  @Field({ description: "What the highest answer means." })
  @Length(1, 100)
  maximumLabel: string;
}

@InputType({ description: "One item of a new instrument." })
export class SurveyItemInput {
  @Field({ description: "A key unique within the instrument: letters, digits, dashes or underscores." })
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: "key is 1-40 letters, digits, dashes or underscores" })
  key: string;

  @Field({ description: "What it measures, e.g. relational trust." })
  @Length(2, 100)
  construct: string;

  @Field({ description: "The statement educators rate." })
  @Length(5, 500)
  text: string;

  @Field(() => SurveyScaleInput, { description: "Its answer scale." })
  @ValidateNested()
  scale: SurveyScaleInput;
}

@InputType({ description: "A new survey instrument of a network." })
export class CreateSurveyInstrumentInput {
  @Field(() => ID, { description: "The network that owns it (its managers may create it)." })
  networkId: string;

  @Field({ description: "Its name." })
  @Length(2, 200)
  name: string;

  @Field(() => String, { nullable: true, description: "What it is for and where its items come from." })
  @IsOptional()
  @Length(1, 4000)
  description?: string | null;

  @Field(() => [SurveyItemInput], { description: "Its items, 1 to 50." })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  items: SurveyItemInput[];

  @Field(() => Visibility, { defaultValue: Visibility.NETWORK, description: "Who may read it: PRIVATE, NETWORK or PUBLIC (ALLIANCE is refused)." })
  @IsIn([Visibility.PRIVATE, Visibility.NETWORK, Visibility.PUBLIC], { message: "instruments are PRIVATE, NETWORK or PUBLIC" })
  visibility: Visibility;
}

@InputType({ description: "A new survey of a network from an instrument." })
export class LaunchHealthSurveyInput {
  @Field(() => ID, { description: "The network whose educators respond (its managers launch it)." })
  networkId: string;

  @Field(() => ID, { description: "The instrument: the network's own, or a PUBLIC one." })
  instrumentId: string;

  @Field({ description: "Its title, e.g. Spring 2025 network health survey." })
  @Length(2, 200)
  title: string;
}

@InputType({ description: "One answer: an item and the point chosen on its scale." })
export class SurveyAnswerInput {
  @Field({ description: "The item's key." })
  @Length(1, 40)
  itemKey: string;

  @Field(() => Int, { description: "The chosen point, within the item's scale." })
  @IsInt()
  value: number;
}

@InputType({ description: "An educator's anonymous response to a survey: answers only, items may be skipped." })
export class RespondToHealthSurveyInput {
  @Field(() => ID, { description: "The survey." })
  surveyId: string;

  @Field(() => [SurveyAnswerInput], { description: "The answers, at least one, each item at most once." })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  answers: SurveyAnswerInput[];
}
