/** Error codes the hub's API uses, in every subgraph and at the gateway; clients branch on `extensions.code`, never on messages. */
export const ERROR_CODES = ["BAD_USER_INPUT", "NOT_FOUND", "FORBIDDEN", "CONFLICT", "UNAUTHENTICATED"] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
