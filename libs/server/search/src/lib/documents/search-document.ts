export const DOCUMENT_KINDS = ['MODEL', 'TEMPLATE'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** What a template is also found by, beside its own words ("workflow" has the synonym "wf"). */
export const KIND_WORDS = 'workflow template comfyui';

/**
 * What search knows about a published style model or workflow template: everything it matches, filters, facets
 * and sorts on, built from the current state of the database by the relay. Engine-neutral; each engine stores it
 * its own way. Models and templates share one shape so one query ranks both and `kind` is a facet; ids are UUIDs,
 * unique across kinds.
 */
export interface SearchDocument {
  kind: DocumentKind;
  id: string;
  name: string;
  slug: string;
  description: string;
  ownerId: string;
  ownerHandle: string;
  ownerName: string;
  /** The model type; null for a template. */
  type: string | null;
  /** A model's base model; a template's is the one its resolved dependencies mostly use (null: none resolved). */
  baseModelId: string | null;
  baseModelName: string | null;
  tags: string[];
  /**
   * Extra words found with the tags' weight: a model's trigger words (of every published version); a template's
   * dependencies (the catalog models it loads, by name), so a search for a model also finds workflows using it.
   */
  triggerWords: string[];
  /** SHA-256 and AutoV2 of every READY file of every published version (models only). */
  hashes: string[];
  maturity: string;
  /** The live offers of the newest published version (what a buyer licenses from the page). */
  tiers: string[];
  /** A live offer is free to claim. */
  free: boolean;
  /**
   * The cheapest live paid offer (by `priceOrderKey`: amounts compared across currencies at reference rates), with
   * its tier: cards show it beside "Free", and price sorts order by it.
   */
  minPrice: { tier: string; amount: number; currency: string } | null;
  /** Some live offer allows commercial use / derivatives; every live offer requires credit. */
  commercialUse: boolean;
  derivativesAllowed: boolean;
  creditRequired: boolean;
  publishedAt: Date;
  /** A model's file downloads; a template's from its community counter (workflow downloads are not counted yet). */
  downloads: number;
  /** Members who like it (community counters, summed over shards). */
  likes: number;
  /** The sum and number of its ratings (community counters): the average is their quotient. */
  ratingSum: number;
  ratingCount: number;
  /** Likes and licence grants of the last 7 days, decayed (`popularity.ts`; refreshed on a schedule). */
  trending: number;
}
