/**
 * What search knows about a published model: everything it matches, filters, facets and sorts on, built from the
 * catalog, licensing and commerce tables by the relay. Engine-neutral; each engine stores it its own way.
 * Templates will be a second kind beside models (`kind`), sharing the creator, tag, licence and sort fields.
 */
export interface ModelDocument {
  kind: 'MODEL';
  id: string;
  name: string;
  slug: string;
  description: string;
  ownerId: string;
  ownerHandle: string;
  ownerName: string;
  type: string;
  baseModelId: string;
  baseModelName: string;
  tags: string[];
  /** Of every published version. */
  triggerWords: string[];
  /** SHA-256 and AutoV2 of every READY file of every published version. */
  hashes: string[];
  maturity: string;
  /** The live offers of the newest published version (what a buyer licenses from the model page). */
  tiers: string[];
  free: boolean;
  minPrice: { amount: number; currency: string } | null;
  /** Some live offer allows commercial use / derivatives; every live offer requires credit. */
  commercialUse: boolean;
  derivativesAllowed: boolean;
  creditRequired: boolean;
  publishedAt: Date;
  downloads: number;
  /** Licences granted recently, each weighing half as much per week of age (refreshed on a schedule). */
  trending: number;
}
