import type { ApolloServerPlugin } from "@apollo/server";
import { calculateReferencedFieldsByType, usageReportingSignature } from "@apollo/utils.usagereporting";
import type { DocumentNode, GraphQLSchema } from "graphql";
import type { KeyLike } from "jose";
import { createHash } from "node:crypto";
import { ACCESS_HEADER, ANONYMOUS_ACCESS, signAccessToken } from "../contracts/access";

/** How often a gateway sends the operations it served to the registry by default. */
export const USAGE_FLUSH_INTERVAL_MS = 10_000;

/** What the registry's breaking-change check reads: an operation, the types and fields it used, how often that day. */
export interface OperationUsage {
  /** UTC day, `2026-11-30`. */
  day: string;
  /** SHA-256 of the operation's usage signature (literals stripped, names sorted: Apollo's usage reporting signature). */
  signatureHash: string;
  name: string | null;
  /** `Type` and `Type.field` coordinates of the API schema. */
  fields: string[];
  count: number;
}

type OperationShape = Pick<OperationUsage, "signatureHash" | "name" | "fields">;

/**
 * By schema, document and operation name. Apollo Server hands every request with the same text the same
 * parsed document (its document store, renewed with the schema), so an operation's signature and fields
 * are worked out once, not on every request.
 */
const shapes = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string | null, OperationShape>>>();

function operationShape(schema: GraphQLSchema, document: DocumentNode, name: string | null): OperationShape {
  let bySchema = shapes.get(schema);
  if (!bySchema) shapes.set(schema, (bySchema = new WeakMap()));
  let byName = bySchema.get(document);
  if (!byName) bySchema.set(document, (byName = new Map()));
  let shape = byName.get(name);
  if (!shape) {
    const signature = usageReportingSignature(document, name ?? "");
    const referenced = calculateReferencedFieldsByType({ document, schema, resolvedOperationName: name });
    const fields = Object.entries(referenced).flatMap(([type, { fieldNames }]) => [type, ...fieldNames.map((field) => `${type}.${field}`)]);
    shape = { signatureHash: createHash("sha256").update(signature).digest("hex"), name, fields };
    byName.set(name, shape);
  }
  return shape;
}

const RECORD_MUTATION = `mutation RecordOperationUsage($operations: [OperationUsageInput!]!) { recordOperationUsage(operations: $operations) }`;

/**
 * Counts each operation the gateway resolves, per day, with the fields it used, and sends the counts to
 * the registry every interval: the registry refuses a change breaking an operation clients actually sent.
 */
export class OperationUsageRecorder {
  private pending = new Map<string, OperationUsage>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly registryUrl: string,
    private readonly gatewayPrivateKey: KeyLike,
    intervalMs = USAGE_FLUSH_INTERVAL_MS,
  ) {
    this.timer = setInterval(() => void this.flush().catch((error) => console.warn(`[gateway] usage not recorded: ${(error as Error).message}`)), intervalMs);
    this.timer.unref();
  }

  plugin<TContext extends object>(): ApolloServerPlugin<TContext> {
    return {
      requestDidStart: async () => ({
        didResolveOperation: async ({ document, operationName, schema }) => {
          this.record(operationShape(schema, document, operationName ?? null));
        },
      }),
    };
  }

  private record({ signatureHash, name, fields }: OperationShape): void {
    const day = new Date().toISOString().slice(0, 10);
    const key = `${day}:${signatureHash}`;
    const existing = this.pending.get(key);
    if (existing) existing.count += 1;
    else this.pending.set(key, { day, signatureHash, name, fields, count: 1 });
  }

  /** Sends what was counted since the last flush; on failure the counts are kept for the next one. */
  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    try {
      const response = await fetch(this.registryUrl, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          [ACCESS_HEADER]: await signAccessToken({ ...ANONYMOUS_ACCESS, principal: { kind: "SYSTEM" } }, "registry", this.gatewayPrivateKey),
        },
        body: JSON.stringify({ query: RECORD_MUTATION, variables: { operations: [...batch.values()] } }),
        signal: AbortSignal.timeout(10_000),
      });
      const body = (await response.json()) as { errors?: Array<{ message: string }> };
      if (body.errors) throw new Error(body.errors[0].message);
    } catch (error) {
      for (const [key, usage] of batch) {
        const existing = this.pending.get(key);
        if (existing) existing.count += usage.count;
        else this.pending.set(key, usage);
      }
      throw error;
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush().catch(() => undefined);
  }
}
