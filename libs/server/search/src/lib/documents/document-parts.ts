import type { EntityManager } from 'typeorm';
import { cheapestPrice } from '@lookbook/kernel';
import type { DocumentKind, SearchDocument } from './search-document';

/** Licences granted in the last this many days count towards trending, each halving in weight every week. */
export const TRENDING_WINDOW_DAYS = 30;
const TRENDING_HALF_LIFE_DAYS = 7;

/**
 * The licence facets of one version's live offers, as a `LEFT JOIN LATERAL … ON true` body: tiers, free, the paid
 * offers (the cheapest is picked in `toDocument`, by the kernel's price order, which compares across currencies),
 * commercial use / derivatives allowed by some offer, credit required by every offer.
 */
export const offerFacets = (versionId: string, kind: DocumentKind) => `
  SELECT array_agg(DISTINCT o.tier) AS tiers,
         bool_or(o.price_amount = 0) AS free,
         jsonb_agg(jsonb_build_object('tier', o.tier, 'amount', o.price_amount::text, 'currency', o.price_currency)
                   ORDER BY o.price_amount, o.tier) FILTER (WHERE o.price_amount > 0) AS paid_offers,
         bool_or(o.permissions->>'commercialUse' <> 'NONE') AS commercial_use,
         bool_or((o.permissions->>'derivativesAllowed')::boolean) AS derivatives_allowed,
         bool_and((o.permissions->>'creditRequired')::boolean) AS credit_required
    FROM licensing.offer o
   WHERE o.version_id = ${versionId} AND o.subject_kind = '${kind}' AND o.retired_at IS NULL`;

/** The trending score of a subject (grants name a model or a template by `subject_id`), as a lateral body. */
export const trendingScore = (subjectId: string) => `
  SELECT sum(power(0.5, extract(epoch FROM now() - g.issued_at) / 86400 / ${TRENDING_HALF_LIFE_DAYS})) AS trending
    FROM licensing.grant g
   WHERE g.subject_id = ${subjectId} AND g.status = 'ACTIVE'
     AND g.issued_at > now() - interval '${TRENDING_WINDOW_DAYS} days'`;

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
}

/** The licence-facet and trending columns of a document query, read from the `o` and `t` laterals. */
export const OFFER_AND_TRENDING_COLUMNS = `
  COALESCE(o.tiers, '{}') AS tiers, COALESCE(o.free, false) AS free,
  o.paid_offers,
  COALESCE(o.commercial_use, false) AS commercial_use,
  COALESCE(o.derivatives_allowed, false) AS derivatives_allowed,
  COALESCE(o.credit_required, false) AS credit_required,
  COALESCE(t.trending, 0)::float8 AS trending`;

/** Serialises index writes per document until the caller's transaction ends (id order: no deadlocks). */
export async function lockDocuments(tx: EntityManager, ids: readonly string[]): Promise<void> {
  await tx.query(
    `SELECT pg_advisory_xact_lock(hashtextextended('search-model:' || id::text, 0))
       FROM unnest($1::uuid[]) AS id ORDER BY id`,
    [ids],
  );
}

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
    trending: Math.round(row.trending * 1000) / 1000,
  };
}
