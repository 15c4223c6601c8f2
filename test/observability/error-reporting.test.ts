import { ApolloServer, HeaderMap } from "@apollo/server";
import type { Response } from "express";
import { GraphQLError } from "graphql";
import pino from "pino";
import { errorMasking } from "../../runtime/error-masking";
import { REQUEST_ID_HEADER } from "../../runtime/observability";

/**
 * Masked errors are logged with the id of the request they happened in, and the client is shown that id:
 * without any async context, from the request's own header (resolvers) or its Express locals (context).
 */
const lines: Array<Record<string, any>> = [];
const logger = pino({ level: "error" }, { write: (line: string) => void lines.push(JSON.parse(line)) });

const masking = errorMasking(logger);
const apollo = new ApolloServer({
  typeDefs: "type Query { broken: Int, refused: Int }",
  resolvers: {
    Query: {
      broken: () => {
        throw new Error("connect ECONNREFUSED 10.0.0.7:27017");
      },
      refused: () => {
        throw new GraphQLError("No", { extensions: { code: "FORBIDDEN" } });
      },
    },
  },
  formatError: masking.formatError,
  plugins: [masking.plugin],
});
beforeAll(() => apollo.start());
afterAll(() => apollo.stop());
beforeEach(() => void lines.splice(0));

async function ask(query: string, requestId: string, context: () => Promise<object> = async () => ({})) {
  const headers = new HeaderMap([["content-type", "application/json"], [REQUEST_ID_HEADER, requestId]]);
  const answer = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: { method: "POST", headers, search: "", body: { query } }, context });
  return { status: answer.status ?? 200, body: JSON.parse((answer.body as { string: string }).string) };
}

function failingContext(requestId: string, failure: Error) {
  const res = { locals: { requestId, log: logger.child({ requestId }) } } as unknown as Response;
  return () => masking.reportingFailures(async (_args: { res: Response }) => Promise.reject(failure))({ res });
}

it("a resolver's unexpected error is shown as INTERNAL_SERVER_ERROR with the request's id and logged in full with it", async () => {
  const { body } = await ask("{ broken refused }", "req-7");
  expect(body.errors).toEqual([
    { message: "Internal server error", locations: [{ line: 1, column: 3 }], path: ["broken"], extensions: { code: "INTERNAL_SERVER_ERROR", requestId: "req-7" } },
    expect.objectContaining({ message: "No", extensions: { code: "FORBIDDEN" } }),
  ]);
  expect(lines).toEqual([expect.objectContaining({ requestId: "req-7", msg: "unexpected error", err: expect.objectContaining({ message: expect.stringContaining("ECONNREFUSED") }) })]);
});

it("an unexpected failure while building the context is logged with the request's id, which the client is shown", async () => {
  const { status, body } = await ask("{ refused }", "req-8", failingContext("req-8", new Error("networks at http://10.0.0.9 said no")));
  expect(status).toBe(500);
  expect(body).toEqual({ errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR", requestId: "req-8" } }] });
  expect(JSON.stringify(body)).not.toContain("10.0.0.9");
  expect(lines).toEqual([expect.objectContaining({ requestId: "req-8", err: expect.objectContaining({ message: expect.stringContaining("10.0.0.9") }) })]);
});

it("a context failure with a safe code reaches the client as it is and is not logged", async () => {
  const { body } = await ask("{ refused }", "req-9", failingContext("req-9", new GraphQLError("Sign in", { extensions: { code: "UNAUTHENTICATED" } })));
  expect(body.errors).toEqual([expect.objectContaining({ message: "Sign in", extensions: expect.objectContaining({ code: "UNAUTHENTICATED" }) })]);
  expect(lines).toEqual([]);
});
