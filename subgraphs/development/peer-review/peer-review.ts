import { LocalDateResolver } from "graphql-scalars";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { ConnectionType, Visibility, Provenance } from "../../kit";
import { PeerReviewFindingKind, PeerReviewFindingsAccess, PeerReviewRole, PeerReviewStatus } from "../enums";

@ObjectType({ description: "A member of a peer review's visiting team, from a school other than the host." })
export class PeerReviewTeamMember {
  schoolId: string;

  educatorId?: string | null;

  @Field(() => String, { nullable: true, description: "The member's name, when not an educator record of the hub." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "e.g. principal, literacy coach, facilitator." })
  role?: string | null;
}

@ObjectType({ description: "An observation or piece of feedback from a peer review." })
export class PeerReviewFinding {
  @Field(() => PeerReviewFindingKind)
  kind: PeerReviewFindingKind;

  @Field(() => Int, { nullable: true, description: "The focus question (0-based index) it answers, if any." })
  focusQuestion?: number | null;

  @Field()
  text: string;

  @Field()
  recordedAt: Date;
}

@Directive(`@key(fields: "id")`)
@ObjectType({
  description:
    "A critical friends review: a visiting team from other schools spends days in the host school around its focus questions " +
    "and reports findings. The host decides who may read the findings.",
})
export class PeerReview {
  @Field(() => ID)
  id: string;

  hostSchoolId: string;

  networkId?: string | null;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [String], { description: "What the host asks the visitors to look at." })
  focusQuestions: string[];

  @Field(() => LocalDateResolver)
  startDate: string;

  @Field(() => LocalDateResolver)
  endDate: string;

  @Field(() => [PeerReviewTeamMember])
  visitingTeam: PeerReviewTeamMember[];

  teamSchoolIds: string[];

  findings: PeerReviewFinding[];

  @Field(() => PeerReviewFindingsAccess, { description: "Who may read the findings, besides the schools named as readers." })
  findingsAccess: PeerReviewFindingsAccess;

  findingsReaderSchoolIds: string[];

  @Field(() => PeerReviewStatus)
  status: PeerReviewStatus;

  @Field(() => Visibility, { description: "Who may see that the review took place (its findings follow findingsAccess)." })
  visibility: Visibility;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Date, { nullable: true })
  completedAt?: Date | null;

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}

@ObjectType()
export class PeerReviewConnection extends ConnectionType(PeerReview) {}

@ObjectType({ description: "A school's part in a peer review, with the findings when the host lets that school read them." })
export class PeerReviewParticipation {
  schoolId: string;

  @Field(() => PeerReviewRole)
  role: PeerReviewRole;

  @Field(() => PeerReview)
  review: PeerReview;

  @Field({ description: "Whether this school may read the review's findings." })
  mayReadFindings: boolean;

  @Field(() => [PeerReviewFinding], { nullable: true, description: "The findings, when this school may read them; null otherwise." })
  findings: PeerReviewFinding[] | null;
}
