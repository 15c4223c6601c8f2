/**
 * The server's one user, as mongod with authorization keeps it: SCRAM-SHA-256 keys (salted, 15000
 * iterations) derived from a password. With a dbpath the password is generated on first start and kept
 * in `credentials.json` (0600) so clients and restarts reuse it; in memory it is generated per start.
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { openPrivate, PRIVATE_FILE_MODE } from "../storage/private-files";

export const CREDENTIALS_FILE = "credentials.json";
export const AUTH_DATABASE = "admin";
export const DEFAULT_USERNAME = "admin";
const ITERATIONS = 15000;

export interface Credentials {
  username: string;
  password: string;
}

/** What the server keeps to verify a SCRAM-SHA-256 proof (never the password itself). */
export interface ScramKeys {
  username: string;
  salt: Buffer;
  iterations: number;
  storedKey: Buffer;
  serverKey: Buffer;
}

export function generateCredentials(username = DEFAULT_USERNAME): Credentials {
  return { username, password: randomBytes(24).toString("base64url") };
}

/** SASLprep leaves printable ASCII unchanged; other passwords would need the full profile, so they are refused. */
export function checkCredentials(c: Credentials): Credentials {
  const printable = /^[\x21-\x7e]+$/;
  if (typeof c.username !== "string" || !printable.test(c.username)) throw new Error("The database username must be printable ASCII without spaces");
  if (typeof c.password !== "string" || !printable.test(c.password)) throw new Error("The database password must be printable ASCII without spaces");
  return c;
}

/** Reads DBPATH/credentials.json, creating it (owner-only) with a fresh password on first start. */
export function loadOrCreateCredentials(dbpath: string): Credentials {
  const file = path.join(dbpath, CREDENTIALS_FILE);
  try {
    const fd = openPrivate(file, "wx");
    const fresh = generateCredentials();
    fs.writeSync(fd, JSON.stringify(fresh, null, 2) + "\n");
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    return fresh;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  fs.chmodSync(file, PRIVATE_FILE_MODE);
  let stored: Credentials;
  try {
    stored = JSON.parse(fs.readFileSync(file, "utf8")) as Credentials;
  } catch (e) {
    throw new Error(`${file} is not valid JSON (${(e as Error).message}); remove it to generate a new credential`);
  }
  return checkCredentials({ username: stored?.username, password: stored?.password });
}

export function scramKeys({ username, password }: Credentials): ScramKeys {
  const salt = randomBytes(28);
  const salted = pbkdf2Sync(password, salt, ITERATIONS, 32, "sha256");
  const clientKey = hmac(salted, "Client Key");
  return {
    username,
    salt,
    iterations: ITERATIONS,
    storedKey: createHash("sha256").update(clientKey).digest(),
    serverKey: hmac(salted, "Server Key"),
  };
}

export function hmac(key: Buffer, text: string | Buffer): Buffer {
  return createHmac("sha256", key).update(text).digest();
}

/** A connection string carrying the credential (authSource=admin, where the user is defined). */
export function connectionString(host: string, port: number, c: Credentials): string {
  const urlHost = host.includes(":") ? `[${host}]` : host === "0.0.0.0" ? "127.0.0.1" : host;
  return `mongodb://${encodeURIComponent(c.username)}:${encodeURIComponent(c.password)}@${urlHost}:${port}/?authSource=${AUTH_DATABASE}`;
}
