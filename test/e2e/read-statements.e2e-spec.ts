import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DISCOVER_QUERY, GENERATED_BUYER_PASSWORD, generateCatalog } from '@lookbook/testing';
import { seedConversation } from './support/conversation';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';

/** The documents the web client sends, exactly as codegen wrote them (fragments included). */
function webDocument(name: string): string {
  const source = readFileSync(join(process.cwd(), 'apps', 'web', 'src', 'gql', 'graphql.ts'), 'utf8');
  const match = new RegExp(`export const ${name}Document = new TypedDocumentString\\(\`([\\s\\S]*?)\`\\)`).exec(source);
  if (!match) throw new Error(`apps/web/src/gql/graphql.ts has no ${name}Document`);
  return match[1]!;
}

const MODELS = 600; // 30 creators, 60 buyers
const BUYERS = MODELS / 10;
const SIZES = { none: { reviews: 0, comments: 0 }, few: { reviews: 2, comments: 5 }, many: { reviews: 12, comments: 40 } };
type Size = keyof typeof SIZES;

/**
 * ARCHITECTURE §9: a read page runs a fixed number of SQL statements whatever its list sizes and counts. The model
 * page's four requests (as the web sends them) and discover, signed in and anonymous, with none, a few and many reviews
 * and comments (counted by the API's x-sql-statements header).
 */
describe('SQL statements of the read pages: fixed, whatever the rows and counts', () => {
  let api: TestApi;
  let token: string;
  let reviewerToken: string;
  const ids = {} as Record<Size, string>;

  const counted = async (query: string, variables: Record<string, unknown>, bearer?: string) => {
    const call = request(api.server).post('/graphql');
    if (bearer) call.set('authorization', `Bearer ${bearer}`);
    const response = await call.send({ query, variables });
    if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
    return { data: response.body.data, statements: Number(response.headers['x-sql-statements']) };
  };
  const signIn = async (login: string) =>
    (
      await counted(`mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`, {
        input: { login, password: GENERATED_BUYER_PASSWORD },
      })
    ).data.signIn.accessToken as string;

  const requests = {
    ModelPage: (id: string) => [webDocument('ModelPage'), { id }] as const,
    SubjectReviews: (id: string) =>
      [webDocument('SubjectReviews'), { kind: 'MODEL', subjectId: id, first: 10, after: null }] as const,
    ReviewEligibility: (id: string) => [webDocument('ReviewEligibility'), { kind: 'MODEL', subjectId: id }] as const,
    DiscussionPage: (id: string) =>
      [webDocument('DiscussionPage'), { kind: 'MODEL', id, order: 'NEWEST', first: 20, after: null }] as const,
  };
  const statementsOf = async (name: keyof typeof requests, bearer?: string) => {
    const result: Record<string, number> = {};
    for (const size of Object.keys(SIZES) as Size[]) {
      const [document, variables] = requests[name](ids[size]);
      result[size] = (await counted(document, variables, bearer)).statements;
    }
    return result;
  };

  beforeAll(async () => {
    api = await startTestApi();
    await generateCatalog(api.db, MODELS);
    // Three models of creator-1: none, a few and many reviews and comments.
    const rows = await api.db.query<{ id: string }>(
      `SELECT m.id FROM catalog.style_model m JOIN identity."user" u ON u.id = m.owner_id
        WHERE u.handle = 'creator-1' ORDER BY m.slug LIMIT 3`,
    );
    [ids.none, ids.few, ids.many] = rows.map((r) => r.id) as [string, string, string];
    for (const size of ['few', 'many'] as const) await seedConversation(api.db, ids[size], { ...SIZES[size], buyers: BUYERS });
    token = await signIn(`buyer-${BUYERS}`); // has reviewed none of them
    reviewerToken = await signIn('buyer-1'); // has reviewed "few" and "many"
  }, 180_000);
  afterAll(() => api.close());

  it('trace', async () => {
    for (const name of Object.keys(requests) as (keyof typeof requests)[]) {
      process.stderr.write(`\n######## ${name} signed in\n`);
      console.log(name, 'signed in', await statementsOf(name, token));
      process.stderr.write(`\n######## ${name} reviewer\n`);
      console.log(name, 'reviewer', await statementsOf(name, reviewerToken));
      process.stderr.write(`\n######## ${name} anonymous\n`);
      console.log(name, 'anonymous', await statementsOf(name));
    }
    const withCounts = DISCOVER_QUERY.replace('id slug name type', 'id slug name type likeCount downloadCount');
    for (const [label, doc] of [['without', DISCOVER_QUERY], ['with', withCounts]] as const)
      for (const first of [2, 24]) {
        process.stderr.write(`\n######## discover ${label} ${first}\n`);
        console.log('discover', label, first, (await counted(doc, { first }, token)).statements, (await counted(doc, { first })).statements);
      }
  });
});
