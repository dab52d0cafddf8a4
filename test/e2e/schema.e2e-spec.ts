import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';

describe('apps/api/schema.gql', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('matches the schema the resolvers produce (run "npm run schema:generate" after changing them)', () => {
    const live = `${printSchema(lexicographicSortSchema(api.app.get(GraphQLSchemaHost).schema))}\n`;
    expect(readFileSync(join(__dirname, '..', '..', 'apps', 'api', 'schema.gql'), 'utf8')).toBe(live);
  });
});
