import type { Fetcher, FetcherResponse } from "@apollo/utils.fetcher";
import { STATUS_CODES } from "node:http";
import { Agent } from "undici";

/** How long an idle connection to a subgraph stays open for the next fetch. */
const KEEP_ALIVE_MS = 30_000;

/**
 * The gateway's connections to its subgraphs: one undici agent, a keep-alive pool per subgraph origin.
 * Undici's own `request` rather than `fetch`: the WHATWG layer (streams, Request objects, abort signals) costs
 * more than the subgraph call it wraps, and the gateway reads each answer whole anyway.
 */
export class SubgraphConnections {
  private readonly agent = new Agent({ keepAliveTimeout: KEEP_ALIVE_MS, keepAliveMaxTimeout: KEEP_ALIVE_MS });

  /**
   * A fetcher for Apollo's data sources. `timeoutMs` bounds the wait for the answer's headers and then
   * for each part of its body; an error, a timeout or a cut connection rejects.
   */
  fetcher(timeoutMs: number): Fetcher {
    return async (url, init = {}) => {
      const { origin, pathname, search } = new URL(url);
      const response = await this.agent.request({
        origin,
        path: pathname + search,
        method: (init.method ?? "GET") as "POST",
        headers: init.headers,
        body: init.body,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      return new BufferedResponse(url, response.statusCode, response.headers, await response.body.text());
    };
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}

/** A whole answer, read: what Apollo's data sources need of a fetch Response. */
class BufferedResponse implements FetcherResponse {
  readonly redirected = false;
  bodyUsed = false;
  private parsedHeaders: Headers | null = null;

  constructor(
    readonly url: string,
    readonly status: number,
    private readonly rawHeaders: Record<string, string | string[] | undefined>,
    private readonly body: string,
  ) {}

  /** Built when first read: the gateway's own data source reads only the status and the body. */
  get headers(): Headers {
    if (!this.parsedHeaders) {
      this.parsedHeaders = new Headers();
      for (const [name, value] of Object.entries(this.rawHeaders)) {
        if (value !== undefined) this.parsedHeaders.set(name, Array.isArray(value) ? value.join(", ") : value);
      }
    }
    return this.parsedHeaders;
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  get statusText(): string {
    return STATUS_CODES[this.status] ?? "";
  }

  async text(): Promise<string> {
    this.bodyUsed = true;
    return this.body;
  }

  async json(): Promise<any> {
    return JSON.parse(await this.text());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = Buffer.from(await this.text());
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  clone(): FetcherResponse {
    return new BufferedResponse(this.url, this.status, this.rawHeaders, this.body);
  }
}
