import { randomBytes } from 'node:crypto';
import { loadConfig } from '@lookbook/core';
import { SynonymRepository } from '../../documents/synonym.repository';
import { describeSearchEngine } from '../search-engine.behaviour-spec';
import { MeilisearchEngine } from './meilisearch.engine';

/**
 * The shared behaviour against a real Meilisearch. No Meilisearch server can run on the build machines, so this
 * runs only where MEILI_URL points at one (e.g. `docker compose up meilisearch`); the HTTP-boundary spec
 * (meilisearch.engine.spec.ts) always runs.
 */
const MEILI_URL = process.env['MEILI_URL'];
if (MEILI_URL) {
  describeSearchEngine('MeilisearchEngine (real server)', (db) => {
    const config = loadConfig({
      SEARCH_ENGINE: 'meilisearch',
      MEILI_URL,
      MEILI_API_KEY: process.env['MEILI_API_KEY'],
      MEILI_INDEX_PREFIX: `test_${randomBytes(4).toString('hex')}`,
    });
    return new MeilisearchEngine(config, new SynonymRepository(db));
  });
} else {
  describe('MeilisearchEngine (real server)', () => {
    it.skip('runs the shared search behaviour', () => undefined); // skipped: MEILI_URL is not set (no server here)
  });
}
