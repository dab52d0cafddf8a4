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
const SIZES = {
  none: { reviews: 0, comments: 0 },
  few: { reviews: 2, comments: 5 },
  many: { reviews: 12, comments: 40 },
};
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
    for (const size of ['few', 'many'] as const)
      await seedConversation(api.db, ids[size], { ...SIZES[size], buyers: BUYERS });
    token = await signIn(`buyer-${BUYERS}`); // has reviewed none of them
    reviewerToken = await signIn('buyer-1'); // has reviewed "few" and "many"
  }, 180_000);
  afterAll(() => api.close());

  const LIKE = `mutation($id: UUID!) { like(kind: MODEL, id: $id) { liked } }`;

  it('runs the model page query in 4 statements signed in and 3 anonymous, with its counts, rating and like', async () => {
    await counted(LIKE, { id: ids.many }, token);
    for (const [bearer, expected] of [
      [token, 4], // the session, the model with its counts and the viewer's like, the versions, offers with licences
      [reviewerToken, 4],
      [undefined, 3],
    ] as const)
      expect(await statementsOf('ModelPage', bearer)).toEqual({ none: expected, few: expected, many: expected });
    const page = async (size: Size, bearer?: string) =>
      (await counted(...requests.ModelPage(ids[size]), bearer)).data.styleModel as {
        likeCount: number;
        viewerHasLiked: boolean;
        rating: { count: number; average: number | null; histogram: number[] };
        versions: { ownedByMe: boolean; licenseOffers: unknown[]; myLicenses: unknown[] }[];
      };
    // The values that now come with the model row are the ones the counters hold.
    for (const size of Object.keys(SIZES) as Size[]) {
      const { rating } = await page(size);
      expect(rating.count).toBe(SIZES[size].reviews);
      expect(rating.histogram.reduce((a, b) => a + b, 0)).toBe(SIZES[size].reviews);
    }
    expect(await page('many', token)).toMatchObject({ likeCount: 1, viewerHasLiked: true });
    expect(await page('many', reviewerToken)).toMatchObject({ likeCount: 1, viewerHasLiked: false });
    expect(await page('many')).toMatchObject({ likeCount: 1, viewerHasLiked: false });
    expect((await page('few', token)).versions[0]!.licenseOffers.length).toBeGreaterThan(0);
  });

  it('runs the reviews list in 2 statements signed in and 1 anonymous, whatever the reviews', async () => {
    expect(await statementsOf('SubjectReviews', token)).toEqual({ none: 2, few: 2, many: 2 });
    expect(await statementsOf('SubjectReviews', reviewerToken)).toEqual({ none: 2, few: 2, many: 2 });
    expect(await statementsOf('SubjectReviews')).toEqual({ none: 1, few: 1, many: 1 });
    const nodes = async (size: Size) =>
      (await counted(...requests.SubjectReviews(ids[size]), token)).data.reviews.nodes as {
        viewerFoundHelpful: boolean;
      }[];
    expect((await nodes('many')).length).toBe(10);
    expect((await nodes('few')).map((n) => n.viewerFoundHelpful)).toEqual([false, false]);
  });

  it('answers review eligibility in 2 statements (the session and one read), whatever the reviews', async () => {
    expect(await statementsOf('ReviewEligibility', token)).toEqual({ none: 2, few: 2, many: 2 });
    expect(await statementsOf('ReviewEligibility', reviewerToken)).toEqual({ none: 2, few: 2, many: 2 });
    expect(await statementsOf('ReviewEligibility')).toEqual({ none: 0, few: 0, many: 0 });
    const answer = (await counted(...requests.ReviewEligibility(ids.many), reviewerToken)).data.reviewEligibility;
    expect(answer).toMatchObject({
      canReview: false,
      reason: 'ALREADY_REVIEWED',
      review: { author: { handle: 'buyer-1' } },
    });
  });

  it('reads the first discussion page in 3 statements signed in and 2 anonymous, whatever the comments', async () => {
    expect(await statementsOf('DiscussionPage', token)).toEqual({ none: 3, few: 3, many: 3 });
    expect(await statementsOf('DiscussionPage', reviewerToken)).toEqual({ none: 3, few: 3, many: 3 });
    expect(await statementsOf('DiscussionPage')).toEqual({ none: 2, few: 2, many: 2 });
    const discussion = (await counted(...requests.DiscussionPage(ids.many))).data.discussion as {
      commentCount: number;
      comments: { replies: unknown[] }[];
    };
    expect(discussion.commentCount).toBe(SIZES.many.comments);
    expect(discussion.comments.length).toBe(SIZES.many.comments / 5);
    expect(discussion.comments.every((c) => c.replies.length === 3)).toBe(true); // 3 inline of 4
  });

  it("runs discover in the same statements with cards' counts and like as without, for 2 cards or 24", async () => {
    const variants = {
      bare: DISCOVER_QUERY,
      counts: DISCOVER_QUERY.replace('id slug name type', 'id slug name type likeCount downloadCount'),
      countsAndLike: DISCOVER_QUERY.replace(
        'id slug name type',
        'id slug name type likeCount downloadCount viewerHasLiked',
      ),
    };
    for (const [bearer, expected] of [
      [token, 4], // the session, the page of models (with counts and like), their versions, their offers
      [undefined, 3],
    ] as const)
      for (const first of [2, 24])
        for (const document of Object.values(variants))
          expect((await counted(document, { first }, bearer)).statements).toBe(expected);
    const cards = (
      await counted(
        `query($f: StyleModelFilter) { styleModels(first: 100, filter: $f) { nodes { id likeCount viewerHasLiked } } }`,
        { f: { ownerHandle: 'creator-1' } },
        token,
      )
    ).data.styleModels.nodes as { id: string; likeCount: number; viewerHasLiked: boolean }[];
    expect(cards.find((c) => c.id === ids.many)).toMatchObject({ likeCount: 1, viewerHasLiked: true });
    expect(cards.filter((c) => c.viewerHasLiked)).toHaveLength(1);
  });
});
