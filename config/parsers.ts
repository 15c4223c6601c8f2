import { createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import path from "node:path";

/** Turns a variable's text into its value, or throws an Error whose message says what is wrong (without the name). */
export type Parser<T> = (raw: string) => T;

export const text: Parser<string> = (raw) => {
  if (raw.trim() === "") throw new Error("is empty");
  return raw;
};

export const port: Parser<number> = (raw) => {
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value > 65535) throw new Error(`must be a port number (0–65535), got ${JSON.stringify(raw)}`);
  return value;
};

export function integer(min: number, max = Number.MAX_SAFE_INTEGER): Parser<number> {
  return (raw) => {
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw.trim()) || value < min || value > max) {
      throw new Error(`must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
    }
    return value;
  };
}

export const boolean: Parser<boolean> = (raw) => {
  const value = raw.trim().toLowerCase();
  if (value === "true" || value === "1") return true;
  if (value === "false" || value === "0") return false;
  throw new Error(`must be true or false, got ${JSON.stringify(raw)}`);
};

export function oneOf<const T extends string>(...values: T[]): Parser<T> {
  return (raw) => {
    if (!(values as string[]).includes(raw)) throw new Error(`must be one of ${values.join(", ")}, got ${JSON.stringify(raw)}`);
    return raw as T;
  };
}

export function url(...protocols: string[]): Parser<string> {
  return (raw) => {
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new Error(`must be a URL, got ${JSON.stringify(raw)}`);
    }
    if (protocols.length > 0 && !protocols.includes(parsed.protocol.replace(/:$/, ""))) {
      throw new Error(`must be a ${protocols.join(" or ")} URL`);
    }
    return raw;
  };
}

/** A MongoDB connection string: `mongodb://` (one host or a replica set's list) or `mongodb+srv://` (Atlas). */
export const mongoUrl: Parser<string> = (raw) => {
  if (!/^mongodb(\+srv)?:\/\/([^/?#@]*@)?[^/?#@]+(\/[^?#]*)?(\?.*)?$/.test(raw.trim())) {
    throw new Error("must be a MongoDB connection string, mongodb://host[:port][,host…]/… or mongodb+srv://…");
  }
  return raw.trim();
};

/** A path, resolved against the working directory. */
export const filePath: Parser<string> = (raw) => path.resolve(text(raw));

/** A comma-separated list, each item parsed by `item` (e.g. CORS origins: `list(url("http", "https"))`). */
export function list<T>(item: Parser<T>): Parser<T[]> {
  return (raw) =>
    raw
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean)
      .map((entry, index) => {
        try {
          return item(entry);
        } catch (error) {
          throw new Error(`item ${index + 1}: ${(error as Error).message}`);
        }
      });
}

/** At least `minBytes` bytes of secret text (UTF-8); the secret never appears in a message. */
export function secret(minBytes: number): Parser<string> {
  return (raw) => {
    if (Buffer.byteLength(raw, "utf8") < minBytes) throw new Error(`must be at least ${minBytes} bytes long`);
    return raw;
  };
}

/**
 * Express's `trust proxy`: a hop count, true or false, or the proxies' addresses and subnets
 * (`10.0.0.0/8, loopback`), which Express checks itself.
 */
export const proxyTrust: Parser<boolean | number | string> = (raw) => {
  const value = raw.trim();
  if (/^\d+$/.test(value)) return Number(value);
  if (value === "true" || value === "false") return value === "true";
  return text(value);
};

/** A key never appears in a message: only what is wrong with it. */
function ed25519(kind: "private" | "public"): Parser<KeyObject> {
  return (raw) => {
    const trimmed = raw.trim();
    let key: KeyObject;
    try {
      const source = trimmed.startsWith("{") ? { key: JSON.parse(trimmed), format: "jwk" as const } : trimmed;
      key = kind === "private" ? createPrivateKey(source) : createPublicKey(source);
    } catch {
      throw new Error(`must be an Ed25519 ${kind} key, ${kind === "private" ? "PKCS8" : "SPKI"} PEM or JWK; it does not parse`);
    }
    if (key.asymmetricKeyType !== "ed25519") throw new Error(`must be an Ed25519 key, got a ${key.asymmetricKeyType} key`);
    if (key.type !== kind) throw new Error(`must be a ${kind} key, got a ${key.type} key`);
    return key;
  };
}

export const ed25519PrivateKey = ed25519("private");
export const ed25519PublicKey = ed25519("public");

/** JSON whose shape `check` verifies (it throws with what is wrong). */
export function json<T>(check: (value: unknown) => T): Parser<T> {
  return (raw) => {
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw new Error("is not valid JSON");
    }
    return check(value);
  };
}
