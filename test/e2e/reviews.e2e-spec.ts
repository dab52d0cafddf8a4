import request from 'supertest';
import type { GraphqlResponse, TestUser } from '@lookbook/testing';
import { errorCode, OFFERS } from '@lookbook/testing';
import { PaymentsDriver } from './support/payments';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { startTestWorker } from './support/test-worker';
import type { ReadyVersion } from './support/versions';
import { publishedVersion } from './support/versions';
import { world } from './support/world';

const REVIEW_FIELDS = `id rating body verified licenseTier helpfulCount editCount viewerFoundHelpful
  author { handle } reply { body editedAt }`;
const WRITE = `mutation($k: ReviewSubjectKind!, $s: UUID!, $i: ReviewInput!) {
  writeReview(kind: $k, subjectId: $s, input: $i) { ${REVIEW_FIELDS} } }`;
const EDIT = `mutation($r: UUID!, $i: ReviewInput!) { editReview(reviewId: $r, input: $i) { ${REVIEW_FIELDS} } }`;
const REPLY = `mutation($r: UUID!, $b: String!) { replyToReview(reviewId: $r, body: $b) { ${REVIEW_FIELDS} } }`;
const VOTE = `mutation($r: UUID!, $h: Boolean) { voteReviewHelpful(reviewId: $r, helpful: $h) { helpfulCount viewerFoundHelpful } }`;
const REVIEWS = `query($s: UUID!) { reviews(kind: MODEL, subjectId: $s) { nodes { ${REVIEW_FIELDS} } } }`;
const MODEL_PAGE = `query($id: UUID!) {
  styleModel(id: $id) { id name likeCount rating { average count histogram } ratingAverage ratingCount }
  reviews(kind: MODEL, subjectId: $id, first: 10) { nodes { ${REVIEW_FIELDS} } pageInfo { hasNextPage } }
}`;
const ELIGIBILITY = `query($s: UUID!) { reviewEligibility(kind: MODEL, subjectId: $s) { canReview reason licenseTier review { id } } }`;
const REFUND = `mutation($id: UUID!) { refundOrder(orderId: $id) { status } }`;
const BLOCK = `mutation($id: UUID!) { blockUser(userId: $id) { blocked } }`;

interface ReviewView {
  id: string;
  rating: number;
  body: string;
  verified: boolean;
  licenseTier: string;
  helpfulCount: number;
  editCount: number;
  viewerFoundHelpful: boolean;
  author: { handle: string };
  reply: { body: string; editedAt: string | null } | null;
}

describe('reviews from verified licensees over HTTP: buy, review, reply, vote, refund', () => {
  let api: TestApi;
  let pay: PaymentsDriver;
  let as: ReturnType<typeof world>['as'];
  let creator: TestUser;
  let buyer: TestUser;
  let second: TestUser;
  let stranger: TestUser;
  let ink: ReadyVersion;
  let orderId: string;
  let reviewId: string;

  const ok = <T>(response: GraphqlResponse<T>): T => {
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data!;
  };
  const counted = async (query: string, variables: Record<string, unknown>, user?: TestUser) => {
    const call = request(api.server).post('/graphql');
    if (user) call.set('authorization', `Bearer ${user.accessToken}`);
    const response = await call.send({ query, variables });
    if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
    return { data: response.body.data, statements: Number(response.headers['x-sql-statements']) };
  };
  const page = async (user?: TestUser) =>
    (await counted(MODEL_PAGE, { id: ink.modelId }, user)).data as {
      styleModel: { rating: { average: number | null; count: number; histogram: number[] }; ratingCount: number };
      reviews: { nodes: ReviewView[] };
    };
  const notifications = (recipient: TestUser) =>
    api.db.query<{ kind: string; actor_id: string; url: string }>(
      `SELECT kind, actor_id, url FROM notifications.notification WHERE recipient_id = $1 ORDER BY created_at`,
      [recipient.id],
    );

  beforeAll(async () => {
    api = await startTestApi({ env: { PLATFORM_FEE_BPS: '1000' } });
    pay = new PaymentsDriver(api);
    const people = world(api);
    as = people.as;
    [creator, buyer, second, stranger] = [
      await people.member(),
      await people.member(),
      await people.member(),
      await people.member(),
    ];
    const ingest = await startTestWorker(api.db.url);
    ink = await publishedVersion(api, creator, { name: 'Ink Wash', offers: [OFFERS.personal, OFFERS.commercial] });
    await ingest.close();
    await pay.onboard(creator);
    ({ orderId } = await pay.buy(buyer, ink.offers['COMMERCIAL']!.id));
    await pay.buy(second, ink.offers['PERSONAL']!.id);
    await pay.settle();
  }, 180_000);
  afterAll(() => api.close());

  it('refuses a review without a licence, of one’s own work, and with a bad rating or text, changing nothing', async () => {
    const input = { rating: 5, body: 'Lovely' };
    const cases: [TestUser, Record<string, unknown>, string][] = [
      [stranger, input, 'LICENSE_REQUIRED'],
      [creator, input, 'SELF_REVIEW'],
      [buyer, { rating: 0, body: 'x' }, 'INVALID_RATING'],
      [buyer, { rating: 6, body: 'x' }, 'INVALID_RATING'],
      [buyer, { rating: 3, body: '   ' }, 'INVALID_REVIEW_TEXT'],
      [buyer, { rating: 3, body: 'x'.repeat(2001) }, 'INVALID_REVIEW_TEXT'],
    ];
    for (const [user, i, code] of cases)
      expect(errorCode(await as(user)(WRITE, { k: 'MODEL', s: ink.modelId, i }))).toBe(code);
    expect((await page()).reviews.nodes).toEqual([]);
    expect((await page()).styleModel.rating).toEqual({ average: null, count: 0, histogram: [0, 0, 0, 0, 0] });
    expect(ok(await as(stranger)(ELIGIBILITY, { s: ink.modelId })).reviewEligibility).toMatchObject({
      canReview: false,
      reason: 'NO_LICENSE',
    });
  });

  it('lets a buyer review once, verified with the tier, counted in the rating, and notifies the creator', async () => {
    expect(ok(await as(buyer)(ELIGIBILITY, { s: ink.modelId })).reviewEligibility).toEqual({
      canReview: true,
      reason: null,
      licenseTier: 'COMMERCIAL',
      review: null,
    });
    const written = ok(
      await as(buyer)(WRITE, {
        k: 'MODEL',
        s: ink.modelId,
        i: { rating: 4, body: 'Crisp ink.\r\nSecond line <b>here</b>' },
      }),
    ).writeReview as ReviewView;
    reviewId = written.id;
    expect(written).toMatchObject({
      rating: 4,
      body: 'Crisp ink.\nSecond line <b>here</b>',
      verified: true,
      licenseTier: 'COMMERCIAL',
      helpfulCount: 0,
      editCount: 0,
      reply: null,
    });
    expect(errorCode(await as(buyer)(WRITE, { k: 'MODEL', s: ink.modelId, i: { rating: 1, body: 'Again' } }))).toBe(
      'REVIEW_EXISTS',
    );
    ok(await as(second)(WRITE, { k: 'MODEL', s: ink.modelId, i: { rating: 2, body: 'Not for me' } }));
    expect((await page()).styleModel.rating).toEqual({ average: 3, count: 2, histogram: [0, 1, 0, 1, 0] });
    expect((await notifications(creator)).filter((n) => n.kind === 'REVIEW')).toHaveLength(2);
    expect(ok(await as(buyer)(ELIGIBILITY, { s: ink.modelId })).reviewEligibility).toMatchObject({
      canReview: false,
      reason: 'ALREADY_REVIEWED',
      review: { id: reviewId },
    });
  });

  it('keeps the edit history and moves the rating', async () => {
    const edited = ok(await as(buyer)(EDIT, { r: reviewId, i: { rating: 5, body: 'Crisp ink. Even better now.' } }))
      .editReview as ReviewView;
    expect(edited).toMatchObject({ rating: 5, editCount: 1 });
    const history = ok(
      await as(stranger)(`query($r: UUID!) { reviewRevisions(reviewId: $r) { revision rating body } }`, {
        r: reviewId,
      }),
    );
    expect(history.reviewRevisions).toEqual([{ revision: 1, rating: 4, body: 'Crisp ink.\nSecond line <b>here</b>' }]);
    expect((await page()).styleModel.rating).toEqual({ average: 3.5, count: 2, histogram: [0, 1, 0, 0, 1] });
    expect(errorCode(await as(second)(EDIT, { r: reviewId, i: { rating: 1, body: 'Hijack' } }))).toBe(
      'NOT_REVIEW_AUTHOR',
    );
  });

  it('lets the creator reply once (editable) and notifies the reviewer once; nobody else may reply', async () => {
    expect(errorCode(await as(stranger)(REPLY, { r: reviewId, b: 'Me too' }))).toBe('NOT_CREATOR');
    expect(errorCode(await as(buyer)(REPLY, { r: reviewId, b: 'Me' }))).toBe('NOT_CREATOR');
    const replied = ok(await as(creator)(REPLY, { r: reviewId, b: 'Thank you!' })).replyToReview as ReviewView;
    expect(replied.reply).toEqual({ body: 'Thank you!', editedAt: null });
    const edited = ok(await as(creator)(REPLY, { r: reviewId, b: 'Thank you, truly.' })).replyToReview as ReviewView;
    expect(edited.reply).toMatchObject({ body: 'Thank you, truly.', editedAt: expect.any(String) });
    const replies = (await notifications(buyer)).filter((n) => n.kind === 'REVIEW_REPLY');
    expect(replies).toEqual([
      expect.objectContaining({ actor_id: creator.id, url: `/models/${ink.modelId}#review-${reviewId}` }),
    ]);
  });

  it('counts helpful votes once per member, idempotently, never on one’s own review', async () => {
    const vote = (user: TestUser, h: boolean) => as(user)(VOTE, { r: reviewId, h });
    expect(ok(await vote(stranger, true)).voteReviewHelpful).toEqual({ helpfulCount: 1, viewerFoundHelpful: true });
    expect(ok(await vote(stranger, true)).voteReviewHelpful).toEqual({ helpfulCount: 1, viewerFoundHelpful: true });
    expect(ok(await vote(creator, true)).voteReviewHelpful).toMatchObject({ helpfulCount: 2 });
    expect(errorCode(await vote(buyer, true))).toBe('SELF_VOTE');
    expect(ok(await vote(creator, false)).voteReviewHelpful).toEqual({ helpfulCount: 1, viewerFoundHelpful: false });
    const seen = (await page(stranger)).reviews.nodes.find((r) => r.id === reviewId)!;
    expect(seen).toMatchObject({ helpfulCount: 1, viewerFoundHelpful: true });
  });

  it('hides a blocked member’s reviews from the blocker', async () => {
    ok(await as(stranger)(BLOCK, { id: second.id }));
    const handles = (await page(stranger)).reviews.nodes.map((r) => r.author.handle);
    expect(handles).toEqual([buyer.handle]);
    expect((await page()).reviews.nodes).toHaveLength(2);
  });

  it('serves the model page with its rating and first page of reviews in the same number of statements, 2 reviews or 8', async () => {
    const few = await counted(MODEL_PAGE, { id: ink.modelId }, stranger);
    const more: TestUser[] = [];
    for (let i = 0; i < 6; i++) more.push(await world(api).member());
    for (const user of more) await pay.buy(user, ink.offers['PERSONAL']!.id);
    await pay.settle();
    for (const [i, user] of more.entries())
      ok(await as(user)(WRITE, { k: 'MODEL', s: ink.modelId, i: { rating: (i % 5) + 1, body: `Review ${i}` } }));
    const many = await counted(MODEL_PAGE, { id: ink.modelId }, stranger);
    expect(many.data.reviews.nodes.length).toBeGreaterThan(few.data.reviews.nodes.length);
    expect(many.statements).toBe(few.statements);
    expect(many.statements).toBeLessThanOrEqual(6);
  });

  it('a refund removes the verified mark and the rating; the review stays', async () => {
    const before = (await page()).styleModel.rating;
    ok(await as(buyer)(REFUND, { id: orderId }));
    await pay.settle();
    const after = await page();
    expect(after.reviews.nodes.find((r) => r.id === reviewId)).toMatchObject({ verified: false, rating: 5 });
    expect(after.styleModel.rating.count).toBe(before.count - 1);
    expect(after.styleModel.rating.histogram[4]).toBe(before.histogram[4]! - 1);
    expect(ok(await as(buyer)(ELIGIBILITY, { s: ink.modelId })).reviewEligibility).toMatchObject({
      canReview: false,
      reason: 'ALREADY_REVIEWED',
      licenseTier: null,
    });
    // Editing a lapsed review changes its text, not the rating.
    ok(await as(buyer)(EDIT, { r: reviewId, i: { rating: 1, body: 'Refunded.' } }));
    expect((await page()).styleModel.rating).toEqual(after.styleModel.rating);
    expect(
      ok(await as(stranger)<{ reviews: { nodes: unknown[] } }>(REVIEWS, { s: ink.modelId })).reviews.nodes.length,
    ).toBeGreaterThan(0);
  });
});
