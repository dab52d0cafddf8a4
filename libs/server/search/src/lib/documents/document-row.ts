import { cheapestPrice } from '@lookbook/kernel';
import type { DocumentKind, SearchDocument } from './search-document';

/** The columns every document query selects (snake case), as both builders name them. */
export interface DocumentRow {
  id: string;
  name: string;
  slug: string;
  description: string;
  owner_id: string;
  owner_handle: string;
  owner_name: string;
  type: string | null;
  base_model_id: string | null;
  base_model_name: string | null;
  tags: string[];
  maturity: string;
  published_at: Date;
  trigger_words: string[];
  downloads: string;
  hashes: string[];
  tiers: string[];
  free: boolean;
  /** Live paid offers, amounts as text (bigint). */
  paid_offers: { tier: string; amount: string; currency: string }[] | null;
  commercial_use: boolean;
  derivatives_allowed: boolean;
  credit_required: boolean;
  trending: number;
  /** Community counters (bigint sums as text). */
  likes: string;
  rating_sum: string;
  rating_count: string;
}

/** A document query's row as the engine-neutral document (amounts as numbers, tiers sorted, trending rounded). */
export function toDocument(kind: DocumentKind, row: DocumentRow): SearchDocument {
  return {
    kind,
    id: row.id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    ownerId: row.owner_id,
    ownerHandle: row.owner_handle,
    ownerName: row.owner_name,
    type: row.type,
    baseModelId: row.base_model_id,
    baseModelName: row.base_model_name,
    tags: row.tags,
    triggerWords: row.trigger_words,
    hashes: row.hashes,
    maturity: row.maturity,
    tiers: [...row.tiers].sort(),
    free: row.free,
    minPrice: cheapestPrice((row.paid_offers ?? []).map((o) => ({ ...o, amount: Number(o.amount) }))),
    commercialUse: row.commercial_use,
    derivativesAllowed: row.derivatives_allowed,
    creditRequired: row.credit_required,
    publishedAt: row.published_at,
    downloads: Number(row.downloads),
    likes: Math.max(0, Number(row.likes)),
    ratingSum: Math.max(0, Number(row.rating_sum)),
    ratingCount: Math.max(0, Number(row.rating_count)),
    trending: Math.round(row.trending * 1000) / 1000,
  };
}
