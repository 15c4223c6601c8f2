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
  @Field(() => PeerReviewFindingKind, { description: "What sort of finding: a strength, warm or cool feedback, a question, a recommendation." })
  kind: PeerReviewFindingKind;

  @Field(() => Int, { nullable: true, description: "The focus question (0-based index) it answers, if any." })
  focusQuestion?: number | null;

  @Field({ description: "The finding, as the team wrote it." })
  text: string;

  @Field({ description: "When it was recorded (UTC)." })
  recordedAt: Date;
}

@Directive(`@key(fields: "id")`)
@ObjectType({
  description:
    "A critical friends review: a visiting team from other schools spends days in the host school around its focus questions " +
    "and reports findings. The host decides who may read the findings.",
})
export class PeerReview {
  @Field(() => ID, { description: "The review's id." })
  id: string;

  hostSchoolId: string;

  networkId?: string | null;

  @Field({ description: "The review's title, e.g. Critical friends review of Fannie Lou Hamer Freedom High School." })
  title: string;

  @Field(() => String, { nullable: true, description: "What the review is about; null when not given." })
  description?: string | null;

  @Field(() => [String], { description: "What the host asks the visitors to look at." })
  focusQuestions: string[];

  @Field(() => LocalDateResolver, { description: "The visit's first day (YYYY-MM-DD)." })
  startDate: string;

  @Field(() => LocalDateResolver, { description: "The visit's last day (YYYY-MM-DD)." })
  endDate: string;

  @Field(() => [PeerReviewTeamMember], { description: "The visiting team: educators of other schools than the host." })
  visitingTeam: PeerReviewTeamMember[];

  teamSchoolIds: string[];

  findings: PeerReviewFinding[];

  @Field(() => PeerReviewFindingsAccess, { description: "Who may read the findings, besides the schools named as readers." })
  findingsAccess: PeerReviewFindingsAccess;

  findingsReaderSchoolIds: string[];

  @Field(() => PeerReviewStatus, { description: "PLANNED, COMPLETED (visit over, findings recorded) or CANCELLED." })
  status: PeerReviewStatus;

  @Field(() => Visibility, { description: "Who may see that the review took place (its findings follow findingsAccess)." })
  visibility: Visibility;

  @Field({ description: "When the record was created (UTC)." })
  createdAt: Date;

  @Field({ description: "When the record last changed (UTC)." })
  updatedAt: Date;

  @Field(() => Date, { nullable: true, description: "When the review was completed (UTC); null until then." })
  completedAt?: Date | null;

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}

@ObjectType({ description: "A page of peer reviews (Relay connection)." })
export class PeerReviewConnection extends ConnectionType(PeerReview) {}

@ObjectType({ description: "A school's part in a peer review, with the findings when the host lets that school read them." })
export class PeerReviewParticipation {
  schoolId: string;

  @Field(() => PeerReviewRole, { description: "The school's part: HOST, VISITOR (on the visiting team) or READER (named by the host to read the findings)." })
  role: PeerReviewRole;

  @Field(() => PeerReview, { description: "The review." })
  review: PeerReview;

  @Field({ description: "Whether this school may read the review's findings." })
  mayReadFindings: boolean;

  @Field(() => [PeerReviewFinding], { nullable: true, description: "The findings, when this school may read them; null otherwise." })
  findings: PeerReviewFinding[] | null;
}

@ObjectType({ description: "A page of a school's peer reviews, with its part in each (Relay connection)." })
export class PeerReviewParticipationConnection extends ConnectionType(PeerReviewParticipation) {}
