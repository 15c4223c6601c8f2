import { IsOptional, Length, Matches } from "class-validator";
import { Field, InputType, ObjectType } from "type-graphql";

@ObjectType({ description: "Where a school or organization is." })
export class Location {
  @Field(() => String, { nullable: true, description: "City or town." })
  city?: string | null;

  @Field(() => String, { nullable: true, description: "State or province code, e.g. NY." })
  region?: string | null;

  @Field({ description: "ISO 3166-1 alpha-2 country code, e.g. US." })
  country: string;

  @Field(() => String, { nullable: true, description: "Postal (ZIP) code." })
  postalCode?: string | null;
}

@InputType({ description: "Where a school or organization is." })
export class LocationInput {
  @Field(() => String, { nullable: true, description: "City or town." })
  @IsOptional()
  @Length(1, 120)
  city?: string | null;

  @Field(() => String, { nullable: true, description: "State or province code, e.g. NY." })
  @IsOptional()
  @Length(1, 80)
  region?: string | null;

  @Field({ defaultValue: "US", description: "ISO 3166-1 alpha-2 country code; defaults to US." })
  @Matches(/^[A-Z]{2}$/, { message: "country must be an ISO 3166-1 alpha-2 code such as US" })
  country: string;

  @Field(() => String, { nullable: true, description: "Postal (ZIP) code." })
  @IsOptional()
  @Length(1, 20)
  postalCode?: string | null;
}
