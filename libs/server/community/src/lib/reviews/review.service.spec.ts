import { Clock, Notifier, Transactions } from '@lookbook/core';
import { RateLimitedError } from '@lookbook/kernel';
import type { LicenseSummary } from '@lookbook/licensing';
import { LicensingFacade } from '@lookbook/licensing';
import { anActor, FakeClock, InlineTransactions, newTestService, TEST_MANAGER } from '@lookbook/testing';
import { BlockRepository } from '../blocks/block.repository';
import { shardOf } from '../counters/counter';
import { CounterRepository } from '../counters/counter.repository';
import { SubjectRepository } from '../subjects/subject.repository';
import type { ReviewCore, ReviewRow } from './review';
import { ReviewLimits } from './review-limits';
import { ReviewRepository } from './review.repository';
import { decodeReviewCursor, encodeReviewCursor, ReviewService } from './review.service';

const buyer = '00000000-0000-4000-8000-0000000000b1';
const creator = '00000000-0000-4000-8000-0000000000a1';
const stranger = '00000000-0000-4000-8000-0000000000c9';
const model = '00000000-0000-4000-8000-0000000000d1';
const reviewId = '00000000-0000-4000-8000-0000000000e1';
const client = { ip: '203.0.113.9', userAgent: null };
const good = { rating: 4, body: 'Clean lines,\nworks well with ink prompts.' };

const license = { id: 'grant-1', tier: 'COMMERCIAL', status: 'ACTIVE' } as LicenseSummary;
const core = (change: Partial<ReviewCore> = {}): ReviewCore => ({
  id: reviewId,
  subjectKind: 'MODEL',
  subjectId: model,
  authorId: buyer,
  rating: 4,
  body: good.body,
  revision: 1,
  licenseHeld: true,
  createdAt: new Date('2026-12-01T10:00:00Z'),
  editedAt: null,
  replyBody: null,
  repliedAt: null,
  ...change,
});
const row = (change: Partial<ReviewRow> = {}): ReviewRow =>
  ({ id: reviewId, author: { id: buyer, handle: 'bo', displayName: 'Bo' }, rating: 4, ...change }) as ReviewRow;

interface Found {
  ownerId?: string | null;
  blocked?: boolean;
  license?: LicenseSummary | null;
  inserted?: boolean;
  stored?: ReviewCore | null;
  visible?: ReviewRow | null;
  voteChanged?: boolean;
}

function setUp(found: Found = {}) {
  const { sut, mock } = newTestService(ReviewService, [
    [Transactions, new InlineTransactions()],
    [Clock, new FakeClock(new Date('2026-12-07T10:00:00Z'))],
  ]);
  mock(ReviewLimits).review.mockResolvedValue(undefined);
  mock(ReviewLimits).reply.mockResolvedValue(undefined);
  mock(ReviewLimits).vote.mockResolvedValue(undefined);
  const ownerId = found.ownerId === undefined ? creator : found.ownerId;
  mock(SubjectRepository).publicSubject.mockImplementation(async (kind, id) =>
    ownerId ? { kind, id, ownerId } : null,
  );
  mock(BlockRepository).between.mockResolvedValue(found.blocked ?? false);
  mock(LicensingFacade).strongestActiveOn.mockResolvedValue(found.license === undefined ? license : found.license);
  const reviews = mock(ReviewRepository);
  reviews.insert.mockResolvedValue(found.inserted ?? true);
  reviews.lock.mockResolvedValue(found.stored === undefined ? core() : found.stored);
  reviews.edit.mockResolvedValue(undefined);
  reviews.reply.mockResolvedValue(undefined);
  reviews.addVote.mockResolvedValue(found.voteChanged ?? true);
  reviews.removeVote.mockResolvedValue(found.voteChanged ?? true);
  reviews.one.mockResolvedValue(found.visible === undefined ? row() : found.visible);
  const counters = mock(CounterRepository);
  counters.bump.mockResolvedValue(undefined);
  const notifier = mock(Notifier);
  notifier.notify.mockResolvedValue(undefined);
  return { sut, mock, reviews, counters, notifier };
}

const nothingWritten = (s: ReturnType<typeof setUp>) => {
  expect(s.reviews.insert).not.toHaveBeenCalled();
  expect(s.reviews.edit).not.toHaveBeenCalled();
  expect(s.counters.bump).not.toHaveBeenCalled();
  expect(s.notifier.notify).not.toHaveBeenCalled();
};

describe('ReviewService.write', () => {
  it.each([1, 3, 5])(
    'stores a %i-star review on the strongest licence, counts it and notifies the creator, in one transaction',
    async (rating) => {
      const s = setUp();
      await s.sut.write(anActor(buyer), client, 'MODEL', model, { ...good, rating });
      expect(s.mock(LicensingFacade).strongestActiveOn).toHaveBeenCalledWith(TEST_MANAGER, buyer, 'MODEL', model);
      expect(s.reviews.insert).toHaveBeenCalledWith(
        TEST_MANAGER,
        expect.objectContaining({
          authorId: buyer,
          rating,
          body: good.body,
          licenseId: 'grant-1',
          licenseTier: 'COMMERCIAL',
        }),
      );
      expect(s.counters.bump).toHaveBeenCalledWith(TEST_MANAGER, shardOf(buyer), [
        { kind: 'MODEL', id: model, metric: 'RATING_SUM', delta: rating },
        { kind: 'MODEL', id: model, metric: 'RATING_COUNT', delta: 1 },
        { kind: 'MODEL', id: model, metric: `RATING_${rating}`, delta: 1 },
      ]);
      expect(s.notifier.notify).toHaveBeenCalledWith(
        TEST_MANAGER,
        expect.objectContaining({ recipientId: creator, kind: 'REVIEW', actorId: buyer, subjectId: model }),
      );
    },
  );

  it.each<[string, Found, string]>([
    ['without a licence (never bought, or refunded)', { license: null }, 'LICENSE_REQUIRED'],
    ['a second time', { inserted: false }, 'REVIEW_EXISTS'],
    ['of one’s own work', { ownerId: buyer }, 'SELF_REVIEW'],
    ['of an unknown or unpublished item', { ownerId: null }, 'SUBJECT_NOT_FOUND'],
    ['across a block', { blocked: true }, 'BLOCKED'],
  ])('refuses a review %s, counting and notifying nothing', async (_, found, code) => {
    const s = setUp(found);
    await expect(s.sut.write(anActor(buyer), client, 'TEMPLATE', model, good)).rejects.toMatchObject({ code });
    expect(s.counters.bump).not.toHaveBeenCalled();
    expect(s.notifier.notify).not.toHaveBeenCalled();
  });

  it.each<[string, { rating: number; body: string }, string]>([
    ['a rating of 0', { rating: 0, body: 'ok' }, 'INVALID_RATING'],
    ['a rating of 6', { rating: 6, body: 'ok' }, 'INVALID_RATING'],
    ['a rating of 3.5', { rating: 3.5, body: 'ok' }, 'INVALID_RATING'],
    ['a rating of NaN', { rating: Number.NaN, body: 'ok' }, 'INVALID_RATING'],
    ['an empty text', { rating: 3, body: '' }, 'INVALID_REVIEW_TEXT'],
    ['only blanks and control characters', { rating: 3, body: ' \n\t\u0000\u0007 ' }, 'INVALID_REVIEW_TEXT'],
    ['2,001 characters', { rating: 3, body: 'x'.repeat(2001) }, 'INVALID_REVIEW_TEXT'],
    ['2,001 emoji', { rating: 3, body: '🖌'.repeat(2001) }, 'INVALID_REVIEW_TEXT'],
  ])('refuses %s before reading anything', async (_, input, code) => {
    const s = setUp();
    await expect(s.sut.write(anActor(buyer), client, 'MODEL', model, input)).rejects.toMatchObject({ code });
    expect(s.mock(SubjectRepository).publicSubject).not.toHaveBeenCalled();
    nothingWritten(s);
  });

  it('keeps 2,000 characters (emoji count as one) and normalises line endings', async () => {
    const s = setUp();
    await s.sut.write(anActor(buyer), client, 'MODEL', model, { rating: 2, body: '🖌'.repeat(2000) });
    await s.sut.write(anActor(buyer), client, 'MODEL', model, { rating: 2, body: '  a\r\nb\rc\n\n\n\n\n\nd  ' });
    expect(s.reviews.insert.mock.calls.map((c) => c[1].body)).toEqual(['🖌'.repeat(2000), 'a\nb\nc\n\n\nd']);
  });

  it('is rate limited before anything is read or written', async () => {
    const s = setUp();
    s.mock(ReviewLimits).review.mockRejectedValue(new RateLimitedError(30));
    await expect(s.sut.write(anActor(buyer), client, 'MODEL', model, good)).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
    await expect(s.sut.edit(anActor(buyer), client, reviewId, good)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(s.mock(SubjectRepository).publicSubject).not.toHaveBeenCalled();
    nothingWritten(s);
  });
});

describe('ReviewService.edit', () => {
  it('keeps the previous text as a revision and moves the counted rating between histogram bars', async () => {
    const s = setUp();
    await s.sut.edit(anActor(buyer), client, reviewId, { rating: 2, body: 'Changed my mind.' });
    expect(s.reviews.edit).toHaveBeenCalledWith(TEST_MANAGER, core(), 2, 'Changed my mind.', expect.any(Date));
    // One bump per counter row: a statement may not touch the same row twice.
    expect(s.counters.bump).toHaveBeenCalledWith(TEST_MANAGER, shardOf(buyer), [
      { kind: 'MODEL', id: model, metric: 'RATING_SUM', delta: -2 },
      { kind: 'MODEL', id: model, metric: 'RATING_4', delta: -1 },
      { kind: 'MODEL', id: model, metric: 'RATING_2', delta: 1 },
    ]);
  });

  it('changes no counter when only the text changes, or when the licence is no longer held', async () => {
    const textOnly = setUp();
    await textOnly.sut.edit(anActor(buyer), client, reviewId, { rating: 4, body: 'Reworded.' });
    expect(textOnly.reviews.edit).toHaveBeenCalled();
    expect(textOnly.counters.bump).not.toHaveBeenCalled();
    const lapsed = setUp({ stored: core({ licenseHeld: false }) });
    await lapsed.sut.edit(anActor(buyer), client, reviewId, { rating: 1, body: 'Reworded.' });
    expect(lapsed.reviews.edit).toHaveBeenCalled();
    expect(lapsed.counters.bump).not.toHaveBeenCalled();
  });

  it('writes nothing when the same rating and text come again', async () => {
    const s = setUp();
    await s.sut.edit(anActor(buyer), client, reviewId, { rating: 4, body: `  ${good.body}\r\n` });
    nothingWritten(s);
  });

  it.each<[string, Found, string]>([
    ['someone else’s review', { stored: core({ authorId: stranger }) }, 'NOT_REVIEW_AUTHOR'],
    ['a review that does not exist', { stored: null }, 'REVIEW_NOT_FOUND'],
  ])('refuses to edit %s', async (_, found, code) => {
    const s = setUp(found);
    await expect(s.sut.edit(anActor(buyer), client, reviewId, good)).rejects.toMatchObject({ code });
    nothingWritten(s);
  });
});

describe('ReviewService.reply', () => {
  it('lets the creator reply once, notifying the reviewer; a changed reply is an edit, notified no more', async () => {
    const first = setUp();
    await first.sut.reply(anActor(creator), client, reviewId, 'Thank you!');
    expect(first.reviews.reply).toHaveBeenCalledWith(TEST_MANAGER, reviewId, 'Thank you!', expect.any(Date));
    expect(first.notifier.notify).toHaveBeenCalledWith(
      TEST_MANAGER,
      expect.objectContaining({ recipientId: buyer, kind: 'REVIEW_REPLY', actorId: creator }),
    );
    const edit = setUp({ stored: core({ replyBody: 'Thank you!', repliedAt: new Date() }) });
    await edit.sut.reply(anActor(creator), client, reviewId, 'Thank you, truly.');
    expect(edit.reviews.reply).toHaveBeenCalled();
    expect(edit.notifier.notify).not.toHaveBeenCalled();
    const same = setUp({ stored: core({ replyBody: 'Thank you!', repliedAt: new Date() }) });
    await same.sut.reply(anActor(creator), client, reviewId, ' Thank you! ');
    expect(same.reviews.reply).not.toHaveBeenCalled();
  });

  it.each<[string, string, Found, string]>([
    ['someone who is not the creator', stranger, {}, 'NOT_CREATOR'],
    ['the reviewer', buyer, {}, 'NOT_CREATOR'],
    ['the creator across a block', creator, { blocked: true }, 'BLOCKED'],
    ['anyone, to a missing review', creator, { stored: null }, 'REVIEW_NOT_FOUND'],
  ])('refuses a reply by %s', async (_, who, found, code) => {
    const s = setUp(found);
    await expect(s.sut.reply(anActor(who), client, reviewId, 'Hi')).rejects.toMatchObject({ code });
    expect(s.reviews.reply).not.toHaveBeenCalled();
    expect(s.notifier.notify).not.toHaveBeenCalled();
  });

  it.each(['', '   ', 'y'.repeat(2001)])('refuses a reply text of %j length', async (text) => {
    const s = setUp();
    await expect(s.sut.reply(anActor(creator), client, reviewId, text)).rejects.toMatchObject({
      code: 'INVALID_REVIEW_TEXT',
    });
    expect(s.reviews.lock).not.toHaveBeenCalled();
  });
});

describe('ReviewService.vote', () => {
  it.each([true, false])('records helpful=%s once; a repeat changes nothing', async (helpful) => {
    const s = setUp();
    await s.sut.vote(anActor(stranger), client, reviewId, helpful);
    const call = helpful ? s.reviews.addVote : s.reviews.removeVote;
    expect(call).toHaveBeenCalledWith(TEST_MANAGER, reviewId, stranger, ...(helpful ? [expect.any(Date)] : []));
    const again = setUp({ voteChanged: false });
    await expect(again.sut.vote(anActor(stranger), client, reviewId, helpful)).resolves.toEqual(row());
    expect(again.reviews.one).toHaveBeenCalledTimes(1);
  });

  it.each<[string, Found, string]>([
    ['on one’s own review', { visible: row({ author: { id: stranger, handle: 's', displayName: 'S' } }) }, 'SELF_VOTE'],
    ['on a review hidden by a block or missing', { visible: null }, 'REVIEW_NOT_FOUND'],
  ])('refuses a vote %s', async (_, found, code) => {
    const s = setUp(found);
    await expect(s.sut.vote(anActor(stranger), client, reviewId, true)).rejects.toMatchObject({ code });
    expect(s.reviews.addVote).not.toHaveBeenCalled();
  });

  it('is rate limited', async () => {
    const s = setUp();
    s.mock(ReviewLimits).vote.mockRejectedValue(new RateLimitedError(5));
    await expect(s.sut.vote(anActor(stranger), client, reviewId, true)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(s.reviews.addVote).not.toHaveBeenCalled();
  });
});

describe('ReviewService.eligibility', () => {
  it.each<[string, string | undefined, Found & { mine?: ReviewRow | null }, string | null, string | null]>([
    ['signed out', undefined, {}, 'SIGNED_OUT', null],
    ['the creator', creator, {}, 'OWN_WORK', null],
    ['without a licence', buyer, { license: null }, 'NO_LICENSE', null],
    ['across a block', buyer, { blocked: true }, 'BLOCKED', 'COMMERCIAL'],
    ['across a block, without a licence', buyer, { blocked: true, license: null }, 'BLOCKED', null],
    ['having reviewed', buyer, { mine: row() }, 'ALREADY_REVIEWED', 'COMMERCIAL'],
    ['having reviewed, the licence since refunded', buyer, { mine: row(), license: null }, 'ALREADY_REVIEWED', null],
    ['a holder', buyer, {}, null, 'COMMERCIAL'],
  ])('answers %s', async (_, who, found, reason, tier) => {
    const s = setUp(found);
    s.reviews.eligibilityOf.mockResolvedValue({
      ownerId: creator,
      blocked: found.blocked ?? false,
      licenseTier: found.license === null ? null : license.tier,
      review: found.mine ?? null,
    });
    const answer = await s.sut.eligibility(who ? anActor(who) : undefined, 'MODEL', model);
    expect(answer).toMatchObject({ canReview: reason === null, reason, licenseTier: tier });
    expect(answer.review).toBe(reason === 'ALREADY_REVIEWED' ? found.mine : null);
    // One repository read for a signed-in viewer (the read page's statement budget), none signed out.
    expect(s.reviews.eligibilityOf).toHaveBeenCalledTimes(who ? 1 : 0);
    if (who) expect(s.reviews.eligibilityOf).toHaveBeenCalledWith(who, 'MODEL', model);
  });

  it('answers a subject that is missing or not published as SUBJECT_NOT_FOUND', async () => {
    const s = setUp();
    s.reviews.eligibilityOf.mockResolvedValue(null);
    await expect(s.sut.eligibility(anActor(buyer), 'TEMPLATE', model)).rejects.toMatchObject({
      code: 'SUBJECT_NOT_FOUND',
    });
  });
});

describe('review cursors', () => {
  it('round-trips and refuses anything else as INVALID_CURSOR', () => {
    const at = { createdAt: new Date('2026-12-07T10:00:00.123Z'), id: reviewId };
    expect(decodeReviewCursor(encodeReviewCursor(at))).toEqual(at);
    for (const bad of [
      '',
      'x',
      Buffer.from('review:nope|x').toString('base64url'),
      Buffer.from(`feed:1`).toString('base64url'),
    ])
      expect(() => decodeReviewCursor(bad)).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
  });
});
