import type { Page } from "../kit";

/**
 * Loader queries always read their whole result: ask for it in one reply (up to MongoDB's 16 MB) rather than
 * the driver's default first batch of 101 documents followed by getMores, so round trips per request do not
 * grow with the number of rows returned.
 */
export const READ_ALL = { batchSize: 10_000 } as const;

/**
 * Turns a page's lazy `totalCount()` into a lazy getter. Since the kit installs a global middleware, type-graphql
 * resolves plain fields by reading the property (no call), so a function-valued `totalCount` would reach the
 * client as a function; a getter is read (and counted) only when the client asks for `totalCount`, either way.
 * Drop once the kit resolves function-valued page properties itself.
 */
export async function withLazyTotal<TPage extends Pick<Page<unknown>, "totalCount">>(page: Promise<TPage>): Promise<Omit<TPage, "totalCount">> {
  const { totalCount, ...rest } = await page;
  return Object.defineProperty(rest, "totalCount", { get: totalCount, enumerable: true });
}
