/** Text scores of documents produced by a $text match, keyed by document object. */
export const textScores = new WeakMap<object, number>();
