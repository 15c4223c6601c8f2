import { readFileSync } from "node:fs";
import type { SubgraphConfig } from "../../contracts/supergraph-config";
import { assertSignedIn, ForbiddenError, NotFoundError, type Access, type PageArgs } from "../kit";
import { breakingChanges, normalizedSdl, ownershipViolations } from "./checks";
import { composeSubgraphs } from "./composition";
import type { RegisteredSubgraphRecord, RegistryRepository, SupergraphVersionDocument } from "./registry.repository";
import type { BreakingChange, SubgraphCheck, SubgraphCheckInput, SubgraphPublishInput } from "./registry.types";

export interface RegistrySettings {
  /** The built-in subgraphs (supergraph.yaml): they belong to the hub's operator. */
  builtIns: SubgraphConfig[];
  /** The organization operating the hub: its admins and publishing keys roll the supergraph back. */
  operatorOrganizationId: string | null;
  /** How many days of recorded operations a breaking change is checked against. */
  usageWindowDays: number;
  /** The committed composition of the built-ins, when it matches them (schema/supergraph.graphql). */
  committedSupergraph?: () => string;
}

/** Default usage window of the breaking-change check, in days. */
export const USAGE_WINDOW_DAYS = 7;

/** A routing URL used to compose a subgraph that is only being checked. */
const CHECK_ROUTING_URL = "http://check.invalid/graphql";

interface Evaluation {
  check: SubgraphCheck;
  supergraphSdl: string | null;
  /** Changes breaking operations clients sent: they need an admin's force. */
  breakingUsed: BreakingChange[];
}

/**
 * The subgraph registry: each change is checked (composition, ownership, breaking changes against the
 * operations clients sent) and, if it passes, stored as a new supergraph version that every gateway then
 * serves. Only the owning organization changes its subgraph; the built-ins are the operator's.
 */
export class RegistryService {
  constructor(
    private readonly repo: RegistryRepository,
    private readonly settings: RegistrySettings,
  ) {}

  /** Brings the built-ins of the deployed code into the registry (a new version when they changed). */
  async syncBuiltIns(): Promise<void> {
    const latest = await this.repo.latest();
    const builtIns: RegisteredSubgraphRecord[] = this.settings.builtIns.map((subgraph) => ({
      name: subgraph.name,
      organizationId: null,
      builtIn: true,
      routingUrl: subgraph.routingUrl,
      sdl: readFileSync(subgraph.schemaFile, "utf8"),
      publishedBy: null,
      publishedAt: new Date(),
    }));
    const stored = new Map((latest?.subgraphs ?? []).filter((subgraph) => subgraph.builtIn).map((subgraph) => [subgraph.name, subgraph]));
    const unchanged =
      stored.size === builtIns.length &&
      builtIns.every((subgraph) => stored.get(subgraph.name)?.sdl === subgraph.sdl && stored.get(subgraph.name)?.routingUrl === subgraph.routingUrl);
    if (latest && unchanged) return;
    const partners = (latest?.subgraphs ?? []).filter((subgraph) => !subgraph.builtIn && !builtIns.some((builtIn) => builtIn.name === subgraph.name));
    const subgraphs = [...builtIns.map((subgraph) => (stored.get(subgraph.name)?.sdl === subgraph.sdl ? { ...subgraph, publishedAt: stored.get(subgraph.name)!.publishedAt } : subgraph)), ...partners];
    // with no partner, the committed supergraph is their composition (a test keeps it so)
    const outcome = partners.length === 0 && this.settings.committedSupergraph ? { ok: true as const, supergraphSdl: this.settings.committedSupergraph() } : composeSubgraphs(subgraphs);
    if (!outcome.ok) {
      throw new Error(`The hub's subgraphs do not compose with the registered ones:\n${outcome.errors.map((error) => `  - ${error.code}: ${error.message}`).join("\n")}`);
    }
    try {
      await this.repo.append(latest?._id ?? 0, {
        sdl: outcome.supergraphSdl,
        subgraphs,
        change: "BUILT_INS",
        subgraph: null,
        rolledBackTo: null,
        createdBy: null,
        forced: false,
        breakingChanges: [],
      });
    } catch (error) {
      // another registry instance synced the same code first
      if (!(await this.repo.latest())) throw error;
    }
  }

  async list(access: Access): Promise<RegisteredSubgraphRecord[]> {
    return (await this.current()).subgraphs.map((subgraph) => this.shown(access, subgraph));
  }

  async fetch(access: Access, name: string): Promise<RegisteredSubgraphRecord | null> {
    const subgraph = (await this.current()).subgraphs.find((candidate) => candidate.name === name);
    return subgraph ? this.shown(access, subgraph) : null;
  }

  versions(args: PageArgs) {
    return this.repo.pageVersions(args);
  }

  async check(access: Access, input: SubgraphCheckInput): Promise<SubgraphCheck> {
    const organizationId = publisherOrganization(access);
    const current = await this.current();
    const existing = this.ownedOrNew(current, input.name, organizationId);
    const proposed = replaced(current, { ...this.record(access, organizationId, input.name, input.sdl, existing?.routingUrl ?? CHECK_ROUTING_URL) });
    return (await this.evaluate(current, proposed, input)).check;
  }

  async publish(access: Access, input: SubgraphPublishInput): Promise<{ published: boolean; version: number | null; check: SubgraphCheck }> {
    const organizationId = publisherOrganization(access);
    if (input.force && !(access.principal.kind === "PERSON" && access.organizationAdmin)) {
      throw new ForbiddenError("Only an admin of the owning organization forces a change that breaks operations clients sent");
    }
    const current = await this.current();
    const existing = this.ownedOrNew(current, input.name, organizationId);
    if (existing && existing.routingUrl === input.routingUrl && normalizedSdl(existing.sdl) === normalizedSdl(input.sdl)) {
      return { published: true, version: current._id, check: passed() };
    }
    const proposed = replaced(current, this.record(access, organizationId, input.name, input.sdl, input.routingUrl));
    const evaluation = await this.evaluate(current, proposed, input);
    const forcedThrough = input.force && evaluation.breakingUsed.length > 0 && this.passesExceptUsage(evaluation);
    if (!evaluation.check.ok && !forcedThrough) return { published: false, version: null, check: evaluation.check };
    const version = await this.repo.append(current._id, {
      sdl: evaluation.supergraphSdl!,
      subgraphs: proposed,
      change: "PUBLISH",
      subgraph: input.name,
      rolledBackTo: null,
      createdBy: actorOf(access),
      forced: forcedThrough,
      breakingChanges: evaluation.check.breakingChanges.map((change) => change.message),
    });
    return { published: true, version: version._id, check: forcedThrough ? { ...evaluation.check, ok: true } : evaluation.check };
  }

  async delete(access: Access, name: string): Promise<{ published: boolean; version: number | null; check: SubgraphCheck }> {
    const organizationId = publisherOrganization(access);
    const current = await this.current();
    const existing = this.ownedOrNew(current, name, organizationId);
    if (!existing) throw new NotFoundError("Subgraph", name);
    const proposed = current.subgraphs.filter((subgraph) => subgraph.name !== name);
    const evaluation = await this.evaluate(current, proposed, null);
    if (!evaluation.check.ok) return { published: false, version: null, check: evaluation.check };
    const version = await this.repo.append(current._id, {
      sdl: evaluation.supergraphSdl!,
      subgraphs: proposed,
      change: "DELETE",
      subgraph: name,
      rolledBackTo: null,
      createdBy: actorOf(access),
      forced: false,
      breakingChanges: evaluation.check.breakingChanges.map((change) => change.message),
    });
    return { published: true, version: version._id, check: evaluation.check };
  }

  /** Serves an earlier version again, as a new version (history is never rewritten). The operator's only. */
  async rollback(access: Access, to: number): Promise<SupergraphVersionDocument> {
    const organizationId = publisherOrganization(access);
    if (!this.settings.operatorOrganizationId || organizationId !== this.settings.operatorOrganizationId) {
      throw new ForbiddenError("Only the hub's operator rolls the supergraph back");
    }
    const current = await this.current();
    const target = await this.repo.version(to);
    if (!target) throw new NotFoundError("SupergraphVersion", String(to));
    return this.repo.append(current._id, {
      sdl: target.sdl,
      subgraphs: target.subgraphs,
      change: "ROLLBACK",
      subgraph: null,
      rolledBackTo: to,
      createdBy: actorOf(access),
      forced: false,
      breakingChanges: [],
    });
  }

  /** The current version when newer than `newerThan`, for the gateways. */
  async release(access: Access, newerThan: number | null): Promise<SupergraphVersionDocument | null> {
    assertGateway(access);
    const latest = await this.repo.latest();
    return latest && (newerThan === null || latest._id > newerThan) ? latest : null;
  }

  async recordUsage(access: Access, operations: Parameters<RegistryRepository["recordUsage"]>[0]): Promise<void> {
    assertGateway(access);
    await this.repo.recordUsage(operations);
  }

  private async current(): Promise<SupergraphVersionDocument> {
    const latest = await this.repo.latest();
    if (!latest) throw new Error("The registry holds no supergraph yet");
    return latest;
  }

  /** The registered subgraph `name` when `organizationId` owns it, undefined when the name is free; refuses anyone else's. */
  private ownedOrNew(current: SupergraphVersionDocument, name: string, organizationId: string): RegisteredSubgraphRecord | undefined {
    const existing = current.subgraphs.find((subgraph) => subgraph.name === name);
    if (existing?.builtIn) throw new ForbiddenError(`The ${name} subgraph belongs to the hub's operator`);
    if (existing && existing.organizationId !== organizationId) throw new ForbiddenError(`The subgraph name ${name} is taken by another organization`);
    return existing;
  }

  private record(access: Access, organizationId: string, name: string, sdl: string, routingUrl: string): RegisteredSubgraphRecord {
    return { name, organizationId, builtIn: false, routingUrl, sdl, publishedBy: actorOf(access), publishedAt: new Date() };
  }

  private async evaluate(current: SupergraphVersionDocument, proposed: RegisteredSubgraphRecord[], changed: { name: string; sdl: string } | null): Promise<Evaluation> {
    const outcome = composeSubgraphs(proposed);
    const violations = changed ? ownershipViolations(changed.name, changed.sdl, proposed.filter((subgraph) => subgraph.name !== changed.name)) : [];
    const check: SubgraphCheck = {
      ok: false,
      compositionErrors: outcome.ok ? [] : outcome.errors,
      // the hints about this subgraph, not the hub's own
      compositionHints: changed ? outcome.hints.filter((hint) => hint.message.includes(`"${changed.name}"`)) : [],
      ownershipViolations: violations,
      breakingChanges: [],
      warnings: [],
    };
    if (!outcome.ok) return { check, supergraphSdl: null, breakingUsed: [] };
    const since = new Date(Date.now() - (this.settings.usageWindowDays - 1) * 86_400_000).toISOString().slice(0, 10);
    for (const change of await breakingChanges(current.sdl, outcome.supergraphSdl)) {
      const operations = await this.repo.operationsUsing([change.coordinate], since);
      check.breakingChanges.push({ ...change, operations: operations.map(({ name, signatureHash, count }) => ({ name, signatureHash, count })) });
    }
    const breakingUsed = check.breakingChanges.filter((change) => change.operations.length > 0);
    for (const change of check.breakingChanges.filter((candidate) => candidate.operations.length === 0)) {
      check.warnings.push(`${change.message} (no operation used ${change.coordinate} in the last ${this.settings.usageWindowDays} days)`);
    }
    check.ok = violations.length === 0 && breakingUsed.length === 0;
    return { check, supergraphSdl: outcome.supergraphSdl, breakingUsed };
  }

  private passesExceptUsage(evaluation: Evaluation): boolean {
    return evaluation.supergraphSdl !== null && evaluation.check.ownershipViolations.length === 0;
  }

  /** Routing URLs are internal: only the owner (and for built-ins, the operator) sees them. */
  private shown(access: Access, subgraph: RegisteredSubgraphRecord): RegisteredSubgraphRecord {
    const owner = subgraph.builtIn ? this.settings.operatorOrganizationId : subgraph.organizationId;
    return owner && access.organizationId === owner ? subgraph : { ...subgraph, routingUrl: null as unknown as string };
  }
}

function replaced(current: SupergraphVersionDocument, record: RegisteredSubgraphRecord): RegisteredSubgraphRecord[] {
  return [...current.subgraphs.filter((subgraph) => subgraph.name !== record.name), record];
}

function passed(): SubgraphCheck {
  return { ok: true, compositionErrors: [], compositionHints: [], ownershipViolations: [], breakingChanges: [], warnings: [] };
}

/** The organization a caller publishes for: a key with the SCHEMA_PUBLISH scope, or one of its admins. */
function publisherOrganization(access: Access): string {
  const { principal, organizationId } = access;
  assertSignedIn(access);
  const publisher =
    (principal.kind === "API_KEY" && principal.scopes?.includes("SCHEMA_PUBLISH")) || (principal.kind === "PERSON" && access.organizationAdmin);
  if (!organizationId || !publisher) throw new ForbiddenError("Publishing subgraphs needs an API key with the SCHEMA_PUBLISH scope or an organization admin");
  return organizationId;
}

function actorOf(access: Access): string | null {
  const { principal } = access;
  return principal.kind === "PERSON" ? `person:${principal.personId}` : principal.kind === "API_KEY" ? `api-key:${principal.keyId}` : null;
}

function assertGateway(access: Access): void {
  if (access.principal.kind !== "SYSTEM") throw new ForbiddenError("Only the gateway asks this");
}
