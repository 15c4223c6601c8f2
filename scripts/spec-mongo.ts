/**
 * `npm run spec:mongo -- DIR [--url MONGODB_URL]`: runs MongoDB's unified-format test files found under DIR
 * against a server (an in-memory embedded one when no URL is given), prints each failure and ends with
 * `N passed, M failed, K skipped`. Exits non-zero when a case fails.
 */
import path from "node:path";
import { startEmbeddedMongo } from "../embedded-mongo";
import { runFolder } from "../embedded-mongo/spec/unified";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const urlAt = args.indexOf("--url");
  const url = urlAt >= 0 ? args[urlAt + 1] : undefined;
  const verbose = args.includes("--verbose");
  const dir = args.find((a, i) => !a.startsWith("--") && (urlAt < 0 || i !== urlAt + 1));
  if (!dir || (urlAt >= 0 && !url)) {
    console.error("usage: npm run spec:mongo -- DIR [--url MONGODB_URL] [--verbose]");
    return 2;
  }
  const server = url ? undefined : await startEmbeddedMongo();
  try {
    const summary = await runFolder(path.resolve(dir), url ?? server!.url, (r) => {
      if (r.status === "failed") console.log(`FAIL ${r.file} :: ${r.test}\n     ${r.reason}`);
      else if (verbose) console.log(`${r.status === "passed" ? "ok  " : "skip"} ${r.file} :: ${r.test}${r.status === "skipped" ? ` (${r.reason})` : ""}`);
    });
    console.log(`${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`);
    return summary.failed > 0 ? 1 : 0;
  } finally {
    await server?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(2);
  },
);
