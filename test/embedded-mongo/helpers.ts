import type { Db, Document, ObjectId } from "mongodb";

/** Whether the server is a standalone mongod (the embedded server is; a real MONGODB_URL may be a replica set or mongos). */
export async function isStandalone(db: Db): Promise<boolean> {
  const hello = await db.admin().command({ hello: 1 });
  return hello.setName === undefined && hello.msg !== "isdbgrid";
}

/** The server's version as [major, minor, patch]. */
export async function serverVersion(db: Db): Promise<number[]> {
  const info = await db.admin().command({ buildInfo: 1 });
  return (info.versionArray as number[]).slice(0, 3);
}

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
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDoc = { _id?: number | string | ObjectId | Date; [key: string]: any };
