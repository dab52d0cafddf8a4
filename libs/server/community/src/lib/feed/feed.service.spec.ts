import { anActor, newTestService } from '@lookbook/testing';
import type { FeedRow } from './feed.repository';
import { FeedRepository } from './feed.repository';
import { decodeFeedCursor, encodeFeedCursor, FeedService } from './feed.service';

const reader = '00000000-0000-4000-8000-0000000000f1';
const row = (id: number): FeedRow => ({
  id: String(id),
  verb: 'MODEL_VERSION_PUBLISHED',
  createdAt: new Date('2026-12-07T10:00:00Z'),
  actor: { id: '00000000-0000-4000-8000-0000000000a1', handle: 'mira', displayName: 'Mira' },
  subjectKind: 'MODEL',
  subjectId: '00000000-0000-4000-8000-0000000000c1',
  subjectName: 'Ink Wash',
  versionId: '00000000-0000-4000-8000-0000000000d1',
  versionName: 'v1',
  counts: { likes: 0, downloads: 0, rating: null, ratingCount: 0 },
});

describe('FeedService', () => {
  it('asks for one more than a page to know whether another follows, and continues before the last item', async () => {
    const { sut, mock } = newTestService(FeedService);
    const feed = mock(FeedRepository);
    feed.page.mockResolvedValueOnce([row(30), row(20), row(10)]);
    const first = await sut.page(anActor(reader), { first: 2 });
    expect(feed.page).toHaveBeenLastCalledWith(reader, null, 3);
    expect(first.nodes.map((n) => n.id)).toEqual(['30', '20']);
    expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeFeedCursor('20') });

    feed.page.mockResolvedValueOnce([row(10)]);
    const second = await sut.page(anActor(reader), { first: 2, after: first.pageInfo.endCursor! });
    expect(feed.page).toHaveBeenLastCalledWith(reader, '20', 3);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it.each([
    'not base64 at all!',
    Buffer.from('feed:').toString('base64url'),
    Buffer.from('feed:-1').toString('base64url'),
    Buffer.from('feed:1 OR 1=1').toString('base64url'),
    Buffer.from('other:12').toString('base64url'),
    Buffer.from(`feed:${'9'.repeat(30)}`).toString('base64url'),
  ])('refuses the cursor %p as INVALID_CURSOR without a query', async (cursor) => {
    const { sut, mock } = newTestService(FeedService);
    await expect(sut.page(anActor(reader), { after: cursor })).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
    expect(mock(FeedRepository).page).not.toHaveBeenCalled();
    expect(() => decodeFeedCursor(cursor)).toThrow();
  });

  it('refuses a page larger than the cap', async () => {
    const { sut } = newTestService(FeedService);
    await expect(sut.page(anActor(reader), { first: 1000 })).rejects.toMatchObject({ code: 'PAGE_SIZE_TOO_LARGE' });
  });
});
