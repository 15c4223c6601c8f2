import { HeaderMap, type ApolloServer, type BaseContext } from "@apollo/server";
import type express from "express";
import type http from "node:http";
import { jsonErrorHandler, jsonNotFound } from "../../runtime/error-masking";

/**
 * Answers a request whose body is parsed with Apollo Server, as `expressMiddleware` does, but writes a
 * complete answer with Node's `end` (headers and body in one write) rather than Express's `send`, which
 * parses the content type again, copies the text into a Buffer and checks freshness for a POST.
 */
export function apolloHandler<TContext extends BaseContext>(apollo: ApolloServer<TContext>, context: (response: express.Response) => Promise<TContext>): express.RequestHandler {
  return (request, response, next) => {
    const headers = new HeaderMap();
    for (const name in request.headers) {
      const value = request.headers[name];
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const queryAt = request.url.indexOf("?");
    apollo
      .executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: request.method.toUpperCase(), headers, search: queryAt < 0 ? "" : request.url.slice(queryAt), body: request.body },
        context: () => context(response),
      })
      .then((answer) => {
        for (const [name, value] of answer.headers) response.setHeader(name, value);
        response.statusCode = answer.status ?? 200;
        if (answer.body.kind === "complete") response.end(answer.body.string);
        else return sendChunks(answer.body.asyncIterator, response);
      })
      .catch(next);
  };
}

/** An incremental answer (`@defer`), part by part. */
async function sendChunks(chunks: AsyncIterable<string>, response: express.Response): Promise<void> {
  for await (const chunk of chunks) response.write(chunk);
  response.end();
}

/**
 * Runs `handlers` in order as one handler: mounted as one router layer, the router matches the path and
 * rewrites the url once per request instead of once per handler.
 */
export function inSequence(...handlers: express.RequestHandler[]): express.RequestHandler {
  return (request, response, done) => {
    let index = 0;
    const next = (error?: unknown) => {
      if (error || index === handlers.length) {
        done(error);
        return;
      }
      try {
        handlers[index++](request, response, next);
      } catch (thrown) {
        done(thrown);
      }
    };
    next();
  };
}

/**
 * Runs `handler` as if `app` had routed the request to it (mounted at the request's path): with Express's
 * request and response methods and `res.locals`, as `app.handle` sets them, and the app's last handlers
 * (JSON 404 and errors) after it, without the router's matching of every mounted path on the way.
 */
export function answerDirectly(app: express.Express, request: http.IncomingMessage, response: http.ServerResponse, handler: express.RequestHandler): void {
  const req = Object.setPrototypeOf(request, app.request) as express.Request;
  const res = Object.setPrototypeOf(response, app.response) as express.Response;
  req.res = res;
  res.req = req;
  res.locals = Object.create(null);
  req.originalUrl = req.url;
  req.baseUrl = req.url;
  const ignore = () => {};
  handler(req, res, (error?: unknown) => {
    if (error) jsonErrorHandler(error, req, res, ignore);
    else jsonNotFound(req, res, ignore);
  });
}
