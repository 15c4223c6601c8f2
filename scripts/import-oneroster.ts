import { readFileSync } from "node:fs";
import { loadConfig } from "../config";
import { callHub, UsageError, type CliEnvironment, type CliResult } from "./hub-cli";

const CREDENTIALS = "Set HUB_TOKEN (a coordinator's or an organization admin's token) or HUB_API_KEY (a read-write key of the network's organization)";

/**
 * `npm run import:oneroster -- --network ID --file orgs.csv [--dry-run]`: a OneRoster 1.2 `orgs.csv` into a network,
 * through the gateway's `importOneRosterOrgs`, so the same sign-in, authorization and audit apply as to any client.
 * Signs in with HUB_TOKEN (a person's bearer token: a coordinator of the network or an admin of its organization)
 * or HUB_API_KEY (a read-write key of the network's organization).
 */
const USAGE = `Usage: npm run import:oneroster -- --network ID --file orgs.csv [--dry-run]
  --network ID   the network the file's schools are proposed to (its coordinators and its organization's admins import)
  --file PATH    a OneRoster 1.2 orgs.csv (header row, RFC 4180 quoting)
  --dry-run      report what would change and write nothing
Environment: HUB_URL (default http://localhost:4000/graphql), and HUB_TOKEN (a person's bearer token, npm run token) or
HUB_API_KEY (a read-write API key of the network's organization).
Exit status: 0 imported (or nothing to change, or a dry run without bad rows), 1 refused or failed, 2 usage.`;

const IMPORT = `mutation($input: ImportOneRosterOrgsInput!) { importOneRosterOrgs(input: $input) {
  dryRun applied outcome network { name }
  summary { rows created updated unchanged kept districts skipped linked membershipsProposed membershipsAccepted }
  rows { row sourcedId action membership name reason }
  errors { row column code message } } }`;

interface Report {
  dryRun: boolean;
  applied: boolean;
  outcome: "CHANGES" | "NO_CHANGES" | "REFUSED";
  network: { name: string };
  summary: Record<string, number>;
  rows: Array<{ row: number; sourcedId: string; action: string; membership: string; name: string; reason: string | null }>;
  errors: Array<{ row: number; column: string | null; code: string; message: string }>;
}

export async function runOneRosterImport(argv: string[], environment: CliEnvironment): Promise<CliResult> {
  try {
    const flags = parseFlags(argv);
    if (flags.help) return { code: 0, output: USAGE };
    const networkId = flags.network;
    const file = flags.file;
    if (typeof networkId !== "string" || typeof file !== "string") throw new UsageError("--network and --file are required");
    const csv = readFileSync(file, "utf8");
    const data = await callHub(environment, CREDENTIALS, IMPORT, { input: { networkId, csv, dryRun: flags["dry-run"] === true } });
    return describe(data.importOneRosterOrgs as Report);
  } catch (error) {
    if (error instanceof UsageError) return { code: 2, output: `${error.message}\n\n${USAGE}` };
    return { code: 1, output: (error as Error).message };
  }
}

function parseFlags(args: string[]): Record<string, string | true> {
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const match = /^--(network|file|dry-run|help)$/.exec(args[i]);
    if (!match) throw new UsageError(`Unexpected argument: ${args[i]}`);
    const takesValue = match[1] === "network" || match[1] === "file";
    if (takesValue && (args[i + 1] === undefined || args[i + 1].startsWith("--"))) throw new UsageError(`--${match[1]} needs a value`);
    flags[match[1]] = takesValue ? args[++i] : true;
  }
  return flags;
}

function describe(report: Report): CliResult {
  const lines: string[] = [];
  if (report.outcome === "REFUSED") {
    lines.push(`Refused: ${report.errors.length} problem(s) in the file; nothing was imported. Fix them and run again.`);
    lines.push(...report.errors.map((error) => `  row ${String(error.row).padStart(5)}  ${(error.column ?? "-").padEnd(16)} ${error.code.padEnd(21)} ${error.message}`));
    return { code: 1, output: lines.join("\n") };
  }
  lines.push(...report.rows.map((row) => `  row ${String(row.row).padStart(5)}  ${row.action.padEnd(9)} ${row.membership.padEnd(18)} ${row.sourcedId}  ${row.name}${row.reason ? `  (${row.reason})` : ""}`));
  const s = report.summary;
  lines.push(
    `${s.rows} rows: ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged, ${s.kept} kept as their keepers have them, ${s.districts} districts, ${s.skipped} skipped; ` +
      `${s.linked} sourcedIds linked; memberships of ${report.network.name}: ${s.membershipsProposed} proposed (waiting for the schools), ${s.membershipsAccepted} accepted.`,
  );
  if (report.outcome === "NO_CHANGES") lines.push(`Nothing to change: ${report.network.name} already holds this file.`);
  else lines.push(report.dryRun ? "Dry run: nothing was written; these are the changes an import would make. Run again without --dry-run to apply." : "Imported.");
  return { code: 0, output: lines.join("\n") };
}

if (require.main === module) {
  const config = loadConfig("cli");
  runOneRosterImport(process.argv.slice(2), { hubUrl: config.HUB_URL, apiKey: config.HUB_API_KEY, token: config.HUB_TOKEN }).then(({ code, output }) => {
    (code === 0 ? console.log : console.error)(output);
    process.exit(code);
  });
}
