import { registerEnumType } from "type-graphql";
import { SurveyResultSuppression } from "./survey-results";

export enum HealthSurveyStatus {
  OPEN = "OPEN",
  CLOSED = "CLOSED",
}

registerEnumType(HealthSurveyStatus, {
  name: "HealthSurveyStatus",
  description: "Whether a network health survey takes responses.",
  valuesConfig: {
    OPEN: { description: "Educators may respond; no results show yet." },
    CLOSED: { description: "Closed by the network's managers: no more responses, results frozen." },
  },
});

registerEnumType(SurveyResultSuppression, {
  name: "SurveyResultSuppression",
  description: "Why an item's results are withheld.",
  valuesConfig: {
    SURVEY_OPEN: { description: "The survey is still open: results show only once it is closed, so no single response can be isolated." },
    TOO_FEW_RESPONSES: { description: "Fewer educators answered the item than the hub's minimum (HUB_SURVEY_MIN_RESPONSES)." },
  },
});
