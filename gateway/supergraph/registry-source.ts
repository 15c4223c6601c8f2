import type { SupergraphManager, SupergraphSdlUpdateFunction } from "@apollo/gateway";
import type { KeyLike } from "jose";
import { ACCESS_HEADER, ANONYMOUS_ACCESS, signAccessToken } from "../../contracts/access";

/** How often a gateway asks the registry for a newer supergraph by default. */
export const SUPERGRAPH_POLL_INTERVAL_MS = 2_000;

export interface RegistrySupergraphOptions {
  /** The registry subgraph's GraphQL endpoint. */
  registryUrl: string;
  gatewayPrivateKey: KeyLike;
  /** Served when the registry cannot be reached at start (the committed supergraph, or SUPERGRAPH_PATH). */
  fallbackSdl: string;
  pollIntervalMs?: number;
  onError?: (error: unknown) => void;
}

interface Release {
  version: number;
  sdl: string;
  subgraphs: Array<{ name: string; organizationId: string | null }>;
}

const RELEASE_QUERY = `query Supergraph($newerThan: Int) { supergraph(newerThan: $newerThan) { version sdl subgraphs { name organizationId } } }`;

/**
 * Follows the registry's current supergraph: ApolloGateway's supergraph manager, polling for a newer
 * version and handing it to `update`. The gateway swaps schemas between requests, so in-flight requests
 * finish on the version they started with; every gateway on the same registry converges within a poll.
 */
export class RegistrySupergraph implements SupergraphManager {
  /** The owning organization of each subgraph in the served version (null: the hub's operator). */
  readonly owners = new Map<string, string | null>();
  private version: number | null = null;
  private timer: NodeJS.Timeout | undefined;
  private polling = false;
  private stopped = false;

  constructor(private readonly options: RegistrySupergraphOptions) {}

  async initialize({ update }: { update: SupergraphSdlUpdateFunction }) {
    let sdl = this.options.fallbackSdl;
    try {
      const release = await this.fetchNewer();
      if (release) sdl = this.adopt(release);
    } catch (error) {
      this.options.onError?.(error);
    }
    this.timer = setInterval(() => void this.poll(update), this.options.pollIntervalMs ?? SUPERGRAPH_POLL_INTERVAL_MS);
    this.timer.unref();
    const cleanup = async () => {
      this.stopped = true;
      clearInterval(this.timer);
    };
    return { supergraphSdl: sdl, cleanup };
  }

  /** The registry version being served; null while serving the fallback. */
  get servedVersion(): number | null {
    return this.version;
  }

  private async poll(update: SupergraphSdlUpdateFunction): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const release = await this.fetchNewer();
      if (release && !this.stopped) {
        const previous = { version: this.version, owners: new Map(this.owners) };
        try {
          update(this.adopt(release));
        } catch (error) {
          // a version this gateway cannot serve: keep the current one
          this.version = previous.version;
          this.owners.clear();
          for (const [name, owner] of previous.owners) this.owners.set(name, owner);
          throw error;
        }
      }
    } catch (error) {
      this.options.onError?.(error);
    } finally {
      this.polling = false;
    }
  }

  private adopt(release: Release): string {
    this.version = release.version;
    this.owners.clear();
    for (const subgraph of release.subgraphs) this.owners.set(subgraph.name, subgraph.organizationId);
    return release.sdl;
  }

  private async fetchNewer(): Promise<Release | null> {
    const response = await fetch(this.options.registryUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [ACCESS_HEADER]: await signAccessToken({ ...ANONYMOUS_ACCESS, principal: { kind: "SYSTEM" } }, "registry", this.options.gatewayPrivateKey),
      },
      body: JSON.stringify({ query: RELEASE_QUERY, variables: { newerThan: this.version } }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await response.json()) as { data?: { supergraph: Release | null }; errors?: Array<{ message: string }> };
    if (!body.data) throw new Error(`Registry answered no supergraph: ${body.errors?.[0]?.message ?? response.status}`);
    return body.data.supergraph;
  }
}
