import { Directive, Field, ObjectType, registerEnumType } from "type-graphql";

/*
 * Where a demo record comes from. The demo data is drawn from five seed documents (`/work/shared/seeds`, numbered
 * 000 to 004), and much of it is invented to fill out their world: a client (or a partner matching NCES ids) must be
 * able to tell stated facts from illustration. Records partners enter themselves have no provenance.
 */

export enum ProvenanceSource {
  SEED = "SEED",
  ILLUSTRATIVE = "ILLUSTRATIVE",
}

registerEnumType(ProvenanceSource, {
  name: "ProvenanceSource",
  description: "Whether a demo record is stated by a seed document or invented for illustration.",
  valuesConfig: {
    SEED: { description: "A seed document states this record (its `illustrativeFields` may still be invented)." },
    ILLUSTRATIVE: { description: "Invented to fill out the seeds' world: not a fact about any real school, network or person." },
  },
});

/** What a demo document stores. */
export interface ProvenanceDocument {
  source: ProvenanceSource;
  /** The seed document's number, e.g. "004", for SEED records. */
  seed?: string | null;
  /** The record's name as the seed states it, where the demo names it otherwise (or the record has no name). */
  statedAs?: string | null;
  illustrativeFields: string[];
  note?: string | null;
}

@Directive("@shareable")
@ObjectType({
  description:
    "Where a demo record comes from: a seed document the demo data is drawn from, or an illustration. " +
    "Null on records partners entered themselves.",
})
export class Provenance {
  @Field(() => ProvenanceSource, { description: "Stated by a seed document, or invented for illustration." })
  source: ProvenanceSource;

  @Field(() => String, { nullable: true, description: "The seed document's number (000 to 004) for SEED records; null for illustrative ones." })
  seed?: string | null;

  @Field(() => String, { nullable: true, description: "How the seed names the record, where the demo names it otherwise." })
  statedAs?: string | null;

  @Field(() => [String], {
    description: "Fields invented even on a SEED record, e.g. `ncesId` (every demo NCES id is made up), `enrollment`, dates.",
  })
  illustrativeFields: string[];

  @Field(() => String, { nullable: true, description: "What the seed says, or what the illustration stands for." })
  note?: string | null;
}

/** A record a seed document states; `illustrativeFields` lists what the demo invented about it. */
export function fromSeed(seed: string, illustrativeFields: string[] = [], statedAs?: string, note?: string): ProvenanceDocument {
  return { source: ProvenanceSource.SEED, seed, statedAs: statedAs ?? null, illustrativeFields, note: note ?? null };
}

/** A record invented to fill out the seeds' world. */
export function illustrative(note: string): ProvenanceDocument {
  return { source: ProvenanceSource.ILLUSTRATIVE, seed: null, statedAs: null, illustrativeFields: [], note };
}
