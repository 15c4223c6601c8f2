import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { ConnectionType, Visibility, Provenance } from "../../kit";
import { NeedPriority, NeedStatus } from "../enums";

@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A professional-development need a school names and shares with its networks, e.g. new literacy approaches." })
export class Need {
  @Field(() => ID, { description: "The need's id." })
  id: string;

  schoolId: string;

  /** Networks the school shares the need with: they see it among their common needs. */
  networkIds: string[];

  @Field({ description: "What the school needs to learn about, e.g. advisories." })
  focusArea: string;

  focusAreaKey: string;

  @Field(() => String, { nullable: true, description: "The need in the school's words; null when not given." })
  description?: string | null;

  @Field(() => NeedPriority, { description: "How urgent the school rates it." })
  priority: NeedPriority;

  @Field(() => NeedStatus, { description: "OPEN, or ADDRESSED or WITHDRAWN once closed." })
  status: NeedStatus;

  @Field(() => Visibility, { description: "Who may see the record: PRIVATE (its owner's staff or managers), NETWORK (members of its network), ALLIANCE (also allied networks whose agreement shares this kind of data) or PUBLIC (everyone)." })
  visibility: Visibility;

  @Field({ description: "When the record was created (UTC)." })
  createdAt: Date;

  @Field({ description: "When the record last changed (UTC)." })
  updatedAt: Date;

  @Field(() => Date, { nullable: true, description: "When the need was marked addressed or withdrawn." })
  closedAt?: Date | null;

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}

@ObjectType({ description: "A page of needs (Relay connection)." })
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

@ObjectType({ description: "A page of a network's ranked common needs (Relay connection)." })
export class CommonNeedConnection extends ConnectionType(CommonNeed) {}
