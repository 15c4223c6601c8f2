import type { Filter } from "mongodb";

/**
 * The one place where read filters are narrowed to what the caller may see. Every repository read
 * path goes through it; today it lets everything through (visibility is stored and exposed), and the
 * access-control issue adds the caller's owner and visibility conditions here.
 */
export function readable<TDoc>(filter: Filter<TDoc>): Filter<TDoc> {
  return filter;
}
