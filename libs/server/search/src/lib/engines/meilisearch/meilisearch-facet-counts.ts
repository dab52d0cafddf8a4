import type { MultiSearchQuery } from 'meilisearch';
import type { Facet, SearchRequest } from '../../query/search-request';
import type { FacetCount } from '../search-queries';
import { byCount, MAX_FACET_VALUES } from '../search-queries';
import { FACET_ATTRIBUTE } from './meilisearch-documents';
import { queryParams } from './meilisearch-filter';
import type { MeilisearchIndex } from './meilisearch-index';

/** Facets with many values get Meilisearch's facet search; the others are few enough to filter here. */
const FACET_SEARCHABLE: readonly Facet[] = ['tag', 'baseModel', 'type'];

/** Disjunctive facet counts for the Meilisearch engine: one multi-search, or facet search for a value prefix. */
export class MeilisearchFacetCounts {
  constructor(private readonly index: MeilisearchIndex) {}

  async facets(request: SearchRequest, facets: readonly Facet[], valueQuery?: string): Promise<FacetCount[]> {
    if (!facets.length) return [];
    await this.index.ready();
    const prefix = valueQuery?.trim().toLowerCase();
    if (prefix && facets.length === 1 && FACET_SEARCHABLE.includes(facets[0]!)) {
      const facet = facets[0]!;
      const found = await this.index.client.index(this.index.live).searchForFacetValues({
        facetName: FACET_ATTRIBUTE[facet],
        facetQuery: prefix,
        ...queryParams(request, facet),
      });
      return found.facetHits
        .filter((h) => h.value.toLowerCase().startsWith(prefix))
        .map((h) => ({ facet, value: h.value, count: h.count }))
        .sort(byCount)
        .slice(0, MAX_FACET_VALUES);
    }
    // Disjunctive counts: one query per facet, each without that facet's own filter, in one round trip.
    const queries: MultiSearchQuery[] = facets.map((facet) => ({
      indexUid: this.index.live,
      ...queryParams(request, facet),
      facets: [FACET_ATTRIBUTE[facet]],
      limit: 0,
    }));
    const { results } = await this.index.client.multiSearch({ queries });
    return facets.flatMap((facet, i) =>
      Object.entries(results[i]?.facetDistribution?.[FACET_ATTRIBUTE[facet]] ?? {})
        .filter(([value]) => !prefix || value.toLowerCase().startsWith(prefix))
        .map(([value, count]) => ({ facet, value, count }))
        .sort(byCount)
        .slice(0, MAX_FACET_VALUES),
    );
  }
}
