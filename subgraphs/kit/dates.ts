import { BadUserInputError } from "./errors";

/** Calendar dates travel as `YYYY-MM-DD` strings (GraphQL `LocalDate`), which sort as they read. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A period whose end precedes its start is a mistake in the input, not a state to store. */
export function assertDateOrder(start: string | null | undefined, end: string | null | undefined, endField: string): void {
  if (start && end && end < start) {
    throw new BadUserInputError(`${endField} (${end}) is before the start date (${start})`, endField);
  }
}
