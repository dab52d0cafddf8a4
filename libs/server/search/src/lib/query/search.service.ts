import { Injectable, Logger } from '@nestjs/common';
import type { Actor } from '@lookbook/core';
import { IdentityFacade } from '@lookbook/identity';
import { DomainError, maturityUpTo } from '@lookbook/kernel';
import { CatalogFacade } from '@lookbook/catalog';
import { TemplatesFacade } from '@lookbook/templates';
import type { StyleModel } from '@lookbook/catalog';
import type { WorkflowTemplate } from '@lookbook/templates';
import type { DocumentKind } from '../documents/search-document';
import type { CreatorHit, FacetCount, HitCounts, HitPrice, SearchHit, Suggestion } from '../engines/search-queries';
import { SearchQueries } from '../engines/search-queries';
import { SearchErrors } from '../search.errors';
import { SearchOutboxRepository } from '../sync/search-outbox.repository';
import type { Facet, Maturity, SearchRequest, SearchRequestInput } from './search-request';
import { DEFAULT_MATURITY, encodeCursor, FACETS, MAX_DEPTH, parseSearchRequest } from './search-request';

/** A hit with its subject as the catalog or templates serve it now (the other one null). */
export interface FoundHit {
  kind: DocumentKind;
  model: StyleModel | null;
  template: WorkflowTemplate | null;
  score: number;
  highlights: SearchHit['highlights'];
  price: HitPrice;
  counts: HitCounts;
}

/** A search's answer: a page of visible hits, how to go on, and what the facet counts need later. */
export interface SearchOutcome {
  hits: FoundHit[];
  total: number;
  endCursor: string | null;
  hasNextPage: boolean;
  didYouMean: string | null;
  droppedWords: string[];
  hashMatch: boolean;
  /** Maturity levels included. */
  maturity: Maturity[];
  /** The checked request: facet counts and creators are asked for within it. */
  request: SearchRequest;
  /** Facet counts answered with the hits, for these facets (null: none asked for with them). */
  counted: { facets: readonly Facet[]; counts: readonly FacetCount[] } | null;
}

const MAX_SUGGESTIONS = 5;
const MAX_CREATORS = 12;
const MAX_PREFIX = 60;

/**
 * Search through our API only: parse and check, ask the engine, load the hits' current models from the catalog.
 * Every part of an answer (hits, total, facet counts, creators; suggestions) leaves out the same documents: those
 * whose model or template is no longer visible while their removal from the index has not landed (`hiddenIds`),
 * so an unpublish or a takedown is out of every count at once, even while the engine is behind or was down.
 */
@Injectable()
export class SearchService {
  private readonly logger = new Logger(SearchService.name);

  constructor(
    private readonly engine: SearchQueries,
    private readonly catalog: CatalogFacade,
    private readonly templates: TemplatesFacade,
    private readonly identity: IdentityFacade,
    private readonly outbox: SearchOutboxRepository,
  ) {}

  /** `withFacets`: the facet counts the caller will ask for next, answered with the hits (in parallel, where possible). */
  async search(
    input: SearchRequestInput,
    viewer?: Actor,
    withFacets: readonly Facet[] | null = null,
  ): Promise<SearchOutcome> {
    const request = await this.request(input, viewer);
    const { page, facets } = withFacets
      ? await this.guard(() => this.engine.searchWithFacets(request, withFacets))
      : { page: await this.guard(() => this.engine.search(request)), facets: null };
    const ids = (kind: string) => page.hits.flatMap((h) => (h.kind === kind ? [h.id] : []));
    // The hits' current state (two reads at most): a hit unpublished since it was indexed is left out.
    const [models, templates] = await Promise.all([
      this.catalog.publishedModels(ids('MODEL')).then((list) => new Map(list.map((m) => [m.id, m]))),
      this.templates.publishedTemplates(ids('TEMPLATE')).then((list) => new Map(list.map((t) => [t.id, t]))),
    ]);
    const next = request.offset + request.first;
    const hasNextPage = next < Math.min(page.total, MAX_DEPTH);
    return {
      hits: page.hits.flatMap((hit) => {
        const model = hit.kind === 'MODEL' ? (models.get(hit.id) ?? null) : null;
        const template = hit.kind === 'TEMPLATE' ? (templates.get(hit.id) ?? null) : null;
        return model || template
          ? [
              {
                kind: hit.kind,
                model,
                template,
                score: hit.score,
                highlights: hit.highlights,
                price: hit.price,
                counts: hit.counts,
              },
            ]
          : [];
      }),
      total: page.total,
      endCursor: hasNextPage ? encodeCursor(request, next) : null,
      hasNextPage,
      didYouMean: page.didYouMean,
      droppedWords: page.droppedWords,
      hashMatch: page.hashMatch,
      maturity: request.filters.maturity,
      request,
      counted: facets && withFacets ? { facets: withFacets, counts: facets } : null,
    };
  }

  /** A result's facet counts: those answered with its hits when they are the ones asked for, else counted now. */
  async facets(
    result: Pick<SearchOutcome, 'request' | 'counted'>,
    facets: readonly string[] | null | undefined,
  ): Promise<Map<Facet, FacetCount[]>> {
    const wanted = this.checkFacets(facets ?? FACETS);
    const counted = result.counted;
    const same = counted && counted.facets.length === wanted.length && wanted.every((f) => counted.facets.includes(f));
    const counts = same ? counted.counts : await this.guard(() => this.engine.facets(result.request, wanted));
    return group(wanted, counts);
  }

  /** Values of one facet matching `query` (a prefix), counted within a search: the tag picker's search box. */
  async facetValues(facet: string, query: string, input: SearchRequestInput, viewer?: Actor): Promise<FacetCount[]> {
    const [checked] = this.checkFacets([facet]);
    if (query.length > MAX_PREFIX) throw SearchErrors.queryTooLong(MAX_PREFIX);
    const request = await this.request({ ...input, after: null }, viewer);
    return this.guard(() => this.engine.facets(request, [checked!], query));
  }

  async creators(request: SearchRequest, first: number): Promise<CreatorHit[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_CREATORS) throw SearchErrors.invalidFirst(MAX_CREATORS);
    return this.guard(() => this.engine.creators(request, first));
  }

  async suggest(prefix: string): Promise<Suggestion[]> {
    if (prefix.length > MAX_PREFIX) throw SearchErrors.queryTooLong(MAX_PREFIX);
    const hidden = await this.outbox.hiddenIds();
    return this.guard(() => this.engine.suggest(prefix, MAX_SUGGESTIONS, hidden));
  }

  /** A checked request, with the viewer's maturity and the documents to leave out (read at once). */
  private async request(input: SearchRequestInput, viewer: Actor | undefined): Promise<SearchRequest> {
    const [maturity, hidden] = await Promise.all([this.viewerMaturity(viewer), this.outbox.hiddenIds()]);
    return parseSearchRequest({ ...input, hidden }, maturity);
  }

  /** A signed-in viewer's own setting; everyone else gets the default. */
  private async viewerMaturity(viewer: Actor | undefined): Promise<Maturity[]> {
    return viewer ? maturityUpTo(await this.identity.maxMaturity(viewer.userId)) : [...DEFAULT_MATURITY];
  }

  private checkFacets(facets: readonly string[]): Facet[] {
    for (const facet of facets)
      if (!(FACETS as readonly string[]).includes(facet)) throw SearchErrors.unknownFacet(facet);
    return [...new Set(facets)] as Facet[];
  }

  /** An engine failure is a typed, retryable error for the client; the cause is logged, never shown. */
  private async guard<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof DomainError) throw error;
      this.logger.error(
        `search engine (${this.engine.name}) failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      throw SearchErrors.unavailable();
    }
  }
}

function group(facets: readonly Facet[], counts: readonly FacetCount[]): Map<Facet, FacetCount[]> {
  const out = new Map<Facet, FacetCount[]>(facets.map((f) => [f, []]));
  for (const count of counts) out.get(count.facet)?.push(count);
  return out;
}
