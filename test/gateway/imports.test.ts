import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/*
 * The gateway needs a supergraph and routing URLs, never subgraph code (issue #11): what both sides share
 * lives in contracts/ (and runtime/ for the service plumbing). Followed transitively, so a shared module that
 * reaches into subgraphs/ fails too.
 */

const ROOT = path.resolve(__dirname, "..", "..");

function sourcesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const full = path.join(folder, entry);
    if (statSync(full).isDirectory()) return sourcesUnder(full);
    return /\.tsx?$/.test(entry) ? [full] : [];
  });
}

/** The project files `file` imports (static, dynamic, `require`, re-exports): packages are left out. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  return importedFiles
    .map((imported) => imported.fileName)
    .filter((specifier) => specifier.startsWith("."))
    .map((specifier) => {
      const base = path.resolve(path.dirname(file), specifier);
      const candidates = [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), base];
      const found = candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
      if (!found) throw new Error(`${path.relative(ROOT, file)}: cannot resolve ${specifier}`);
      return found;
    });
}

/** Every import chain from `roots` into `forbidden`, as "a → b → c". */
function chainsInto(roots: string[], forbidden: string): string[] {
  const reachedFrom = new Map<string, string | null>(roots.map((root) => [root, null]));
  const queue = [...roots];
  const chains: string[] = [];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const imported of importsOf(file)) {
      if (reachedFrom.has(imported)) continue;
      reachedFrom.set(imported, file);
      if (imported.startsWith(forbidden + path.sep)) {
        const chain = [imported];
        for (let at = reachedFrom.get(imported); at; at = reachedFrom.get(at)) chain.unshift(at);
        chains.push(chain.map((step) => path.relative(ROOT, step)).join(" → "));
        continue;
      }
      queue.push(imported);
    }
  }
  return chains;
}

describe("the gateway's code", () => {
  it("imports nothing from subgraphs/, directly or through a shared module", () => {
    const gatewayFiles = sourcesUnder(path.join(ROOT, "gateway"));
    expect(gatewayFiles.length).toBeGreaterThan(10);
    expect(chainsInto(gatewayFiles, path.join(ROOT, "subgraphs"))).toEqual([]);
  });

  it("is caught when it does (the check follows imports)", () => {
    const probe = path.join(ROOT, "scripts", "hub.ts");
    expect(chainsInto([probe], path.join(ROOT, "subgraphs"))).toContainEqual(expect.stringMatching(/^scripts\/hub\.ts → subgraphs\//));
  });
});
