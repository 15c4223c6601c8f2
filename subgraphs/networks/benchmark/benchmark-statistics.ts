/*
 * What a closed benchmark period may show, and to whom. The rules that keep one school's value from being
 * recovered live here, in one place:
 *
 *  - a closed period is a frozen snapshot (values, cohort, who shares by name), so no answer changes after
 *    it is first given and nothing can be learnt by comparing answers over time;
 *  - the aggregates are computed over the whole cohort and no argument narrows it (no filter, no subset), so
 *    there is nothing to difference;
 *  - a caller sees the aggregates only when at least `minimumSchools` of the cohort's values are hidden from
 *    them (not their own schools, not shared by name): a median or quartile is then one of, or between, at
 *    least that many values they cannot tell apart. The network's managers, who see every value, see the
 *    aggregates once the cohort itself reaches the minimum.
 */

export interface CohortValue {
  schoolId: string;
  value: number;
  sharedByName: boolean;
}

export interface Quartiles {
  lowerQuartile: number;
  median: number;
  upperQuartile: number;
}

/** The p-quantile of ascending `sorted` values, interpolated linearly between ranks (Excel's QUARTILE.INC, R's type 7). */
export function quantile(sorted: readonly number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

export function quartilesOf(values: readonly number[]): Quartiles {
  const sorted = [...values].sort((a, b) => a - b);
  return { lowerQuartile: quantile(sorted, 0.25), median: quantile(sorted, 0.5), upperQuartile: quantile(sorted, 0.75) };
}

/** Why a caller sees no aggregates for a closed period. */
export enum BenchmarkSuppression {
  TOO_FEW_SCHOOLS = "TOO_FEW_SCHOOLS",
  TOO_FEW_HIDDEN_SCHOOLS = "TOO_FEW_HIDDEN_SCHOOLS",
}

/** How the caller stands towards a network's benchmarks. */
export interface BenchmarkViewer {
  /** A manager of the network: sees every school's value. */
  seesEverySchool: boolean;
  /** Schools whose values the caller knows anyway: those they are staff or keepers of. */
  ownSchoolIds: ReadonlySet<string>;
}

/** Null when `viewer` may see the cohort's aggregates, else why not. */
export function suppressionFor(cohort: readonly CohortValue[], viewer: BenchmarkViewer, minimumSchools: number): BenchmarkSuppression | null {
  if (cohort.length < minimumSchools) return BenchmarkSuppression.TOO_FEW_SCHOOLS;
  if (viewer.seesEverySchool) return null;
  const hidden = cohort.filter((entry) => !entry.sharedByName && !viewer.ownSchoolIds.has(entry.schoolId)).length;
  return hidden < minimumSchools ? BenchmarkSuppression.TOO_FEW_HIDDEN_SCHOOLS : null;
}

/** The cohort's values `viewer` may see one by one: every one for managers; else their own and those shared by name. */
export function visibleEntries<T extends CohortValue>(cohort: readonly T[], viewer: BenchmarkViewer): T[] {
  return viewer.seesEverySchool ? [...cohort] : cohort.filter((entry) => entry.sharedByName || viewer.ownSchoolIds.has(entry.schoolId));
}

/** Where a value sits against the quartiles, by value (the indicator's direction says which end is better). */
export enum BenchmarkPosition {
  BELOW_LOWER_QUARTILE = "BELOW_LOWER_QUARTILE",
  LOWER_MIDDLE = "LOWER_MIDDLE",
  UPPER_MIDDLE = "UPPER_MIDDLE",
  ABOVE_UPPER_QUARTILE = "ABOVE_UPPER_QUARTILE",
}

export function positionOf(value: number, quartiles: Quartiles): BenchmarkPosition {
  if (value < quartiles.lowerQuartile) return BenchmarkPosition.BELOW_LOWER_QUARTILE;
  if (value < quartiles.median) return BenchmarkPosition.LOWER_MIDDLE;
  if (value <= quartiles.upperQuartile) return BenchmarkPosition.UPPER_MIDDLE;
  return BenchmarkPosition.ABOVE_UPPER_QUARTILE;
}
