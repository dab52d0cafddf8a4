import { randomUUID } from 'node:crypto';
import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { BlockRepository } from '../blocks/block.repository';
import { shardOf } from '../counters/counter';
import { CounterRepository } from '../counters/counter.repository';
import { ratingSummary } from './review';
import type { NewReview } from './review.repository';
import { ReviewRepository } from './review.repository';
import { ratingBumps, rerateBumps } from './review.service';

describe('ReviewRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let reviews: ReviewRepository;
  let counters: CounterRepository;
  let blocks: BlockRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([]);
    reviews = new ReviewRepository(bed.dataSource);
    counters = new CounterRepository(bed.dataSource);
    blocks = new BlockRepository(bed.dataSource);
  });
  afterAll(() => bed.close());

  /** A licence as licensing writes it (this spec only needs the columns the triggers read). */
  async function aGrant(licenseeId: string, modelId: string, versionId: string, tier = 'COMMERCIAL'): Promise<string> {
    const id = randomUUID();
    const offerId = await bed.seed.offer(versionId, { tier, retired: true });
    await bed.db.query(
      `INSERT INTO licensing.grant (id, licensee_id, subject_kind, subject_id, version_id, resource_urn, resource_name,
         offer_id, offer_revision, tier, permissions, terms_text, terms_sha256, file_sha256s, price_amount,
         price_currency, source, order_ref, issued_at, key_id, certificate, status)
       VALUES ($1, $2, 'MODEL', $3, $4, 'urn:x', 'Ink', $5, 1, $6, '{}', 'terms', $7, ARRAY[$7], 1000, 'EUR', 'PURCHASE',
               $8, now(), 'k1', 'cert', 'ACTIVE')`,
      [id, licenseeId, modelId, versionId, offerId, tier, 'a'.repeat(64), `order:${id}`],
    );
    return id;
  }
  const revoke = (grantId: string) =>
    bed.db.query(
      `UPDATE licensing.grant SET status = 'REVOKED', revoked_at = now(), revocation_reason = 'REFUNDED'
                   WHERE id = $1`,
      [grantId],
    );

  /** A published model, a buyer holding a licence, and their stored, counted review. */
  async function aReview(rating = 4, at = new Date()) {
    const { ownerId, modelId, versionId } = await bed.seed.publishedVersion();
    const buyer = await bed.seed.user();
    const grantId = await aGrant(buyer.id, modelId, versionId);
    const review: NewReview = {
      id: randomUUID(),
      subjectKind: 'MODEL',
      subjectId: modelId,
      authorId: buyer.id,
      licenseId: grantId,
      licenseTier: 'COMMERCIAL',
      rating,
      body: 'Line one\nLine <b>two</b>',
      at,
    };
    await bed.dataSource.transaction(async (m) => {
      expect(await reviews.insert(m, review)).toBe(true);
      await counters.bump(m, shardOf(buyer.id), ratingBumps('MODEL', modelId, rating, 1));
    });
    return { ownerId, modelId, versionId, buyer, grantId, review };
  }
  const summaryOf = async (modelId: string) =>
    ratingSummary((await counters.countsOf('MODEL', [modelId])).get(modelId)!);

  it('stores one review per author and subject, and reads it back as written', async () => {
    const { review, modelId, buyer } = await aReview(5);
    expect(await bed.dataSource.transaction((m) => reviews.insert(m, { ...review, id: randomUUID(), rating: 1 }))).toBe(
      false,
    );
    const read = await reviews.one(null, review.id);
    expect(read).toMatchObject({
      subjectKind: 'MODEL',
      subjectId: modelId,
      author: { id: buyer.id, handle: buyer.handle },
      rating: 5,
      body: 'Line one\nLine <b>two</b>',
      licenseTier: 'COMMERCIAL',
      licenseHeld: true,
      helpfulCount: 0,
      revision: 1,
      reply: null,
    });
    expect(read!.subjectName).not.toBe('');
    expect((await reviews.eligibilityOf(buyer.id, 'MODEL', modelId))!.review).toMatchObject({ id: review.id });
    expect(await reviews.eligibilityOf(buyer.id, 'TEMPLATE', modelId)).toBeNull();
    expect(await summaryOf(modelId)).toEqual({ average: 5, count: 1, histogram: [0, 0, 0, 0, 1] });
  });

  it('refuses ratings and texts out of range in the database too', async () => {
    const { review } = await aReview();
    for (const bad of [{ rating: 0 }, { rating: 6 }, { body: '' }, { body: 'x'.repeat(2001) }])
      await expect(
        bed.dataSource.transaction((m) =>
          reviews.insert(m, { ...review, ...bad, id: randomUUID(), authorId: review.authorId }),
        ),
      ).rejects.toThrow(/check constraint|violates/);
  });

  it('keeps every edit as a revision, newest first', async () => {
    const { review } = await aReview(4, new Date('2026-12-01T10:00:00Z'));
    const at1 = new Date('2026-12-02T10:00:00Z');
    const at2 = new Date('2026-12-03T10:00:00Z');
    await bed.dataSource.transaction(async (m) =>
      reviews.edit(m, (await reviews.lock(m, review.id))!, 3, 'Second', at1),
    );
    await bed.dataSource.transaction(async (m) =>
      reviews.edit(m, (await reviews.lock(m, review.id))!, 2, 'Third', at2),
    );
    await bed.dataSource.transaction((m) =>
      counters.bump(m, shardOf(review.authorId), rerateBumps('MODEL', review.subjectId, 4, 2)),
    );
    expect(await summaryOf(review.subjectId)).toEqual({ average: 2, count: 1, histogram: [0, 1, 0, 0, 0] });
    expect(await reviews.one(null, review.id)).toMatchObject({ rating: 2, body: 'Third', revision: 3, editedAt: at2 });
    expect(await reviews.revisions(review.id)).toEqual([
      { revision: 2, rating: 3, body: 'Second', writtenAt: at1 },
      { revision: 1, rating: 4, body: review.body, writtenAt: new Date('2026-12-01T10:00:00Z') },
    ]);
  });

  it('keeps one reply, edited in place', async () => {
    const { review } = await aReview();
    const first = new Date('2026-12-04T10:00:00Z');
    const second = new Date('2026-12-05T10:00:00Z');
    await bed.dataSource.transaction((m) => reviews.reply(m, review.id, 'Thanks!', first));
    expect((await reviews.one(null, review.id))!.reply).toEqual({ body: 'Thanks!', repliedAt: first, editedAt: null });
    await bed.dataSource.transaction((m) => reviews.reply(m, review.id, 'Thanks a lot!', second));
    expect((await reviews.one(null, review.id))!.reply).toEqual({
      body: 'Thanks a lot!',
      repliedAt: first,
      editedAt: second,
    });
  });

  it('counts helpful votes exactly, once per member, under concurrent votes and take-backs', async () => {
    const { review } = await aReview();
    const voters = await Promise.all(Array.from({ length: 12 }, () => bed.seed.user()));
    await Promise.all(
      voters.flatMap((v) => [
        bed.dataSource.transaction((m) => reviews.addVote(m, review.id, v.id, new Date())),
        bed.dataSource.transaction((m) => reviews.addVote(m, review.id, v.id, new Date())),
      ]),
    );
    expect((await reviews.one(null, review.id))!.helpfulCount).toBe(12);
    const back = voters.slice(0, 5);
    const removed = await Promise.all(
      [...back, ...back].map((v) => bed.dataSource.transaction((m) => reviews.removeVote(m, review.id, v.id))),
    );
    expect(removed.filter(Boolean)).toHaveLength(5);
    expect((await reviews.one(null, review.id))!.helpfulCount).toBe(7);
    expect(await reviews.votedAmong(voters[0]!.id, [review.id])).toEqual(new Set());
    expect(await reviews.votedAmong(voters[9]!.id, [review.id, randomUUID()])).toEqual(new Set([review.id]));
    // The same fact comes with the row, for the reader it is read for.
    expect((await reviews.one(voters[0]!.id, review.id))!.viewerVoted).toBe(false);
    expect((await reviews.one(voters[9]!.id, review.id))!.viewerVoted).toBe(true);
    expect((await reviews.one(null, review.id))!.viewerVoted).toBe(false);
  });

  it('reads review eligibility in one statement: creator, block either way, strongest active licence, own review', async () => {
    const { ownerId, modelId, versionId } = await bed.seed.publishedVersion();
    const [holder, stranger, blocked] = [await bed.seed.user(), await bed.seed.user(), await bed.seed.user()];
    const facts = (viewer: string, id = modelId) => reviews.eligibilityOf(viewer, 'MODEL', id);
    expect(await facts(stranger.id)).toEqual({ ownerId, blocked: false, licenseTier: null, review: null });
    expect(await facts(ownerId)).toMatchObject({ ownerId, licenseTier: null, review: null });
    expect(await facts(stranger.id, randomUUID())).toBeNull();
    // The strongest active tier, whatever the order bought; a revoked stronger one does not count.
    await aGrant(holder.id, modelId, versionId, 'PERSONAL');
    expect((await facts(holder.id))!.licenseTier).toBe('PERSONAL');
    await aGrant(holder.id, modelId, versionId, 'COMMERCIAL');
    await revoke(await aGrant(holder.id, modelId, versionId, 'EXCLUSIVE'));
    expect((await facts(holder.id))!.licenseTier).toBe('COMMERCIAL');
    // A block either way.
    await bed.dataSource.transaction((m) => blocks.insert(m, ownerId, blocked.id, new Date()));
    expect((await facts(blocked.id))!.blocked).toBe(true);
    await bed.dataSource.transaction((m) => blocks.insert(m, holder.id, ownerId, new Date()));
    expect((await facts(holder.id))!.blocked).toBe(true);
    expect((await facts(stranger.id))!.blocked).toBe(false);
    // A draft is nothing to review.
    await bed.db.query(`UPDATE catalog.style_model SET status = 'DRAFT' WHERE id = $1`, [modelId]);
    expect(await facts(holder.id)).toBeNull();
    // Their own review comes with it, read as its author reads it.
    const mine = await aReview(3);
    expect(await facts(mine.buyer.id, mine.modelId)).toEqual({
      ownerId: mine.ownerId,
      blocked: false,
      licenseTier: 'COMMERCIAL',
      review: expect.objectContaining({
        id: mine.review.id,
        rating: 3,
        viewerVoted: false,
        createdAt: expect.any(Date),
      }),
    });
  });

  it('pages a subject’s reviews newest first and hides a blocked author from the blocker (and the other way)', async () => {
    const { modelId, versionId, review: oldest } = await aReview(3, new Date('2026-11-01T00:00:00Z'));
    const ids = [oldest.id];
    for (let i = 1; i <= 3; i++) {
      const author = await bed.seed.user();
      const grant = await aGrant(author.id, modelId, versionId);
      const r = {
        ...oldest,
        id: randomUUID(),
        authorId: author.id,
        licenseId: grant,
        at: new Date(Date.UTC(2026, 10, 1 + i)),
      };
      await bed.dataSource.transaction((m) => reviews.insert(m, r));
      ids.unshift(r.id);
    }
    const first = await reviews.ofSubject(null, 'MODEL', modelId, null, 2);
    expect(first.map((r) => r.id)).toEqual(ids.slice(0, 2));
    const rest = await reviews.ofSubject(
      null,
      'MODEL',
      modelId,
      { createdAt: first[1]!.createdAt, id: first[1]!.id },
      10,
    );
    expect(rest.map((r) => r.id)).toEqual(ids.slice(2));

    const reader = await bed.seed.user();
    const blockedAuthor = (await reviews.one(null, ids[1]!))!.author.id;
    await bed.dataSource.transaction((m) => blocks.insert(m, reader.id, blockedAuthor, new Date()));
    const seen = (await reviews.ofSubject(reader.id, 'MODEL', modelId, null, 10)).map((r) => r.id);
    expect(seen).toEqual(ids.filter((id) => id !== ids[1]));
    expect(await reviews.one(reader.id, ids[1]!)).toBeNull();
    expect(await reviews.byAuthor(reader.id, blockedAuthor, null, 10)).toEqual([]);
    // The blocked author still sees everyone else's.
    expect((await reviews.ofSubject(blockedAuthor, 'MODEL', modelId, null, 10)).length).toBe(4);
  });

  it('lists a member’s reviews of published work only', async () => {
    const { buyer, review, modelId } = await aReview();
    expect((await reviews.byAuthor(null, buyer.id, null, 10)).map((r) => r.id)).toEqual([review.id]);
    await bed.db.query(`UPDATE catalog.style_model SET status = 'DRAFT' WHERE id = $1`, [modelId]);
    expect(await reviews.byAuthor(null, buyer.id, null, 10)).toEqual([]);
  });

  it('a refund takes the verified mark and the rating away; buying again brings them back', async () => {
    const { review, modelId, versionId, grantId, buyer } = await aReview(2);
    const other = await aReview(4);
    expect(await summaryOf(modelId)).toEqual({ average: 2, count: 1, histogram: [0, 1, 0, 0, 0] });

    await revoke(grantId);
    expect(await reviews.one(null, review.id)).toMatchObject({ licenseHeld: false, licenseTier: 'COMMERCIAL' });
    expect(await summaryOf(modelId)).toEqual({ average: null, count: 0, histogram: [0, 0, 0, 0, 0] });

    const again = await aGrant(buyer.id, modelId, versionId, 'PERSONAL');
    expect(await reviews.one(null, review.id)).toMatchObject({ licenseHeld: true, licenseTier: 'PERSONAL' });
    expect(await summaryOf(modelId)).toEqual({ average: 2, count: 1, histogram: [0, 1, 0, 0, 0] });
    await revoke(again);
    expect(await summaryOf(modelId)).toMatchObject({ count: 0 });
    expect(await summaryOf(other.modelId)).toMatchObject({ count: 1, average: 4 });
  });

  it('a revoked licence hands the review to another active licence of the same author, keeping the mark', async () => {
    const { review, modelId, versionId, grantId, buyer } = await aReview(5);
    const personal = await aGrant(buyer.id, modelId, versionId, 'PERSONAL');
    await revoke(grantId);
    expect(await reviews.one(null, review.id)).toMatchObject({ licenseHeld: true, licenseTier: 'PERSONAL' });
    expect(await summaryOf(modelId)).toMatchObject({ count: 1, average: 5 });
    await revoke(personal);
    expect(await reviews.one(null, review.id)).toMatchObject({ licenseHeld: false });
    expect(await summaryOf(modelId)).toMatchObject({ count: 0 });
  });

  it('locks a review for its writer and reads nothing for an unknown id', async () => {
    const { review } = await aReview();
    expect(await bed.dataSource.transaction((m) => reviews.lock(m, review.id))).toMatchObject({
      id: review.id,
      authorId: review.authorId,
      revision: 1,
      licenseHeld: true,
      replyBody: null,
    });
    expect(await bed.dataSource.transaction((m) => reviews.lock(m, randomUUID()))).toBeNull();
    expect(await reviews.revisions(randomUUID())).toEqual([]);
  });
});
