import { fromSeed, illustrative, type ProvenanceDocument } from "../../subgraphs/kit/provenance";

/** Every demo record says where it comes from; a record missing from a provenance table is a mistake. */
export function withProvenance<T extends { _id: string }>(docs: T[], of: (doc: T) => ProvenanceDocument | undefined): Array<T & { provenance: ProvenanceDocument }> {
  return docs.map((doc) => {
    const provenance = of(doc);
    if (!provenance) throw new Error(`No provenance for demo record ${doc._id}`);
    return { ...doc, provenance };
  });
}

/**
 * Provenance by a record's title (or name): SEED for the titles a seed document states word for word (its
 * dates, counts and other details stay illustrative), otherwise ILLUSTRATIVE with `note`.
 */
export function byTitle(seeded: Record<string, string>, note: string, inventedOnSeeded: string[] = []) {
  return (doc: { title?: unknown; name?: unknown }): ProvenanceDocument => {
    const title = String(doc.title ?? doc.name ?? "");
    const seed = seeded[title];
    return seed ? fromSeed(seed, inventedOnSeeded) : illustrative(note);
  };
}
