import { createHash, randomUUID } from 'node:crypto';
import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { FEED_SCAN_WINDOW, FeedRepository } from './feed.repository';

describe('FeedRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let feed: FeedRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([]);
    feed = new FeedRepository(bed.dataSource);
  });
  afterAll(() => bed.close());

  const follow = (followerId: string, kind: 'USER' | 'IP', targetId: string) =>
    bed.db.query(
      `INSERT INTO community.follow (follower_id, target_kind, target_id, created_at) VALUES ($1, $2, $3, now())`,
      [followerId, kind, targetId],
    );
  const template = async (ownerId: string, ipId: string | null = null) => {
    const id = randomUUID();
    await bed.db.query(
      `INSERT INTO templates.template (id, owner_id, slug, name, status, ip_id, created_at, updated_at)
       VALUES ($1, $2, $3, 'Portrait kit', 'PUBLISHED', $4, now(), now())`,
      [id, ownerId, `t-${id.slice(0, 8)}`, ipId],
    );
    return id;
  };
  const templateVersion = async (templateId: string, label: string) => {
    const id = randomUUID();
    await bed.db.query(
      `INSERT INTO templates.template_version (id, template_id, label, status, api_prompt, lockfile, source_sha256,
         created_at, published_at) VALUES ($1, $2, $3, 'DRAFT', '{}', '{}', $4, now(), NULL)`,
      [id, templateId, label, createHash('sha256').update(id).digest('hex')],
    );
    // Publishing is an update of the status, as the templates domain does it: the trigger records it.
    await bed.db.query(
      `UPDATE templates.template_version SET status = 'PUBLISHED', published_at = now() WHERE id = $1`,
      [id],
    );
    return id;
  };

  // Window 1 sends every page of these tests to the per-followee merge; the default window answers from the scan.
  describe.each([
    ['the newest-activity scan', FEED_SCAN_WINDOW],
    ['the per-followee merge', 1],
  ])('through %s', (_path, window) => {
    const page = (viewerId: string, beforeId: string | null, limit: number) =>
      feed.page(viewerId, beforeId, limit, window);

    it('reads new work of followed members and IPs newest first, in pages, written by the publishing triggers', async () => {
      const [reader, mira, kai, stranger] = [
        await bed.seed.user(),
        await bed.seed.user(),
        await bed.seed.user(),
        await bed.seed.user(),
      ];
      const ip = randomUUID();
      await bed.db.query(
        `INSERT INTO templates.intellectual_property (id, owner_id, name, kind, created_at)
       VALUES ($1, $2, 'Moonfolk', 'FRANCHISE', now())`,
        [ip, stranger.id],
      );
      await follow(reader.id, 'USER', mira.id);
      await follow(reader.id, 'IP', ip);

      const miraModel = await bed.seed.model(mira.id, { name: 'Ink Wash' });
      const v1 = await bed.seed.version(miraModel);
      const miraTemplate = await template(mira.id);
      const t1 = await templateVersion(miraTemplate, 'v1');
      const t2 = await templateVersion(miraTemplate, 'v2');
      await bed.seed.version(await bed.seed.model(kai.id)); // not followed
      await bed.seed.version(miraModel, { status: 'DRAFT' }); // not published
      const fanTemplate = await template(kai.id, ip); // by someone not followed, in a followed IP
      const f1 = await templateVersion(fanTemplate, 'v1');

      const first = await page(reader.id, null, 3);
      expect(first.map((r) => [r.verb, r.versionId])).toEqual([
        ['TEMPLATE_PUBLISHED', f1],
        ['TEMPLATE_VERSION_PUBLISHED', t2],
        ['TEMPLATE_PUBLISHED', t1],
      ]);
      expect(first[0]).toMatchObject({
        actor: { id: kai.id, handle: kai.handle },
        subjectId: fanTemplate,
        versionName: 'v1',
      });
      const rest = await page(reader.id, first.at(-1)!.id, 3);
      expect(rest.map((r) => [r.verb, r.subjectName, r.versionId])).toEqual([
        ['MODEL_VERSION_PUBLISHED', 'Ink Wash', v1],
      ]);
      expect(await page(stranger.id, null, 10)).toEqual([]);
    });

    it('applies visibility at read time: blocks either way and unpublished work drop out at once', async () => {
      const [reader, mira, kai] = [await bed.seed.user(), await bed.seed.user(), await bed.seed.user()];
      await follow(reader.id, 'USER', mira.id);
      await follow(reader.id, 'USER', kai.id);
      const miraModel = await bed.seed.model(mira.id);
      await bed.seed.version(miraModel);
      const kaiModel = await bed.seed.model(kai.id);
      await bed.seed.version(kaiModel);
      expect(await page(reader.id, null, 10)).toHaveLength(2);

      await bed.db.query(
        `INSERT INTO community.user_block (blocker_id, blocked_id, created_at) VALUES ($1, $2, now())`,
        [kai.id, reader.id],
      );
      await bed.db.query(`UPDATE catalog.style_model SET status = 'UNPUBLISHED' WHERE id = $1`, [miraModel]);
      expect(await page(reader.id, null, 10)).toEqual([]);
    });
  });

  it('a page the scan window cannot fill comes from the merge, the same rows in the same order', async () => {
    const [reader, mira, noisy] = [await bed.seed.user(), await bed.seed.user(), await bed.seed.user()];
    await follow(reader.id, 'USER', mira.id);
    const model = await bed.seed.model(mira.id);
    const versions = [await bed.seed.version(model), await bed.seed.version(model), await bed.seed.version(model)];
    const newest = versions.reverse();
    // Five newer activities by someone the reader does not follow push Mira's out of a 4-row window.
    for (let i = 0; i < 5; i++) await bed.seed.version(await bed.seed.model(noisy.id));
    for (const window of [4, 8, FEED_SCAN_WINDOW]) {
      expect((await feed.page(reader.id, null, 3, window)).map((r) => r.versionId)).toEqual(newest);
      const [first] = await feed.page(reader.id, null, 1, window);
      expect((await feed.page(reader.id, first!.id, 5, window)).map((r) => r.versionId)).toEqual(newest.slice(1));
    }
  });

  it('carries each subject’s counts from its counter rows, summed over shards; unrated reads as null', async () => {
    const [reader, mira] = [await bed.seed.user(), await bed.seed.user()];
    await follow(reader.id, 'USER', mira.id);
    const [rated, plain] = [await bed.seed.model(mira.id), await bed.seed.model(mira.id)];
    await bed.seed.version(rated);
    await bed.seed.version(plain);
    await bed.db.query(
      `INSERT INTO community.counter (subject_kind, subject_id, metric, shard, value)
       VALUES ('MODEL', $1, 'LIKES', 0, 3), ('MODEL', $1, 'LIKES', 5, 4), ('MODEL', $1, 'DOWNLOADS', 2, 120),
              ('MODEL', $1, 'RATING_SUM', 1, 14), ('MODEL', $1, 'RATING_COUNT', 1, 3), ('MODEL', $1, 'FOLLOWERS', 0, 99)`,
      [rated],
    );
    const rows = await feed.page(reader.id, null, 10);
    expect(rows.map((r) => [r.subjectId, r.counts])).toEqual([
      [plain, { likes: 0, downloads: 0, rating: null, ratingCount: 0 }],
      [rated, { likes: 7, downloads: 120, rating: 4.7, ratingCount: 3 }],
    ]);
  });
});
