/** Dotted-path access the way MongoDB indexes and sorts see a document (arrays expand). */

export type Doc = Record<string, unknown>;

function isPlainObject(v: unknown): v is Doc {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

export { isPlainObject };

/**
 * Every value found at `path`, expanding arrays along the way and at the end.
 * `arrayMet` is set when an array was traversed (the document makes an index multikey).
 * A missing path yields [] (callers decide: null for indexes, missing for sorts).
 */
export function valuesAtPath(doc: unknown, path: string, out: { arrayMet: boolean } = { arrayMet: false }): unknown[] {
  const parts = path.split(".");
  const results: unknown[] = [];
  const walk = (value: unknown, i: number): void => {
    if (i === parts.length) {
      if (Array.isArray(value)) {
        out.arrayMet = true;
        if (value.length === 0) results.push([]);
        else for (const e of value) results.push(e);
      } else {
        results.push(value);
      }
      return;
    }
    if (Array.isArray(value)) {
      out.arrayMet = true;
      const part = parts[i];
      if (/^\d+$/.test(part)) {
        const idx = Number(part);
        if (idx < value.length) walk(value[idx], i + 1);
        return;
      }
      for (const e of value) if (isPlainObject(e)) walkField(e, i);
      return;
    }
    if (isPlainObject(value)) walkField(value, i);
  };
  const walkField = (obj: Doc, i: number): void => {
    const key = parts[i];
    if (!Object.prototype.hasOwnProperty.call(obj, key)) return;
    walk(obj[key], i + 1);
  };
  walk(doc, 0);
  return results;
}

/** The value at a dotted path without array expansion (undefined when absent). */
export function getPath(doc: unknown, path: string): unknown {
  let cur: unknown = doc;
  for (const part of path.split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    if (Array.isArray(cur)) {
      if (!/^\d+$/.test(part)) return undefined;
      cur = cur[Number(part)];
    } else {
      if (!Object.prototype.hasOwnProperty.call(cur, part)) return undefined;
      cur = (cur as Doc)[part];
    }
  }
  return cur;
}

/** Sets a dotted path, creating intermediate objects. */
export function setPath(doc: Doc, path: string, value: unknown): void {
  const parts = path.split(".");
  let cur: Doc = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = cur[parts[i]];
    if (next === null || typeof next !== "object") {
      const created: Doc = {};
      cur[parts[i]] = created;
      cur = created;
    } else {
      cur = next as Doc;
    }
  }
  cur[parts[parts.length - 1]] = value;
}

/** Deep copy of plain objects, arrays and dates; other BSON values (immutable in practice) are shared. */
export function cloneValue<T>(v: T): T {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map(cloneValue) as unknown as T;
  const proto = Object.getPrototypeOf(v);
  if (proto === Object.prototype || proto === null) {
    const out: Doc = {};
    for (const k in v) out[k] = cloneValue((v as Doc)[k]);
    return out as T;
  }
  if (v instanceof Date) return new Date(v.getTime()) as unknown as T;
  return v;
}
