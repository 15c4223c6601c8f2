/**
 * The server side of SCRAM-SHA-256 (RFC 5802 / RFC 7677) as mongod runs it over `saslStart` /
 * `saslContinue`: client-first → server-first (nonce, salt, iterations) → client-final (proof) →
 * server-final (signature). A wrong proof, an unknown user or the wrong database all get mongod's one
 * answer: code 18, "Authentication failed.".
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { commandError, ErrorCodes } from "../errors";
import { hmac, type ScramKeys } from "./credentials";

export const SCRAM_SHA_256 = "SCRAM-SHA-256";

export function authenticationFailed(): Error {
  return commandError(ErrorCodes.AuthenticationFailed, "Authentication failed.");
}

function malformed(what: string): Error {
  return commandError(ErrorCodes.BadValue, `Invalid SCRAM ${what}`);
}

/** `a=1,b=2` → { a: "1", b: "2" } (values may contain '='). */
function attributes(message: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of message.split(",")) {
    const eq = part.indexOf("=");
    if (eq !== 1) throw malformed("message");
    out.set(part[0], part.slice(2));
  }
  return out;
}

function decodeUsername(name: string): string {
  if (/=(?!2C|3D)/.test(name)) throw malformed("username");
  return name.replace(/=2C/g, ",").replace(/=3D/g, "=");
}

export interface ScramStep {
  payload: Buffer;
  done: boolean;
}

/** One authentication attempt on one connection. */
export class ScramConversation {
  private state: "start" | "proof" | "confirm" | "done" = "start";
  private keys?: ScramKeys;
  private nonce = "";
  private authMessagePrefix = "";
  private skipEmptyExchange = false;

  constructor(private readonly lookup: (username: string) => ScramKeys | undefined) {}

  /** The user authenticated once `done` is reached. */
  get username(): string | undefined {
    return this.state === "done" ? this.keys?.username : undefined;
  }

  /** Handles client-first (`n,,n=user,r=nonce`) and answers server-first. */
  start(payload: Buffer, options: { skipEmptyExchange?: boolean } = {}): ScramStep {
    if (this.state !== "start") throw malformed("conversation state");
    const message = payload.toString("utf8");
    const header = /^([nyp])(=[^,]*)?,(a=[^,]*)?,/.exec(message);
    if (!header) throw malformed("client-first message");
    if (header[1] === "p") throw commandError(ErrorCodes.BadValue, "Server does not support channel binding");
    if (header[3]) throw commandError(ErrorCodes.BadValue, "SCRAM authorization identities are not supported");
    const bare = message.slice(header[0].length);
    const attrs = attributes(bare);
    const user = attrs.get("n");
    const clientNonce = attrs.get("r");
    if (user === undefined || !clientNonce || attrs.has("m")) throw malformed("client-first message");
    const keys = this.lookup(decodeUsername(user));
    if (!keys) throw authenticationFailed();
    this.keys = keys;
    this.nonce = clientNonce + randomBytes(24).toString("base64");
    const serverFirst = `r=${this.nonce},s=${keys.salt.toString("base64")},i=${keys.iterations}`;
    this.authMessagePrefix = `${bare},${serverFirst}`;
    this.skipEmptyExchange = options.skipEmptyExchange === true;
    this.state = "proof";
    return { payload: Buffer.from(serverFirst), done: false };
  }

  /** Handles client-final (`c=biws,r=nonce,p=proof`) or the empty confirmation after server-final. */
  continue(payload: Buffer): ScramStep {
    if (this.state === "confirm") {
      if (payload.length !== 0) throw malformed("final message");
      this.state = "done";
      return { payload: Buffer.alloc(0), done: true };
    }
    if (this.state !== "proof" || !this.keys) throw malformed("conversation state");
    const message = payload.toString("utf8");
    const proofAt = message.lastIndexOf(",p=");
    if (proofAt < 0) throw malformed("client-final message");
    const withoutProof = message.slice(0, proofAt);
    const attrs = attributes(withoutProof);
    if (attrs.get("c") !== "biws" || attrs.get("r") !== this.nonce) throw authenticationFailed();
    const proof = Buffer.from(message.slice(proofAt + 3), "base64");
    const authMessage = `${this.authMessagePrefix},${withoutProof}`;
    const clientSignature = hmac(this.keys.storedKey, authMessage);
    if (proof.length !== clientSignature.length) throw authenticationFailed();
    const clientKey = Buffer.alloc(proof.length);
    for (let i = 0; i < proof.length; i++) clientKey[i] = proof[i] ^ clientSignature[i];
    const storedKey = createHash("sha256").update(clientKey).digest();
    if (!timingSafeEqual(storedKey, this.keys.storedKey)) throw authenticationFailed();
    const serverFinal = Buffer.from(`v=${hmac(this.keys.serverKey, authMessage).toString("base64")}`);
    this.state = this.skipEmptyExchange ? "done" : "confirm";
    return { payload: serverFinal, done: this.state === "done" };
  }
}
