/**
 * The TTL monitor: like mongod's, a background pass (every 60 s by default) removes the documents whose
 * date in a TTL index's field (the earliest, for an array of dates) is older than `expireAfterSeconds`.
 */
import { TypeBound, TypeOrder } from "./bson-order";
import type { Catalog } from "./catalog";

/** Removes expired documents from every collection with a TTL index; returns how many were removed. */
export function expireDocuments(catalog: Catalog, now: Date): number {
  let removed = 0;
  for (const colls of catalog.dbs.values()) {
    for (const coll of colls.values()) {
      if (coll.isView || coll.capped) continue;
      for (const entry of coll.indexes.values()) {
        if (entry.kind !== "ttl") continue;
        const cutoff = new Date(now.getTime() - entry.expireAfterSeconds * 1000);
        const expired = new Set<number>();
        // dates sort after every other type bracket below them: scan from the first date up to the cutoff
        entry.ordered.scan([[{ low: new TypeBound(TypeOrder.Date, false), high: cutoff, lowInclusive: true, highInclusive: true }]], (rid) => {
          expired.add(rid);
        });
        for (const rid of expired) {
          coll.remove(rid);
          removed++;
        }
      }
    }
  }
  return removed;
}

/** Runs `expireDocuments` every `intervalMs` until stopped; `afterPass` makes the removals durable. */
export class TtlMonitor {
  private readonly timer: NodeJS.Timeout;

  constructor(catalog: Catalog, intervalMs: number, afterPass: () => void) {
    this.timer = setInterval(() => {
      if (expireDocuments(catalog, new Date()) > 0) afterPass();
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
