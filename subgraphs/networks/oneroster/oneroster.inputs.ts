import { Length } from "class-validator";
import { Field, ID, InputType } from "type-graphql";

@InputType({ description: "A OneRoster 1.2 `orgs.csv` to import into a network." })
export class ImportOneRosterOrgsInput {
  @Field(() => ID, { description: "The network the file's schools are proposed to." })
  @Length(1, 64)
  networkId: string;

  @Field({ description: "The file's text: RFC 4180 CSV with the binding's header row; at most 900,000 bytes and HUB_ONEROSTER_MAX_ROWS rows." })
  csv: string;

  @Field({ defaultValue: false, description: "Report what would change and write nothing." })
  dryRun: boolean;
}
