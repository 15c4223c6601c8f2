/**
 * Loader queries always read their whole result: ask for it in one reply (up to MongoDB's 16 MB) rather than
 * the driver's default first batch of 101 documents followed by getMores, so round trips per request do not
 * grow with the number of rows returned.
 */
export const READ_ALL = { batchSize: 10_000 } as const;
