import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { RequestHandler } from "express";
import { GraphQLError, Lexer, Source, TokenKind, validate, type DocumentNode, type GraphQLSchema, type ValidationContext, type ValidationRule } from "graphql";
import { LRUCache } from "lru-cache";
import { sendError } from "../../runtime/error-masking";
import { operationCost } from "./operation-cost";

export interface OperationLimits {
  /** Deepest field nesting; a connection's `edges` and `node` are levels too. */
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** Lexical tokens in the document, counted before it is parsed. */
  maxTokens: number;
  /** Most objects an operation may return, as `operationCost` estimates them (lists sized by `first`). */
  maxCost: number;
  /** What a list of objects without `first` counts for in the cost. */
  assumedListSize: number;
}

/**
 * Every question in DOMAIN.md passes under these with room to spare: the gateway tests ask them all,
 * the largest reaching depth 8, 2 aliases, no directive, 117 tokens and a cost of about 24,000 (a
 * network's 50 schools, each with its resources and their adopting schools).
 */
export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  maxDepth: 12,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 1000,
  maxCost: 50_000,
  assumedListSize: 10,
};

export const OPERATION_TOO_COMPLEX = "OPERATION_TOO_COMPLEX";
/** How much document text the token check remembers as within the limit. */
const ACCEPTED_TEXTS_MAX_CHARS = 4 * 1024 * 1024;
type Limit = "depth" | "aliases" | "directives" | "tokens" | "cost";

/** Refused before any subgraph is called; `extensions.limit` names the limit exceeded. */
export class OperationTooComplexError extends GraphQLError {
  constructor(limit: Limit, message: string) {
    super(message, { extensions: { code: OPERATION_TOO_COMPLEX, limit, http: { status: 400 } } });
  }
}

/**
 * Keeps each operation within the limits before it is planned: tokens are counted before parsing
 * (an Express middleware, so a huge document is never parsed), depth, aliases and directives are
 * GraphQL Armor's rules, and the cost grows with each list's `first`.
 */
export function useOperationLimits(overrides: Partial<OperationLimits> = {}): { tokenLimit: RequestHandler; plugin: ApolloServerPlugin } {
  const limits = { ...DEFAULT_OPERATION_LIMITS, ...overrides };
  const refuse = (limit: Limit) => ({
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(new OperationTooComplexError(limit, error.message.replace(/^Syntax Error: /, "")))],
  });
  const armorRules: ValidationRule[] = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ...refuse("depth") },
    maxAliases: { n: limits.maxAliases, ...refuse("aliases") },
    maxDirectives: { n: limits.maxDirectives, ...refuse("directives") },
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect().validationRules;

  // clients send the same few documents again and again: each text is lexed once while it is kept
  const withinTokens = new LRUCache<string, true>({ maxSize: ACCEPTED_TEXTS_MAX_CHARS, sizeCalculation: (_, text) => text.length || 1 });
  const tokenLimit: RequestHandler = (request, response, next) => {
    const query = request.method === "GET" ? request.query.query : request.body?.query;
    if (typeof query === "string" && !withinTokens.get(query)) {
      if (countTokens(query, limits.maxTokens) > limits.maxTokens) {
        sendError(response, 400, `Token limit of ${limits.maxTokens} exceeded.`, { code: OPERATION_TOO_COMPLEX, limit: "tokens" });
        return;
      }
      withinTokens.set(query, true);
    }
    next();
  };

  // by schema and document: Apollo Server hands every request with the same text the same parsed document
  const armorVerdicts = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, GraphQLError | null>>();
  const armorVerdict = (schema: GraphQLSchema, document: DocumentNode): GraphQLError | null => {
    let bySchema = armorVerdicts.get(schema);
    if (!bySchema) armorVerdicts.set(schema, (bySchema = new WeakMap()));
    let verdict = bySchema.get(document);
    if (verdict === undefined) {
      verdict = validate(schema, document, armorRules)[0] ?? null;
      bySchema.set(document, verdict);
    }
    return verdict;
  };

  // run once the operation is resolved rather than as Apollo Server validation rules: there a refusal
  // would become GRAPHQL_VALIDATION_FAILED, and the cost could not see the variables' `first`
  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          const refused = armorVerdict(schema, document);
          if (refused) throw refused;
          if (!operation) return;
          const cost = operationCost(schema, document, operation, request.variables, limits.assumedListSize);
          if (cost > limits.maxCost) throw new OperationTooComplexError("cost", `Cost limit of ${limits.maxCost} exceeded, found ${cost}.`);
        },
      };
    },
  };
  return { tokenLimit, plugin };
}

/** Tokens up to `max + 1`; a document the lexer cannot read is left to the parser to report. */
function countTokens(query: string, max: number): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (count <= max && lexer.advance().kind !== TokenKind.EOF) count++;
  } catch {
    return 0;
  }
  return count;
}
