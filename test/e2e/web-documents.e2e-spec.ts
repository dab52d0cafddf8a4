import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { world } from './support/world';

/**
 * Every GraphQL operation the web client sends passes the API's own validation — schema, and graphql-armor's cost
 * and depth limits — so no page can be shipped that the server refuses outright. (Variables are left out: their
 * errors come after validation, as BAD_USER_INPUT.)
 */
describe('web client documents', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  // Read as text (the web app is not a dependency of the server's tests): `export const XDocument = new
  // TypedDocumentString(`…`)` for each operation, fragments included.
  const generated = readFileSync(join(__dirname, '..', '..', 'apps', 'web', 'src', 'gql', 'graphql.ts'), 'utf8');
  const operations = [...generated.matchAll(/export const (\w+Document) = new TypedDocumentString\(`([\s\S]*?)`/g)]
    .map((match) => [match[1]!, match[2]!] as const)
    .filter(([, text]) => /^\s*(query|mutation)/.test(text));

  it('are all found', () => {
    expect(operations.length).toBeGreaterThan(30);
  });

  it('each passes validation, including the cost and depth limits', async () => {
    const member = await world(api).member();
    const refused: string[] = [];
    for (const [name, document] of operations) {
      const response = await world(api).as(member)(document, {});
      for (const error of response.errors ?? []) {
        if ((error.extensions as { code?: string } | undefined)?.code === 'GRAPHQL_VALIDATION_FAILED')
          refused.push(`${name}: ${error.message}`);
      }
    }
    expect(refused).toEqual([]);
  });
});
