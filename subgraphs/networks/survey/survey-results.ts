/*
 * What a health survey may show. Answers are never shown one by one; a survey shows results only once it is
 * closed (so nobody can read the results before and after one educator's response), from a frozen tally, and
 * an item only when at least `minimumResponses` educators answered it.
 */

export interface SurveyAnswer {
  itemKey: string;
  value: number;
}

/** One item's tally over a closed survey's responses: how many answered, and how many chose each scale point. */
export interface ItemTally {
  itemKey: string;
  responseCount: number;
  /** `counts[i]`: respondents who chose `scale.minimum + i`. */
  counts: number[];
}

/** Why a survey's item results are withheld. */
export enum SurveyResultSuppression {
  SURVEY_OPEN = "SURVEY_OPEN",
  TOO_FEW_RESPONSES = "TOO_FEW_RESPONSES",
}

export function tally(items: ReadonlyArray<{ key: string; scale: { minimum: number; maximum: number } }>, responses: ReadonlyArray<{ answers: SurveyAnswer[] }>): ItemTally[] {
  return items.map((item) => {
    const counts = new Array<number>(item.scale.maximum - item.scale.minimum + 1).fill(0);
    let responseCount = 0;
    for (const response of responses) {
      const answer = response.answers.find((candidate) => candidate.itemKey === item.key);
      if (!answer) continue;
      counts[answer.value - item.scale.minimum] += 1;
      responseCount += 1;
    }
    return { itemKey: item.key, responseCount, counts };
  });
}

export function meanOf(tallied: ItemTally, minimum: number): number | null {
  if (tallied.responseCount === 0) return null;
  const total = tallied.counts.reduce((sum, count, i) => sum + count * (minimum + i), 0);
  return total / tallied.responseCount;
}
