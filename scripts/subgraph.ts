import { readFileSync } from "node:fs";
import { loadConfig } from "../config";
import { callHub, UsageError, type CliEnvironment, type CliResult } from "./hub-cli";

const CREDENTIALS = "Set HUB_API_KEY (an organization key with the SCHEMA_PUBLISH scope) or HUB_TOKEN";

/**
 * `npm run subgraph -- <command>`: the subgraph registry from a terminal, shaped like Rover's
 * `rover subgraph …`. Talks to the gateway at HUB_URL (default http://localhost:4000) with HUB_API_KEY
 * (an organization key with the SCHEMA_PUBLISH scope), or HUB_TOKEN (an admin's bearer token, to --force).
 */
const USAGE = `Usage: npm run subgraph -- <command>
  check    --name N --schema FILE                      check a change (composition, ownership, breaking changes); changes nothing
  publish  --name N --schema FILE --routing-url URL    check and publish; every gateway serves it within seconds
           [--force]                                   publish although it breaks operations clients sent (organization admins, HUB_TOKEN)
  list                                                 the subgraphs of the current supergraph
  fetch    --name N                                    a subgraph's SDL
  delete   --name N                                    remove your organization's subgraph
  rollback --to VERSION                                serve an earlier supergraph version again (the hub's operator)
  versions                                             the supergraph's versions, newest first
Environment: HUB_URL (default http://localhost:4000), HUB_API_KEY or HUB_TOKEN.`;

const CHECK_FIELDS = `ok compositionErrors { code message } compositionHints { code message } ownershipViolations { code message }
  breakingChanges { code message coordinate operations { name signatureHash count } } warnings`;

interface Check {
  ok: boolean;
  compositionErrors: Array<{ code: string; message: string }>;
  compositionHints: Array<{ code: string; message: string }>;
  ownershipViolations: Array<{ code: string; message: string }>;
  breakingChanges: Array<{ code: string; message: string; coordinate: string; operations: Array<{ name: string | null; signatureHash: string; count: number }> }>;
  warnings: string[];
}

export async function runSubgraphCommand(argv: string[], environment: CliEnvironment): Promise<CliResult> {
  const [command, ...rest] = argv;
  const flags = parseFlags(rest);
  const call = (query: string, variables: Record<string, unknown> = {}) => callHub(environment, CREDENTIALS, query, variables);
  const required = (name: string) => {
    const value = flags[name];
    if (typeof value !== "string" || !value) throw new UsageError(`--${name} is required`);
    return value;
  };
  try {
    switch (command) {
      case "check": {
        const input = { name: required("name"), sdl: readFileSync(required("schema"), "utf8") };
        const data = await call(`mutation($input: SubgraphCheckInput!) { checkSubgraph(input: $input) { ${CHECK_FIELDS} } }`, { input });
        return report(data.checkSubgraph as Check, "Check passed.", "Check failed.");
      }
      case "publish": {
        const input = { name: required("name"), sdl: readFileSync(required("schema"), "utf8"), routingUrl: required("routing-url"), force: flags.force === true };
        const data = await call(`mutation($input: SubgraphPublishInput!) { publishSubgraph(input: $input) { published version check { ${CHECK_FIELDS} } } }`, { input });
        const publication = data.publishSubgraph as { published: boolean; version: number | null; check: Check };
        return report({ ...publication.check, ok: publication.published }, `Published: supergraph version ${publication.version}.`, "Not published: nothing changed.");
      }
      case "list": {
        const subgraphs: Array<Record<string, unknown>> = [];
        for (let after: string | null = null, more = true; more; ) {
          const data = await call(
            `query($after: String) { registeredSubgraphs(first: 100, after: $after) { edges { node { name organizationId builtIn routingUrl publishedBy publishedAt } } pageInfo { hasNextPage endCursor } } }`,
            { after },
          );
          const page = data.registeredSubgraphs as { edges: Array<{ node: Record<string, unknown> }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
          subgraphs.push(...page.edges.map((edge) => edge.node));
          [more, after] = [page.pageInfo.hasNextPage, page.pageInfo.endCursor];
        }
        const rows = subgraphs.map(
          (subgraph) =>
            `${String(subgraph.name).padEnd(24)} ${subgraph.builtIn ? "hub".padEnd(26) : String(subgraph.organizationId).padEnd(26)} ${String(subgraph.publishedAt)} ${subgraph.routingUrl ?? ""}`,
        );
        return { code: 0, output: [`${"NAME".padEnd(24)} ${"OWNER".padEnd(26)} PUBLISHED`, ...rows].join("\n") };
      }
      case "fetch": {
        const data = await call(`query($name: String!) { registeredSubgraph(name: $name) { sdl } }`, { name: required("name") });
        const subgraph = data.registeredSubgraph as { sdl: string } | null;
        return subgraph ? { code: 0, output: subgraph.sdl } : { code: 1, output: `No subgraph named ${flags.name}.` };
      }
      case "delete": {
        const data = await call(`mutation($name: String!) { deleteSubgraph(name: $name) { published version check { ${CHECK_FIELDS} } } }`, { name: required("name") });
        const publication = data.deleteSubgraph as { published: boolean; version: number | null; check: Check };
        return report({ ...publication.check, ok: publication.published }, `Deleted: supergraph version ${publication.version}.`, "Not deleted: nothing changed.");
      }
      case "rollback": {
        const to = Number(required("to"));
        if (!Number.isInteger(to) || to < 1) throw new UsageError("--to takes a version number");
        const data = await call(`mutation($to: Int!) { rollbackSupergraph(to: $to) { version rolledBackTo } }`, { to });
        const version = data.rollbackSupergraph as { version: number; rolledBackTo: number };
        return { code: 0, output: `Rolled back: supergraph version ${version.version} serves version ${version.rolledBackTo}.` };
      }
      case "versions": {
        const data = await call(`{ supergraphVersions(first: 50) { edges { node { version change subgraph rolledBackTo createdBy createdAt forced } } } }`);
        const rows = (data.supergraphVersions as { edges: Array<{ node: Record<string, unknown> }> }).edges.map(({ node }) =>
          [String(node.version).padStart(4), String(node.change).padEnd(9), node.subgraph ?? (node.rolledBackTo ? `to ${node.rolledBackTo}` : ""), node.createdBy ?? "", node.createdAt, node.forced ? "FORCED" : ""].join("  "),
        );
        return { code: 0, output: rows.join("\n") };
      }
      default:
        return { code: command ? 2 : 0, output: USAGE };
    }
  } catch (error) {
    if (error instanceof UsageError) return { code: 2, output: `${error.message}\n\n${USAGE}` };
    return { code: 1, output: (error as Error).message };
  }
}

function parseFlags(args: string[]): Record<string, string | true> {
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(args[i]);
    if (!match) throw new UsageError(`Unexpected argument: ${args[i]}`);
    if (match[2] !== undefined) flags[match[1]] = match[2];
    else if (args[i + 1] !== undefined && !args[i + 1].startsWith("--")) flags[match[1]] = args[++i];
    else flags[match[1]] = true;
  }
  return flags;
}

function report(check: Check, passed: string, failed: string): CliResult {
  const lines: string[] = [];
  const section = (title: string, items: string[]) => {
    if (items.length > 0) lines.push(`${title}:`, ...items.map((item) => `  - ${item}`));
  };
  section("Composition errors", check.compositionErrors.map((error) => `${error.code}: ${error.message}`));
  section("Ownership", check.ownershipViolations.map((violation) => `${violation.code}: ${violation.message}`));
  section(
    "Breaking changes",
    check.breakingChanges.map((change) =>
      change.operations.length > 0
        ? `${change.code}: ${change.message} — used by ${change.operations.map((operation) => `${operation.name ?? "(anonymous)"} ×${operation.count}`).join(", ")}`
        : `${change.code}: ${change.message}`,
    ),
  );
  section("Warnings", check.warnings);
  section("Hints", check.compositionHints.map((hint) => `${hint.code}: ${hint.message}`));
  lines.push(check.ok ? passed : failed);
  return { code: check.ok ? 0 : 1, output: lines.join("\n") };
}

if (require.main === module) {
  const config = loadConfig("cli");
  runSubgraphCommand(process.argv.slice(2), { hubUrl: config.HUB_URL, apiKey: config.HUB_API_KEY, token: config.HUB_TOKEN }).then(({ code, output }) => {
    (code === 0 ? console.log : console.error)(output);
    process.exit(code);
  });
}
