import { generateKeyPairSync } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { ConfigError, HUB_VARIABLES, loadConfig } from "../../config";
import { withConfigurationTable } from "../../config/docs";
import { list, url } from "../../config/parsers";
import { mongoClientOptions } from "../../subgraphs/kit/database";

const ROOT = path.resolve(__dirname, "..", "..");
const ed25519 = generateKeyPairSync("ed25519");
const privatePem = ed25519.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
const publicPem = ed25519.publicKey.export({ type: "spki", format: "pem" }).toString();

function problemsOf(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("the configuration was accepted");
}

describe("configuration loader", () => {
  it("gives each process its typed values, defaults where unset", () => {
    const config = loadConfig("gateway", { HUB_GATEWAY_PRIVATE_KEY: privatePem, GATEWAY_PORT: "4100", RESOURCES_URL: "http://resources:4002/graphql" });
    expect(config.GATEWAY_PORT).toBe(4100);
    expect(config.HOST).toBe("127.0.0.1");
    expect(config.RESOURCES_URL).toBe("http://resources:4002/graphql");
    expect(config.NETWORKS_URL).toBe("http://localhost:4001/graphql");
    expect(config.HUB_GATEWAY_PRIVATE_KEY.asymmetricKeyType).toBe("ed25519");
    expect(config.HUB_TRUSTED_ISSUERS).toEqual([]);
    expect(config.HUB_LOG_LEVEL).toBe("info");
  });

  it("accepts keys as JWK as well as PEM", () => {
    const jwk = JSON.stringify(ed25519.publicKey.export({ format: "jwk" }));
    const config = loadConfig("subgraph", { MONGODB_URL: "mongodb://a:27017,b:27017/?replicaSet=rs0", HUB_GATEWAY_PUBLIC_KEY: jwk });
    expect(config.HUB_GATEWAY_PUBLIC_KEY.type).toBe("public");
    expect(config.MONGODB_URL).toBe("mongodb://a:27017,b:27017/?replicaSet=rs0");
  });

  it("stops on a port that is not a number, naming the variable", () => {
    const problems = problemsOf(() => loadConfig("gateway", { HUB_GATEWAY_PRIVATE_KEY: privatePem, GATEWAY_PORT: "four thousand" }));
    expect(problems).toEqual([expect.stringMatching(/^GATEWAY_PORT must be a port number/)]);
    expect(problemsOf(() => loadConfig("subgraph", { MONGODB_URL: "mongodb://db", HUB_GATEWAY_PUBLIC_KEY: publicPem, NETWORKS_PORT: "70000" }))).toEqual([
      expect.stringMatching(/^NETWORKS_PORT must be a port number/),
    ]);
  });

  it("stops on a key that does not parse, without printing the key", () => {
    const [header, body, footer] = privatePem.trim().split("\n");
    const garbled = [header, body.slice(0, 40), footer].join("\n");
    const problems = problemsOf(() => loadConfig("gateway", { HUB_GATEWAY_PRIVATE_KEY: garbled }));
    expect(problems).toEqual([expect.stringMatching(/^HUB_GATEWAY_PRIVATE_KEY must be an Ed25519 private key/)]);
    expect(problems.join("\n")).not.toContain(body.slice(0, 40));
    // a public key where the private one belongs
    expect(problemsOf(() => loadConfig("gateway", { HUB_GATEWAY_PRIVATE_KEY: publicPem }))).toEqual([expect.stringMatching(/^HUB_GATEWAY_PRIVATE_KEY /)]);
  });

  it("stops on an undeclared variable under a hub prefix, suggesting the one meant", () => {
    const problems = problemsOf(() =>
      loadConfig("gateway", { HUB_GATEWAY_PRIVAT_KEY: privatePem, NETWORKS_PROT: "4001", PATH: "/usr/bin", OTEL_SERVICE_NAME: "x" }),
    );
    expect(problems).toEqual([
      "HUB_GATEWAY_PRIVATE_KEY is not set: " + HUB_VARIABLES.HUB_GATEWAY_PRIVATE_KEY.description,
      "HUB_GATEWAY_PRIVAT_KEY is not a variable of the hub (did you mean HUB_GATEWAY_PRIVATE_KEY?)",
      "NETWORKS_PROT is not a variable of the hub (did you mean NETWORKS_PORT?)",
    ]);
  });

  it("reports every problem at once and checks the shape of the trusted issuers", () => {
    const problems = problemsOf(() =>
      loadConfig("subgraph", { HUB_LOG_LEVEL: "loud", HUB_SHUTDOWN_TIMEOUT_MS: "soon", MONGODB_URL: "http://db" }),
    );
    expect(problems.map((problem) => problem.split(" ")[0]).sort()).toEqual(["HUB_GATEWAY_PUBLIC_KEY", "HUB_LOG_LEVEL", "HUB_SHUTDOWN_TIMEOUT_MS", "MONGODB_URL"]);
    const issuers = (value: unknown) =>
      problemsOf(() => loadConfig("gateway", { HUB_GATEWAY_PRIVATE_KEY: privatePem, HUB_TRUSTED_ISSUERS: JSON.stringify(value) }));
    expect(issuers({ issuer: "x" })).toEqual([expect.stringMatching(/^HUB_TRUSTED_ISSUERS must be a JSON array/)]);
    expect(issuers([{ issuer: "https://idp", organizationId: "org" }])).toEqual([expect.stringMatching(/exactly one of "jwksUrl" and "publicKey"/)]);
    expect(issuers([{ issuer: "https://idp", organizationId: "org", publicKey: "nope" }])).toEqual([expect.stringMatching(/"publicKey" does not parse/)]);
    const accepted = loadConfig("gateway", {
      HUB_GATEWAY_PRIVATE_KEY: privatePem,
      HUB_TRUSTED_ISSUERS: JSON.stringify([{ issuer: "https://idp", organizationId: "org", jwksUrl: "https://idp/jwks" }]),
    });
    expect(accepted.HUB_TRUSTED_ISSUERS).toEqual([{ issuer: "https://idp", organizationId: "org", jwksUrl: "https://idp/jwks" }]);
  });

  it("is the only reader of the environment in the hub's code", () => {
    const readers: string[] = [];
    const visit = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const full = path.join(dir, entry);
        if (statSync(full).isDirectory()) visit(full);
        else if (full.endsWith(".ts") && /process\.env\b/.test(readFileSync(full, "utf8"))) readers.push(path.relative(ROOT, full));
      }
    };
    for (const dir of ["gateway", "subgraphs", "scripts", "embedded-mongo", "config"]) visit(path.join(ROOT, dir));
    expect(readers).toEqual([path.join("config", "loader.ts")]);
  });

  it("generates the README's configuration table", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    expect(withConfigurationTable(readme)).toBe(readme);
    for (const name of Object.keys(HUB_VARIABLES)) expect(readme).toContain(`| \`${name}\` |`);
  });
});

describe("parsers", () => {
  it("read comma-separated lists item by item", () => {
    const origins = list(url("http", "https"));
    expect(origins("https://a.example, http://b.example")).toEqual(["https://a.example", "http://b.example"]);
    expect(() => origins("https://a.example, ftp://b")).toThrow("item 2: must be a http or https URL");
  });
});

describe("MongoDB client options", () => {
  it("write with majority concern and retry, and read from the primary", () => {
    expect(mongoClientOptions("mongodb://a,b,c/?replicaSet=rs0")).toMatchObject({ writeConcern: { w: "majority" }, retryWrites: true, readPreference: "primary" });
  });

  it("leave the write concern and retries to the connection string when it sets them", () => {
    const options = mongoClientOptions("mongodb+srv://cluster0.example.net/?w=1&retryWrites=false");
    expect(options.writeConcern).toBeUndefined();
    expect(options.retryWrites).toBeUndefined();
    expect(options.readPreference).toBe("primary");
  });
});
