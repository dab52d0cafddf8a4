import type { Settings } from 'meilisearch';
import { priceOrderKey } from '@lookbook/kernel';
import type { DocumentKind, SearchDocument } from '../../documents/search-document';
import { ratingRank } from '../../documents/popularity';
import { KIND_WORDS } from '../../documents/search-document';
import type { Facet } from '../../query/search-request';
import { MAX_DEPTH, MAX_FIRST } from '../../query/search-request';

/** A document as Meilisearch stores it: flat fields named for filters, facets and sorts. */
export interface MeiliDocument {
  id: string;
  /** `distinct` key: one hit per model or template (should versions get documents of their own). */
  modelId: string;
  kind: DocumentKind;
  name: string;
  slug: string;
  description: string;
  tags: string[];
  triggerWords: string[];
  creatorHandle: string;
  creatorName: string;
  /** Null for a template: absent from the type facet, and kept by a type exclusion. */
  type: string | null;
  /** The model type's words, or "workflow template comfyui" for a template. */
  typeName: string;
  baseModel: string | null;
  baseModelName: string | null;
  hashes: string[];
  maturity: string;
  tiers: string[];
  /** `FREE` and/or `PAID`: the price facet. */
  price: string[];
  /** The cheapest paid offer: its tier, amount (minor units) and currency. */
  minPriceTier: string | null;
  minPriceAmount: number | null;
  minPriceCurrency: string | null;
  /**
   * Sort keys, from the cheapest paid offer's `priceOrderKey` (comparable across currencies): `priceLow` puts free
   * first for "price: low to high"; `paidPrice` orders paid licences alone; `priceHigh` most expensive first.
   */
  priceLow: number | null;
  paidPrice: number | null;
  priceHigh: number;
  commercialUse: boolean;
  derivativesAllowed: boolean;
  creditRequired: boolean;
  publishedAt: number;
  downloads: number;
  trending: number;
  likes: number;
  /** The sum and number of ratings (a hit's counts), and the damped mean "Top rated" sorts by (`popularity.ts`). */
  ratingSum: number;
  ratingCount: number;
  ratingRank: number;
}

/** Where each facet lives in a Meilisearch document. */
export const FACET_ATTRIBUTE: Record<Facet, keyof MeiliDocument> = {
  kind: 'kind',
  type: 'type',
  baseModel: 'baseModel',
  tag: 'tags',
  maturity: 'maturity',
  tier: 'tiers',
  price: 'price',
  commercialUse: 'commercialUse',
  derivativesAllowed: 'derivativesAllowed',
  creditRequired: 'creditRequired',
};

/** What a hit needs besides its id: its kind, its prices and its counts (the rest comes from the catalog). */
export const HIT_ATTRIBUTES = [
  'id',
  'kind',
  'price',
  'minPriceTier',
  'minPriceAmount',
  'minPriceCurrency',
  'likes',
  'downloads',
  'ratingSum',
  'ratingCount',
];

/**
 * The index settings, applied at start and before every rebuild (idempotent: the same table gives the same
 * payload). Typos are tolerated in words but never in numbers or hashes; quality (downloads, trending) ranks only
 * after relevance, and an explicit sort only after the words matched (Civitai put `sort` first, so any sort
 * overrode relevance).
 */
export function meiliSettings(synonyms: Record<string, string[]>): Settings {
  return {
    searchableAttributes: [
      'name',
      'slug',
      'tags',
      'triggerWords',
      'creatorHandle',
      'creatorName',
      'baseModelName',
      'baseModel',
      'typeName',
      'description',
    ],
    displayedAttributes: [...HIT_ATTRIBUTES, 'name', 'description'],
    filterableAttributes: [
      {
        attributePatterns: ['tags', 'baseModel', 'type', 'creatorHandle'],
        features: { facetSearch: true, filter: { equality: true, comparison: false } },
      },
      {
        attributePatterns: [
          'kind',
          'maturity',
          'tiers',
          'price',
          'commercialUse',
          'derivativesAllowed',
          'creditRequired',
          'hashes',
          'minPriceCurrency',
          // Documents waiting to be deleted are filtered out by id (`hidden`).
          'id',
        ],
        features: { facetSearch: false, filter: { equality: true, comparison: false } },
      },
      {
        attributePatterns: ['minPriceAmount', 'publishedAt'],
        features: { facetSearch: false, filter: { equality: true, comparison: true } },
      },
    ],
    sortableAttributes: [
      'publishedAt',
      'downloads',
      'likes',
      'ratingRank',
      'ratingCount',
      'trending',
      'priceLow',
      'paidPrice',
      'priceHigh',
    ],
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'downloads:desc', 'trending:desc'],
    typoTolerance: { enabled: true, disableOnAttributes: ['hashes', 'slug'], disableOnNumbers: true },
    synonyms,
    distinctAttribute: 'modelId',
    faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'count' } },
    pagination: { maxTotalHits: MAX_DEPTH + MAX_FIRST },
    searchCutoffMs: 150,
  };
}

export function toMeiliDocument(d: SearchDocument): MeiliDocument {
  const order = d.minPrice ? priceOrderKey(d.minPrice.amount, d.minPrice.currency) : null;
  return {
    id: d.id,
    modelId: d.id,
    kind: d.kind,
    name: d.name,
    slug: d.slug,
    description: d.description,
    tags: d.tags,
    triggerWords: d.triggerWords,
    creatorHandle: d.ownerHandle,
    creatorName: d.ownerName,
    type: d.type,
    typeName: d.type ? d.type.replace(/_/g, ' ').toLowerCase() : KIND_WORDS,
    baseModel: d.baseModelId,
    baseModelName: d.baseModelName,
    hashes: d.hashes,
    maturity: d.maturity,
    tiers: d.tiers,
    price: [...(d.free ? ['FREE'] : []), ...(d.minPrice ? ['PAID'] : [])],
    minPriceTier: d.minPrice?.tier ?? null,
    minPriceAmount: d.minPrice?.amount ?? null,
    minPriceCurrency: d.minPrice?.currency ?? null,
    priceLow: d.free ? 0 : order,
    paidPrice: order,
    priceHigh: order ?? 0,
    commercialUse: d.commercialUse,
    derivativesAllowed: d.derivativesAllowed,
    creditRequired: d.creditRequired,
    publishedAt: d.publishedAt.getTime(),
    downloads: d.downloads,
    trending: d.trending,
    likes: d.likes,
    ratingSum: d.ratingSum,
    ratingCount: d.ratingCount,
    ratingRank: ratingRank(d.ratingSum, d.ratingCount),
  };
}
