import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { APP_CONFIG } from '@lookbook/core';
import { MeiliStub, testConfig } from '@lookbook/testing';
import { SynonymRepository } from '../documents/synonym.repository';
import { MeilisearchEngine } from './meilisearch/meilisearch.engine';
import { PostgresSearchEngine } from './postgres/postgres-search.engine';
import { SEARCH_ENGINE_PROVIDERS } from './search-engine.providers';
import { SearchIndexMaintenance } from './search-index-maintenance';
import { SearchIndexWriter } from './search-index-writer';
import { SearchQueries } from './search-queries';

// Count constructions: the adapter not configured must never be built (nor open a client).
type Adapter = new (...args: unknown[]) => object;
jest.mock('./meilisearch/meilisearch.engine', () => {
  const actual = jest.requireActual<{ MeilisearchEngine: Adapter }>('./meilisearch/meilisearch.engine');
  return { MeilisearchEngine: jest.fn((...args: unknown[]) => new actual.MeilisearchEngine(...args)) };
});
jest.mock('./postgres/postgres-search.engine', () => {
  const actual = jest.requireActual<{ PostgresSearchEngine: Adapter }>('./postgres/postgres-search.engine');
  return { PostgresSearchEngine: jest.fn((...args: unknown[]) => new actual.PostgresSearchEngine(...args)) };
});

describe('the search engine providers', () => {
  let stub: MeiliStub;
  let url: string;
  const synonyms = { all: async () => ({ sdxl: ['xl'] }) };
  const dataSource = { query: () => Promise.reject(new Error('no database in this test')) };

  beforeEach(async () => {
    jest.mocked(MeilisearchEngine).mockClear();
    jest.mocked(PostgresSearchEngine).mockClear();
    stub = new MeiliStub();
    url = await stub.start();
  });
  afterEach(() => stub.stop());

  async function start(env: Record<string, string>) {
    const moduleRef = await Test.createTestingModule({
      providers: [
        { provide: APP_CONFIG, useValue: testConfig({ MEILI_URL: url, MEILI_API_KEY: 'master-key', ...env }) },
        { provide: getDataSourceToken(), useValue: dataSource },
        { provide: SynonymRepository, useValue: synonyms },
        ...SEARCH_ENGINE_PROVIDERS,
      ],
    }).compile();
    await moduleRef.init();
    const ports = [SearchQueries, SearchIndexWriter, SearchIndexMaintenance].map((port) => moduleRef.get(port));
    return { moduleRef, ports };
  }

  it.each<Record<string, string>>([{}, { SEARCH_ENGINE: 'postgres' }])(
    'builds only the PostgreSQL engine by default (%p)',
    async (env) => {
      const { moduleRef, ports } = await start(env);
      expect(PostgresSearchEngine).toHaveBeenCalledTimes(1);
      expect(PostgresSearchEngine).toHaveBeenCalledWith(dataSource);
      expect(MeilisearchEngine).not.toHaveBeenCalled();
      // The one engine built serves every port.
      const built: unknown = jest.mocked(PostgresSearchEngine).mock.results[0]!.value;
      expect(ports.map((port) => port === built)).toEqual([true, true, true]);
      expect(ports[0]).toMatchObject({ name: 'postgres' });
      // Meilisearch is never asked anything, not even at start.
      expect(stub.requests).toEqual([]);
      await moduleRef.close();
    },
  );

  it('builds only the Meilisearch engine when configured, and applies its settings once at start', async () => {
    const { moduleRef, ports } = await start({ SEARCH_ENGINE: 'meilisearch' });
    expect(MeilisearchEngine).toHaveBeenCalledTimes(1);
    expect(PostgresSearchEngine).not.toHaveBeenCalled();
    const built: unknown = jest.mocked(MeilisearchEngine).mock.results[0]!.value;
    expect(ports.map((port) => port === built)).toEqual([true, true, true]);
    expect(ports[0]).toMatchObject({ name: 'meilisearch' });
    // The start-up hook ran on the engine itself, not once per port that aliases it.
    expect(stub.requests.filter((r) => r.method === 'PATCH').map((r) => r.path)).toEqual([
      '/indexes/lookbook_models/settings',
    ]);
    await moduleRef.close();
  });
});
