import { registerEnumType } from "type-graphql";
import { BenchmarkPosition, BenchmarkSuppression } from "./benchmark-statistics";

export enum BenchmarkDirection {
  HIGHER_IS_BETTER = "HIGHER_IS_BETTER",
  LOWER_IS_BETTER = "LOWER_IS_BETTER",
}

/** How often an indicator is reported, which fixes the form of its period labels (they sort in time order). */
export enum ReportingPeriod {
  SCHOOL_YEAR = "SCHOOL_YEAR",
  SEMESTER = "SEMESTER",
  QUARTER = "QUARTER",
}

const PERIOD_FORMS: Record<ReportingPeriod, { pattern: RegExp; example: string }> = {
  SCHOOL_YEAR: { pattern: /^(\d{4})-(\d{2})$/, example: "2024-25" },
  SEMESTER: { pattern: /^(\d{4})-(\d{2})-S[12]$/, example: "2024-25-S1" },
  QUARTER: { pattern: /^(\d{4})-(\d{2})-Q[1-4]$/, example: "2024-25-Q3" },
};

/** Null when `period` is a valid label for the reporting period, else what it should look like. */
export function periodProblem(reportingPeriod: ReportingPeriod, period: string): string | null {
  const form = PERIOD_FORMS[reportingPeriod];
  const match = form.pattern.exec(period);
  const consecutive = match && (Number(match[1]) + 1) % 100 === Number(match[2]);
  return consecutive ? null : `A ${reportingPeriod.toLowerCase().replace("_", " ")} period looks like ${form.example}`;
}

registerEnumType(BenchmarkDirection, {
  name: "BenchmarkDirection",
  description: "Which end of an indicator's scale is better.",
  valuesConfig: {
    HIGHER_IS_BETTER: { description: "Higher values are better (e.g. a graduation rate)." },
    LOWER_IS_BETTER: { description: "Lower values are better (e.g. chronic absenteeism)." },
  },
});

registerEnumType(ReportingPeriod, {
  name: "ReportingPeriod",
  description: "How often schools report an indicator, and so the form of its period labels.",
  valuesConfig: {
    SCHOOL_YEAR: { description: "Once a school year: periods like 2024-25." },
    SEMESTER: { description: "Twice a school year: periods like 2024-25-S1 and 2024-25-S2." },
    QUARTER: { description: "Four times a school year: periods like 2024-25-Q1 to 2024-25-Q4." },
  },
});

registerEnumType(BenchmarkSuppression, {
  name: "BenchmarkSuppression",
  description: "Why a closed period's aggregates are withheld from the caller.",
  valuesConfig: {
    TOO_FEW_SCHOOLS: { description: "Fewer schools reported than the hub's minimum (HUB_BENCHMARK_MIN_SCHOOLS)." },
    TOO_FEW_HIDDEN_SCHOOLS: {
      description: "Fewer than the minimum of the values are unknown to the caller (their own schools' and those shared by name are known), so the aggregates could reveal one.",
    },
  },
});

registerEnumType(BenchmarkPosition, {
  name: "BenchmarkPosition",
  description: "Where a value sits among the network's values, by value (the indicator's direction says which end is better).",
  valuesConfig: {
    BELOW_LOWER_QUARTILE: { description: "Below the lower quartile." },
    LOWER_MIDDLE: { description: "From the lower quartile up to (not including) the median." },
    UPPER_MIDDLE: { description: "From the median up to the upper quartile." },
    ABOVE_UPPER_QUARTILE: { description: "Above the upper quartile." },
  },
});
