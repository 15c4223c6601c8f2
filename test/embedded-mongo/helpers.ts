import type { Document, ObjectId } from "mongodb";

/** Every object in an explain output whose `stage` is `name` (works for mongod's classic and SBE shapes). */
export function stagesNamed(explain: unknown, name: string): Document[] {
  const found: Document[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === "object") {
      const o = v as Document;
      if (o.stage === name) found.push(o);
      Object.values(o).forEach(visit);
    }
  };
  visit(explain);
  return found;
}

/** The first value of a field anywhere in a nested document. */
export function firstField(doc: unknown, field: string): unknown {
  if (Array.isArray(doc)) {
    for (const v of doc) {
      const r = firstField(v, field);
      if (r !== undefined) return r;
    }
    return undefined;
  }
  if (doc && typeof doc === "object") {
    const o = doc as Document;
    if (field in o) return o[field];
    for (const v of Object.values(o)) {
      const r = firstField(v, field);
      if (r !== undefined) return r;
    }
  }
  return undefined;
}

/** A schema-less document type for collections in these tests (_id of any common type). */
export type AnyDoc = { _id?: number | string | ObjectId | Date; [key: string]: unknown };
