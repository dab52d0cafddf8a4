import { Clock, Notifier, RateLimiter, Transactions } from '@lookbook/core';
import { RateLimitedError } from '@lookbook/kernel';
import { anActor, FakeClock, InlineTransactions, newTestService, TEST_MANAGER } from '@lookbook/testing';
import { BlockRepository } from '../blocks/block.repository';
import { CommunityLimits } from '../community-limits';
import type { CommentRow } from './comment';
import { INLINE_REPLIES, MAX_COMMENT_LENGTH, MAX_PINNED } from './comment';
import { CommentRepository } from './comment.repository';
import { CommentService, subjectPath, threads } from './comment.service';

const creator = '00000000-0000-4000-8000-0000000000a1';
const fan = '00000000-0000-4000-8000-0000000000f1';
const other = '00000000-0000-4000-8000-0000000000f2';
const model = '00000000-0000-4000-8000-0000000000c1';
const client = { ip: '203.0.113.9', userAgent: null };

function comment(change: Partial<CommentRow> = {}): CommentRow {
  const id = change.id ?? '00000000-0000-4000-8000-00000000c0c0';
  return {
    id,
    subjectKind: 'MODEL',
    subjectId: model,
    parentId: null,
    rootId: id,
    replyToId: null,
    depth: 0,
    authorId: other,
    author: { id: other, handle: 'other', displayName: 'Other' },
    body: 'hello',
    tree: { type: 'doc', children: [] },
    mentions: [],
    replyCount: 0,
    createdAt: new Date('2026-12-01T00:00:00Z'),
    editedAt: null,
    deletedAt: null,
    hiddenAt: null,
    pinnedAt: null,
    ...change,
  };
}

function setUp(
  found: {
    locked?: CommentRow | null;
    blockedWith?: string[];
    members?: { id: string; handle: string }[];
    pinned?: number;
  } = {},
) {
  const { sut, mock } = newTestService(CommentService, [
    [Transactions, new InlineTransactions()],
    [Clock, new FakeClock(new Date('2026-12-07T10:00:00Z'))],
  ]);
  mock(CommunityLimits).write.mockResolvedValue(undefined);
  const limiter = mock(RateLimiter);
  limiter.consume.mockResolvedValue(undefined);
  const comments = mock(CommentRepository);
  comments.subject.mockImplementation(async (kind, id) =>
    id === model ? { kind, id, templateId: null, ownerId: creator, commentCount: 3 } : null,
  );
  comments.lock.mockResolvedValue(found.locked === undefined ? comment() : found.locked);
  comments.visible.mockImplementation(async (id) => comment({ id }));
  comments.mentionable.mockResolvedValue(found.members ?? []);
  comments.pinnedCount.mockResolvedValue(found.pinned ?? 0);
  for (const write of ['insert', 'updateBody', 'setPinned', 'setHidden'] as const)
    comments[write].mockResolvedValue(undefined);
  const blocked = new Set(found.blockedWith ?? []);
  mock(BlockRepository).between.mockImplementation(async (a, b) => blocked.has(a === fan ? b : a));
  const notifier = mock(Notifier);
  notifier.notify.mockResolvedValue(undefined);
  return { sut, comments, notifier, limiter };
}

const notified = (notifier: ReturnType<typeof setUp>['notifier']) =>
  notifier.notify.mock.calls.map(([, e]) => [e.recipientId, e.kind]).sort();

describe('CommentService', () => {
  it('posts a top-level comment and notifies the creator', async () => {
    const { sut, comments, notifier } = setUp();
    await sut.post(anActor(fan), client, { subjectKind: 'MODEL', subjectId: model, text: 'Lovely **work**' });
    expect(comments.insert).toHaveBeenCalledWith(
      TEST_MANAGER,
      expect.objectContaining({
        subjectKind: 'MODEL',
        subjectId: model,
        placement: null,
        authorId: fan,
        body: 'Lovely **work**',
      }),
    );
    expect(notified(notifier)).toEqual([[creator, 'COMMENT']]);
    expect(notifier.notify.mock.calls[0]![1]).toMatchObject({
      actorId: fan,
      url: expect.stringMatching(new RegExp(`^/models/${model}#comment-`)),
      text: 'commented on your work: Lovely work',
    });
  });

  it.each([
    [0, { depth: 1, replyToId: null, parentIsAnswered: true }],
    [1, { depth: 2, replyToId: null, parentIsAnswered: true }],
    [2, { depth: 2, replyToId: 'answered', parentIsAnswered: false }],
  ])('places a reply to a comment at depth %i within three levels', async (depth, expected) => {
    const parent = '00000000-0000-4000-8000-00000000beef';
    const answered = comment({
      id: '00000000-0000-4000-8000-0000000aaaaa',
      depth,
      parentId: depth ? parent : null,
      rootId: '00000000-0000-4000-8000-000000000001',
    });
    const { sut, comments, notifier } = setUp({ locked: answered });
    await sut.post(anActor(fan), client, {
      subjectKind: 'MODEL',
      subjectId: model,
      parentId: answered.id,
      text: 'yes',
    });
    const placement = comments.insert.mock.calls[0]![1].placement!;
    expect(placement.depth).toBe(expected.depth);
    expect(placement.parentId).toBe(expected.parentIsAnswered ? answered.id : parent);
    expect(placement.replyToId).toBe(expected.replyToId ? answered.id : null);
    expect(placement.rootId).toBe(answered.rootId);
    expect(notified(notifier)).toEqual(
      [
        [creator, 'COMMENT'],
        [other, 'COMMENT_REPLY'],
      ].sort(),
    );
  });

  it('refuses a reply to a deleted comment, to another subject’s comment, or to a hidden one it cannot see', async () => {
    const cases: [CommentRow | null, string][] = [
      [comment({ deletedAt: new Date() }), 'COMMENT_DELETED'],
      [comment({ subjectId: '00000000-0000-4000-8000-0000000000c2' }), 'COMMENT_NOT_FOUND'],
      [comment({ hiddenAt: new Date() }), 'COMMENT_NOT_FOUND'],
      [null, 'COMMENT_NOT_FOUND'],
    ];
    for (const [locked, code] of cases) {
      const { sut, comments, notifier } = setUp({ locked });
      await expect(
        sut.post(anActor(fan), client, { subjectKind: 'MODEL', subjectId: model, parentId: other, text: 'x' }),
      ).rejects.toMatchObject({ code });
      expect(comments.insert).not.toHaveBeenCalled();
      expect(notifier.notify).not.toHaveBeenCalled();
    }
  });

  it('refuses replying to a member on either side of a block, and commenting on their work', async () => {
    let { sut, comments } = setUp({ blockedWith: [other] });
    await expect(
      sut.post(anActor(fan), client, { subjectKind: 'MODEL', subjectId: model, parentId: other, text: 'x' }),
    ).rejects.toMatchObject({ code: 'BLOCKED' });
    expect(comments.insert).not.toHaveBeenCalled();
    ({ sut, comments } = setUp({ blockedWith: [creator] }));
    await expect(
      sut.post(anActor(fan), client, { subjectKind: 'MODEL', subjectId: model, text: 'x' }),
    ).rejects.toMatchObject({
      code: 'BLOCKED',
    });
    expect(comments.insert).not.toHaveBeenCalled();
  });

  it('mentions resolvable members only: others (unknown, or across a block) stay plain text and get nothing', async () => {
    // The repository leaves out members on either side of a block; the author never mentions themself.
    const { sut, comments, notifier } = setUp({
      members: [
        { id: other, handle: 'Other' },
        { id: fan, handle: 'myself' },
      ],
    });
    await sut.post(anActor(fan), client, {
      subjectKind: 'MODEL',
      subjectId: model,
      text: 'hi @other @blocked_one @myself',
    });
    expect(comments.mentionable).toHaveBeenCalledWith(['other', 'blocked_one', 'myself'], fan);
    const stored = comments.insert.mock.calls[0]![1];
    expect(stored.mentions).toEqual([other]);
    expect(JSON.stringify(stored.tree)).toContain('{"type":"mention","text":"Other","userId":"' + other + '"}');
    expect(JSON.stringify(stored.tree)).toContain('"text":" @blocked_one @myself"');
    expect(notified(notifier)).toEqual(
      [
        [creator, 'COMMENT'],
        [other, 'MENTION'],
      ].sort(),
    );
  });

  it('sends one notification per member: a mentioned creator gets MENTION, not COMMENT too', async () => {
    const { sut, notifier } = setUp({ members: [{ id: creator, handle: 'creator' }] });
    await sut.post(anActor(fan), client, { subjectKind: 'MODEL', subjectId: model, text: '@creator look' });
    expect(notified(notifier)).toEqual([[creator, 'MENTION']]);
  });

  it.each([
    ['empty', ''],
    ['blank', '  \n\t '],
    ['invisible only', '\u200b\u200b'],
    ['too long', 'x'.repeat(MAX_COMMENT_LENGTH + 1)],
    ['a control character', 'a\u0000b'],
  ])('refuses %s text, writing nothing', async (_, text) => {
    const { sut, comments } = setUp();
    await expect(
      sut.post(anActor(fan), client, { subjectKind: 'MODEL', subjectId: model, text }),
    ).rejects.toMatchObject({
      code: 'INVALID_TEXT',
    });
    expect(comments.insert).not.toHaveBeenCalled();
  });

  it('refuses an unknown or private subject', async () => {
    const { sut, comments } = setUp();
    await expect(
      sut.post(anActor(fan), client, { subjectKind: 'TEMPLATE', subjectId: other, text: 'x' }),
    ).rejects.toMatchObject({ code: 'DISCUSSION_NOT_FOUND' });
    expect(comments.insert).not.toHaveBeenCalled();
  });

  it('is rate-limited per account on posting and editing (typed, nothing written)', async () => {
    const { sut, comments, limiter } = setUp({ locked: comment({ authorId: fan }) });
    limiter.consume.mockRejectedValue(new RateLimitedError(30));
    await expect(
      sut.post(anActor(fan), client, { subjectKind: 'MODEL', subjectId: model, text: 'x' }),
    ).rejects.toBeInstanceOf(RateLimitedError);
    await expect(sut.edit(anActor(fan), client, model, 'y')).rejects.toBeInstanceOf(RateLimitedError);
    expect(comments.insert).not.toHaveBeenCalled();
    expect(comments.updateBody).not.toHaveBeenCalled();
  });

  it('lets only the author edit, marks it edited, and notifies only newly mentioned members', async () => {
    const mine = comment({ authorId: fan, mentions: [other] });
    const third = '00000000-0000-4000-8000-0000000000f3';
    const { sut, comments, notifier } = setUp({
      locked: mine,
      members: [
        { id: other, handle: 'other' },
        { id: third, handle: 'third' },
      ],
    });
    await sut.edit(anActor(fan), client, mine.id, 'now @other and @third');
    expect(comments.updateBody).toHaveBeenCalledWith(
      TEST_MANAGER,
      mine.id,
      'now @other and @third',
      expect.anything(),
      [other, third],
      expect.any(Date),
    );
    expect(notified(notifier)).toEqual([[third, 'MENTION']]);
    const { sut: s2, comments: c2 } = setUp({ locked: comment({ authorId: other }) });
    await expect(s2.edit(anActor(fan), client, mine.id, 'x')).rejects.toMatchObject({ code: 'NOT_COMMENT_AUTHOR' });
    const { sut: s3 } = setUp({ locked: comment({ authorId: fan, deletedAt: new Date() }) });
    await expect(s3.edit(anActor(fan), client, mine.id, 'x')).rejects.toMatchObject({ code: 'COMMENT_DELETED' });
    expect(c2.updateBody).not.toHaveBeenCalled();
  });

  it('deletes only the author’s comment, idempotently', async () => {
    const { sut, comments } = setUp({ locked: comment({ authorId: fan, replyCount: 2 }) });
    comments.remove.mockResolvedValue('SOFT');
    await expect(sut.remove(anActor(fan), client, model)).resolves.toEqual({ id: model, removed: 'SOFT' });
    const { sut: s2, comments: c2 } = setUp({ locked: comment({ authorId: other }) });
    await expect(s2.remove(anActor(fan), client, model)).rejects.toMatchObject({ code: 'NOT_COMMENT_AUTHOR' });
    const { sut: s3, comments: c3 } = setUp({ locked: null });
    await expect(s3.remove(anActor(fan), client, model)).resolves.toEqual({ id: model, removed: 'HARD' });
    const { sut: s4, comments: c4 } = setUp({ locked: comment({ authorId: fan, deletedAt: new Date() }) });
    await expect(s4.remove(anActor(fan), client, model)).resolves.toEqual({ id: model, removed: 'SOFT' });
    for (const c of [c2, c3, c4]) expect(c.remove).not.toHaveBeenCalled();
  });

  it('lets only the subject’s creator pin (top level, not deleted, at most a few) and hide', async () => {
    for (const actor of [fan, other]) {
      const { sut, comments } = setUp();
      await expect(sut.pin(anActor(actor), client, model, true)).rejects.toMatchObject({ code: 'NOT_SUBJECT_CREATOR' });
      await expect(sut.hide(anActor(actor), client, model, true)).rejects.toMatchObject({
        code: 'NOT_SUBJECT_CREATOR',
      });
      expect(comments.setPinned).not.toHaveBeenCalled();
      expect(comments.setHidden).not.toHaveBeenCalled();
    }
    const refusals: [CommentRow, number, string][] = [
      [comment({ depth: 1, parentId: other }), 0, 'PIN_TOP_LEVEL_ONLY'],
      [comment({ deletedAt: new Date() }), 0, 'COMMENT_DELETED'],
      [comment(), MAX_PINNED, 'PIN_LIMIT'],
    ];
    for (const [locked, pinned, code] of refusals) {
      const { sut, comments } = setUp({ locked, pinned });
      await expect(sut.pin(anActor(creator), client, model, true)).rejects.toMatchObject({ code });
      expect(comments.setPinned).not.toHaveBeenCalled();
    }
    const { sut, comments } = setUp({ pinned: MAX_PINNED - 1 });
    await sut.pin(anActor(creator), client, model, true);
    await sut.hide(anActor(creator), client, model, true);
    expect(comments.setPinned).toHaveBeenCalledWith(TEST_MANAGER, model, expect.any(Date));
    expect(comments.setHidden).toHaveBeenCalledWith(TEST_MANAGER, comment(), expect.any(Date));
    // Already in that state: nothing written.
    const { sut: again, comments: c2 } = setUp({ locked: comment({ pinnedAt: new Date(), hiddenAt: new Date() }) });
    await again.pin(anActor(creator), client, model, true);
    await again.hide(anActor(creator), client, model, true);
    expect(c2.setPinned).not.toHaveBeenCalled();
    expect(c2.setHidden).not.toHaveBeenCalled();
  });

  it('pages: validates the size and cursor, pinned first, next cursor from the last unpinned comment', async () => {
    const { sut, comments } = setUp();
    await expect(sut.page(undefined, 'MODEL', model, 'NEWEST', 0)).rejects.toMatchObject({ code: 'INVALID_PAGE_SIZE' });
    await expect(sut.page(undefined, 'MODEL', model, 'NEWEST', 10, 'garbage')).rejects.toMatchObject({
      code: 'INVALID_CURSOR',
    });
    await expect(sut.page(undefined, 'MODEL', other, 'NEWEST', 10)).rejects.toMatchObject({
      code: 'DISCUSSION_NOT_FOUND',
    });
    const ids = [1, 2, 3, 4].map((i) => `00000000-0000-4000-8000-00000000000${i}`);
    comments.topLevel.mockResolvedValue({
      top: [
        comment({ id: ids[0], pinnedAt: new Date() }),
        comment({ id: ids[1] }),
        comment({ id: ids[2] }),
        comment({ id: ids[3] }),
      ],
      // The extra comment's replies come along too; they are not shown.
      replies: [comment({ id: 'r', parentId: ids[1]!, depth: 1 }), comment({ id: 'x', parentId: ids[3]!, depth: 1 })],
    });
    const page = await sut.page(anActor(creator), 'MODEL', model, 'NEWEST', 2);
    expect(page.comments.map((c) => c.id)).toEqual(ids.slice(0, 3));
    expect(page.hasMore).toBe(true);
    expect(page.viewerIsCreator).toBe(true);
    expect(page.comments[1]!.replies.map((r) => r.id)).toEqual(['r']);
    expect(page.comments.flatMap((c) => c.replies.map((r) => r.id))).toEqual(['r']);
    expect(comments.topLevel).toHaveBeenCalledWith(
      'MODEL',
      model,
      creator,
      true,
      'NEWEST',
      null,
      3,
      MAX_PINNED,
      INLINE_REPLIES,
    );
    expect(comments.replies).not.toHaveBeenCalled();
    // The count is the one this reader can load: asked for this reader, or a signed-out one.
    expect(comments.subject).toHaveBeenCalledWith('MODEL', model, creator);
    await sut.page(undefined, 'MODEL', model, 'NEWEST', 2);
    expect(comments.subject).toHaveBeenLastCalledWith('MODEL', model, null);
  });

  it('threads keep a deleted parent’s replies and drop replies whose parent is not shown', () => {
    const top = comment({ id: 't', deletedAt: new Date(), body: '' });
    const view = threads(
      [top],
      [
        comment({ id: 'a', parentId: 't', depth: 1 }),
        comment({ id: 'b', parentId: 'a', depth: 2 }),
        comment({ id: 'c', parentId: 'hidden-one', depth: 2 }),
      ],
    );
    expect(view[0]!.replies.map((r) => [r.id, r.replies.map((x) => x.id)])).toEqual([['a', ['b']]]);
  });

  it('links each kind of discussion to the page it is on (a template version: its template)', () => {
    const t = '00000000-0000-4000-8000-0000000000d1';
    expect(subjectPath({ kind: 'MODEL', id: model, templateId: null })).toBe(`/models/${model}`);
    expect(subjectPath({ kind: 'VERSION', id: model, templateId: null })).toBe(`/versions/${model}`);
    expect(subjectPath({ kind: 'TEMPLATE', id: t, templateId: null })).toBe(`/templates/${t}`);
    expect(subjectPath({ kind: 'TEMPLATE_VERSION', id: model, templateId: t })).toBe(`/templates/${t}`);
  });
});
