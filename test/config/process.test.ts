import { spawnSync } from "node:child_process";
import path from "node:path";
import { HUB_PREFIXES } from "../../config/variables";
import { ensureBuilt, REPOSITORY } from "../support/build";

/** The compiled entry points refuse a bad configuration before they start anything, naming the variable. */
function start(entryPoint: string, env: Record<string, string>) {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !HUB_PREFIXES.some((prefix) => name.startsWith(prefix))));
  return spawnSync(process.execPath, [ensureBuilt(entryPoint)], { cwd: REPOSITORY, env: { ...inherited, ...env }, encoding: "utf8", timeout: 60_000 });
}

describe("a process with a bad configuration", () => {
  it("the gateway stops at start on a port that is not a number and a misspelled key variable", () => {
    const result = start(path.join("gateway", "main.js"), { GATEWAY_PORT: "80a", HUB_GATEWAY_PRIVAT_KEY: "x" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("GATEWAY_PORT must be a port number");
    expect(result.stderr).toContain("HUB_GATEWAY_PRIVAT_KEY is not a variable of the hub (did you mean HUB_GATEWAY_PRIVATE_KEY?)");
    expect(result.stderr).toContain("HUB_GATEWAY_PRIVATE_KEY is not set");
  });

  it("a subgraph stops at start on a key that does not parse", () => {
    const result = start(path.join("subgraphs", "resources", "main.js"), { MONGODB_URL: "mongodb://127.0.0.1:1", HUB_GATEWAY_PUBLIC_KEY: "not a key", RESOURCES_PROT: "1" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("HUB_GATEWAY_PUBLIC_KEY must be an Ed25519 public key");
    expect(result.stderr).toContain("RESOURCES_PROT is not a variable of the hub (did you mean RESOURCES_PORT?)");
  });
});
