import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { ConnectionType, Visibility, Provenance } from "../../kit";
import { NeedPriority, NeedStatus } from "../enums";

@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A professional-development need a school names and shares with its networks, e.g. new literacy approaches." })
export class Need {
  @Field(() => ID)
  id: string;

  schoolId: string;

  /** Networks the school shares the need with: they see it among their common needs. */
  networkIds: string[];

  @Field({ description: "What the school needs to learn about, e.g. advisories." })
  focusArea: string;

  focusAreaKey: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => NeedPriority)
  priority: NeedPriority;

  @Field(() => NeedStatus)
  status: NeedStatus;

  @Field(() => Visibility)
  visibility: Visibility;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Date, { nullable: true, description: "When the need was marked addressed or withdrawn." })
  closedAt?: Date | null;

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}

@ObjectType()
export class NeedConnection extends ConnectionType(Need) {}

@ObjectType({ description: "A need several schools of a network share: the network plans events from these." })
export class CommonNeed {
  networkId: string;

  focusAreaKey: string;

  @Field({ description: "The focus area as the schools named it first." })
  focusArea: string;

  @Field(() => Int, { description: "How many of the network's schools have this need open." })
  schoolCount: number;

  @Field(() => Int, { description: "Of them, how many rate it high priority." })
  highPriorityCount: number;

  schoolIds: string[];
}
