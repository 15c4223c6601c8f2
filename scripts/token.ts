import "reflect-metadata";
import { parseArgs } from "node:util";
import path from "node:path";
import { existsSync } from "node:fs";
import { loadConfig } from "../config";
import { mintDevToken } from "../gateway/auth/dev-tokens";
import { parseRoles } from "../gateway/auth/identity";
import { loadOrCreateDevKeys } from "../gateway/auth/keys";
import { formatDirectory, roleWarnings } from "./demo/directory";
import { DemoNetworks, DemoOrganizations } from "./demo/ids";
import { demoDirectory } from "./demo/networks";

const HELP = `Mints a development token for the hub started by \`npm start\` (its keys are in data/keys).

  npm run token -- [--org ID] [--role ROLE]... [--person ID] [--expires 8h]
  npm run token -- --list

  --org      the person's organization (default: CEI-PEA from the demo data)
  --role     ORG_ADMIN, COORDINATOR:<networkId> or STAFF:<schoolId>; repeatable
             (default: coordinator of CEI-PEA's New York City school leaders network)
  --person   the person's id (default: demo-person)
  --expires  lifetime such as 15m or 8h (default 8h)
  --list     the demo organizations, networks, schools and people with their ids and roles

An issuer's roles count only inside its organization: a role on a network the organization does not
operate, or on a school outside its networks, grants nothing (the script warns).

Send it as: Authorization: Bearer <token>`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      org: { type: "string" },
      role: { type: "string", multiple: true },
      person: { type: "string" },
      expires: { type: "string" },
      list: { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  if (values.list) {
    console.log(formatDirectory(demoDirectory()));
    return;
  }
  const keysFile = path.join(loadConfig("token").HUB_DATA_DIR, "keys", "dev-keys.json");
  if (!existsSync(keysFile)) throw new Error(`No development keys at ${keysFile}: start the hub once with npm start`);
  const roleClaims = values.role ?? [`COORDINATOR:${DemoNetworks.nycSchoolLeaders}`];
  const roles = parseRoles(roleClaims);
  if (roles.length !== roleClaims.length) throw new Error(`Unknown role in ${roleClaims.join(", ")}\n\n${HELP}`);
  const organizationId = values.org ?? DemoOrganizations.ceiPea;
  // warnings go to stderr: `$(npm run token …)` still captures the token alone
  for (const warning of roleWarnings(demoDirectory(), organizationId, roles)) console.error(`Warning: ${warning}`);
  const keys = await loadOrCreateDevKeys(keysFile);
  console.log(
    await mintDevToken(keys.issuerPrivateKey, {
      personId: values.person ?? "demo-person",
      organizationId,
      roles,
      expiresIn: values.expires,
    }),
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
