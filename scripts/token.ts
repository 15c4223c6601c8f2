import { parseArgs } from "node:util";
import path from "node:path";
import { existsSync } from "node:fs";
import { loadConfig } from "../config";
import { mintDevToken } from "../gateway/auth/dev-tokens";
import { parseRoles } from "../gateway/auth/identity";
import { loadOrCreateDevKeys } from "../gateway/auth/keys";
import { DemoNetworks, DemoOrganizations } from "./demo/ids";

const HELP = `Mints a development token for the hub started by \`npm start\` (its keys are in data/keys).

  npm run token -- [--org ID] [--role ROLE]... [--person ID] [--expires 8h]

  --org      the person's organization (default: CEI-PEA from the demo data)
  --role     ORG_ADMIN, COORDINATOR:<networkId> or STAFF:<schoolId>; repeatable
             (default: coordinator of CEI-PEA's New York City school leaders network)
  --person   the person's id (default: demo-person)
  --expires  lifetime such as 15m or 8h (default 8h)

Send it as: Authorization: Bearer <token>`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      org: { type: "string" },
      role: { type: "string", multiple: true },
      person: { type: "string" },
      expires: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const keysFile = path.join(loadConfig("token").HUB_DATA_DIR, "keys", "dev-keys.json");
  if (!existsSync(keysFile)) throw new Error(`No development keys at ${keysFile}: start the hub once with npm start`);
  const roleClaims = values.role ?? [`COORDINATOR:${DemoNetworks.nycSchoolLeaders}`];
  const roles = parseRoles(roleClaims);
  if (roles.length !== roleClaims.length) throw new Error(`Unknown role in ${roleClaims.join(", ")}\n\n${HELP}`);
  const keys = await loadOrCreateDevKeys(keysFile);
  console.log(
    await mintDevToken(keys.issuerPrivateKey, {
      personId: values.person ?? "demo-person",
      organizationId: values.org ?? DemoOrganizations.ceiPea,
      roles,
      expiresIn: values.expires,
    }),
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
