import request from 'supertest';
import type { GraphqlResponse, TestUser } from '@lookbook/testing';
import { errorCode, generateCatalog } from '@lookbook/testing';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { world } from './support/world';

const COMMENT_FIELDS = `id parentId replyToId depth text deleted hidden pinned replyCount editedAt viewerIsAuthor
  author { handle } body { type parent text href userId }`;
const DISCUSSION = `query($kind: DiscussionSubjectKind!, $id: UUID!, $order: CommentOrder, $first: Int, $after: String) {
  discussion(subjectKind: $kind, subjectId: $id, order: $order, first: $first, after: $after) {
    commentCount viewerIsCreator endCursor hasMore
    comments { ${COMMENT_FIELDS} replies { ${COMMENT_FIELDS} replies { ${COMMENT_FIELDS} } } }
  }
}`;
const POST = `mutation($input: PostCommentInput!) { postComment(input: $input) { ${COMMENT_FIELDS} } }`;
const EDIT = `mutation($id: UUID!, $text: String!) { editComment(id: $id, text: $text) { ${COMMENT_FIELDS} } }`;
const DELETE = `mutation($id: UUID!) { deleteComment(id: $id) { id removed } }`;
const PIN = `mutation($id: UUID!, $pinned: Boolean!) { pinComment(id: $id, pinned: $pinned) { pinned } }`;
const HIDE = `mutation($id: UUID!, $hidden: Boolean!) { hideComment(id: $id, hidden: $hidden) { hidden } }`;
const BLOCK = `mutation($id: UUID!) { blockUser(userId: $id) { blocked } }`;
const REPLIES = `query($id: UUID!, $first: Int, $after: String) {
  commentReplies(commentId: $id, first: $first, after: $after) { hasMore endCursor replies { id text } }
}`;

interface C {
  id: string;
  parentId: string | null;
  replyToId: string | null;
  depth: number;
  text: string;
  deleted: boolean;
  hidden: boolean;
  pinned: boolean;
  replyCount: number;
  editedAt: string | null;
  author: { handle: string } | null;
  body: { type: string; parent: number | null; text: string | null; href: string | null; userId: string | null }[];
  replies: C[];
}
interface D {
  commentCount: number;
  viewerIsCreator: boolean;
  endCursor: string | null;
  hasMore: boolean;
  comments: C[];
}

describe('discussions over HTTP: threads, safe Markdown, mentions, moderation, blocks, limits', () => {
  let api: TestApi;
  let people: ReturnType<typeof world>;
  let creator: TestUser;
  let fan: TestUser;
  let friend: TestUser;
  let models: string[];
  let versionId: string;

  const ok = <T>(response: GraphqlResponse<T>): T => {
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data!;
  };
  const anonymous = { accessToken: '' } as TestUser;
  const discussion = async (user: TestUser, id: string, extra: Record<string, unknown> = {}) =>
    ok(await people.as(user)(DISCUSSION, { kind: 'MODEL', id, ...extra })).discussion as D;
  const post = async (user: TestUser, subjectId: string, text: string, parentId?: string, kind = 'MODEL') =>
    ok(await people.as(user)(POST, { input: { subjectKind: kind, subjectId, text, parentId } })).postComment as C;
  const notifications = async (recipient: TestUser) =>
    (
      await api.db.query<{ kind: string; url: string }>(
        `SELECT kind, url FROM notifications.notification WHERE recipient_id = $1 ORDER BY kind`,
        [recipient.id],
      )
    ).map((n) => n.kind);

  beforeAll(async () => {
    api = await startTestApi();
    await generateCatalog(api.db, 12);
    people = world(api);
    creator = await people.member();
    fan = await people.member();
    friend = await people.member();
    const rows = await api.db.query<{ id: string }>(
      `UPDATE catalog.style_model SET owner_id = $1 WHERE slug IN ('style-1', 'style-2', 'style-3', 'style-4')
       RETURNING id`,
      [creator.id],
    );
    models = rows.map((r) => r.id);
    const [version] = await api.db.query<{ id: string }>(
      `SELECT id FROM catalog.model_version WHERE model_id = $1 AND status = 'PUBLISHED' LIMIT 1`,
      [models[0]],
    );
    versionId = version!.id;
  });
  afterAll(() => api.close());

  it('posts safe Markdown with mentions, threads three levels, and notifies creator, parent author and mentioned', async () => {
    const model = models[0]!;
    const top = await post(
      fan,
      model,
      `Hi @${friend.handle}: **great** [docs](https://e.com) [x](javascript:alert(1)) <b>no</b>`,
    );
    expect(top.body.map((n) => n.type)).toEqual([
      'paragraph',
      'text',
      'mention',
      'text',
      'strong',
      'text',
      'text',
      'link',
      'text',
      'text',
    ]);
    expect(top.body.find((n) => n.type === 'mention')).toMatchObject({ text: friend.handle, userId: friend.id });
    expect(top.body.filter((n) => n.href).map((n) => n.href)).toEqual(['https://e.com/']);
    expect(top.body.map((n) => n.text ?? '').join('')).toContain('[x](javascript:alert(1)) <b>no</b>');
    const one = await post(creator, model, 'Thanks!', top.id);
    const two = await post(friend, model, 'Me too', one.id);
    const three = await post(fan, model, 'Deeper', two.id);
    expect([one.depth, two.depth, three.depth]).toEqual([1, 2, 2]);
    expect(three).toMatchObject({ parentId: one.id, replyToId: two.id });

    const page = await discussion(anonymous, model);
    expect(page.commentCount).toBe(4);
    expect(page.comments[0]!.replies[0]!.replies.map((r) => r.text)).toEqual(['Me too', 'Deeper']);
    // Creator: two comments on their work and a reply to theirs; friend: the mention and a reply; fan: one reply.
    expect(await notifications(creator)).toEqual(['COMMENT', 'COMMENT', 'COMMENT_REPLY']);
    expect(await notifications(friend)).toEqual(['COMMENT_REPLY', 'MENTION']);
    expect(await notifications(fan)).toEqual(['COMMENT_REPLY']);
  });

  it('refuses bad input with typed errors and changes nothing', async () => {
    const model = models[1]!;
    const cases: [Record<string, unknown>, string][] = [
      [{ subjectKind: 'MODEL', subjectId: model, text: '   ' }, 'INVALID_TEXT'],
      [{ subjectKind: 'MODEL', subjectId: model, text: 'x'.repeat(5001) }, 'INVALID_TEXT'],
      [{ subjectKind: 'TEMPLATE', subjectId: model, text: 'x' }, 'DISCUSSION_NOT_FOUND'],
      [{ subjectKind: 'MODEL', subjectId: model, text: 'x', parentId: models[0] }, 'COMMENT_NOT_FOUND'],
    ];
    for (const [input, code] of cases) expect(errorCode(await people.as(fan)(POST, { input }))).toBe(code);
    expect(
      errorCode(await people.as(anonymous)(POST, { input: { subjectKind: 'MODEL', subjectId: model, text: 'x' } })),
    ).toBe('UNAUTHENTICATED');
    expect(errorCode(await people.as(fan)(DISCUSSION, { kind: 'MODEL', id: model, after: 'nope' }))).toBe(
      'INVALID_CURSOR',
    );
    expect((await discussion(fan, model)).commentCount).toBe(0);
  });

  it('edits with a mark, deletes as "[deleted]" while replies stay, and removes a reply-less comment', async () => {
    const model = models[1]!;
    const top = await post(fan, model, 'first');
    const reply = await post(friend, model, 'answer', top.id);
    const lone = await post(fan, model, 'lone');
    expect(errorCode(await people.as(friend)(EDIT, { id: top.id, text: 'hijack' }))).toBe('NOT_COMMENT_AUTHOR');
    const edited = ok(await people.as(fan)(EDIT, { id: top.id, text: 'first, *edited*' })).editComment as C;
    expect(edited.editedAt).not.toBeNull();
    expect(ok(await people.as(fan)(DELETE, { id: top.id })).deleteComment).toEqual({ id: top.id, removed: false });
    expect(ok(await people.as(fan)(DELETE, { id: lone.id })).deleteComment).toEqual({ id: lone.id, removed: true });
    expect(ok(await people.as(fan)(DELETE, { id: lone.id })).deleteComment).toEqual({ id: lone.id, removed: true });
    const page = await discussion(friend, model);
    expect(page.commentCount).toBe(1);
    expect(page.comments).toHaveLength(1);
    expect(page.comments[0]).toMatchObject({ id: top.id, deleted: true, author: null, text: '', body: [] });
    expect(page.comments[0]!.replies.map((r) => r.id)).toEqual([reply.id]);
    // Replying to a deleted comment is refused; the reply under it can still be answered.
    expect(
      errorCode(
        await people.as(friend)(POST, {
          input: { subjectKind: 'MODEL', subjectId: model, text: 'x', parentId: top.id },
        }),
      ),
    ).toBe('COMMENT_DELETED');
    await post(fan, model, 'still here', reply.id);
  });

  it('lets the creator pin (on top) and hide (seen only by author and creator); others are refused', async () => {
    const model = models[2]!;
    const a = await post(fan, model, 'older');
    const b = await post(friend, model, 'newer');
    expect(errorCode(await people.as(fan)(PIN, { id: a.id, pinned: true }))).toBe('NOT_SUBJECT_CREATOR');
    expect(errorCode(await people.as(fan)(HIDE, { id: b.id, hidden: true }))).toBe('NOT_SUBJECT_CREATOR');
    ok(await people.as(creator)(PIN, { id: a.id, pinned: true }));
    ok(await people.as(creator)(HIDE, { id: b.id, hidden: true }));
    const texts = async (user: TestUser) =>
      (await discussion(user, model)).comments.map((c) => [c.text, c.pinned, c.hidden]);
    expect(await texts(anonymous)).toEqual([['older', true, false]]);
    expect(await texts(fan)).toEqual([['older', true, false]]);
    expect(await texts(friend)).toEqual([
      ['older', true, false],
      ['newer', false, true],
    ]);
    expect(await texts(creator)).toEqual([
      ['older', true, false],
      ['newer', false, true],
    ]);
    expect((await discussion(creator, model)).viewerIsCreator).toBe(true);
  });

  it('blocks: hides the blocked member’s comments, refuses their replies, and their mentions stay text', async () => {
    const model = models[3]!;
    const troll = await people.member();
    const byTroll = await post(troll, model, 'troll comment');
    const byFan = await post(fan, model, 'fan comment');
    ok(await people.as(fan)(BLOCK, { id: troll.id }));
    expect((await discussion(fan, model)).comments.map((c) => c.text)).toEqual(['fan comment']);
    expect((await discussion(troll, model)).comments.map((c) => c.text)).toEqual(['troll comment']);
    expect((await discussion(anonymous, model)).comments.map((c) => c.id)).toEqual([byFan.id, byTroll.id]);
    expect(
      errorCode(
        await people.as(troll)(POST, {
          input: { subjectKind: 'MODEL', subjectId: model, text: 'x', parentId: byFan.id },
        }),
      ),
    ).toBe('BLOCKED');
    const before = await notifications(fan);
    const mention = await post(troll, model, `hey @${fan.handle}`);
    expect(mention.body.some((n) => n.type === 'mention')).toBe(false);
    expect(mention.body.map((n) => n.text ?? '').join('')).toBe(`hey @${fan.handle}`);
    expect(await notifications(fan)).toEqual(before);
  });

  it('discusses a version apart from its model, and pages top-level comments with replies behind "more"', async () => {
    const v = await post(fan, versionId, 'about this version', undefined, 'VERSION');
    const page = ok(await people.as(fan)(DISCUSSION, { kind: 'VERSION', id: versionId })).discussion as D;
    expect(page.comments.map((c) => c.id)).toEqual([v.id]);
    for (let i = 0; i < 5; i++) await post(friend, versionId, `reply ${i}`, v.id, 'VERSION');
    const shown = (ok(await people.as(fan)(DISCUSSION, { kind: 'VERSION', id: versionId })).discussion as D)
      .comments[0]!;
    expect(shown.replyCount).toBe(5);
    expect(shown.replies.map((r) => r.text)).toEqual(['reply 0', 'reply 1', 'reply 2']);
    const more = ok(await people.as(fan)(REPLIES, { id: v.id, first: 2 })).commentReplies as {
      hasMore: boolean;
      endCursor: string;
      replies: { text: string }[];
    };
    expect(more.replies.map((r) => r.text)).toEqual(['reply 0', 'reply 1']);
    const rest = ok(await people.as(fan)(REPLIES, { id: v.id, first: 10, after: more.endCursor }))
      .commentReplies as typeof more;
    expect(rest.replies.map((r) => r.text)).toEqual(['reply 2', 'reply 3', 'reply 4']);
    expect(rest.hasMore).toBe(false);
  });

  it('reads the first page in a fixed number of statements, whatever the comments, replies and authors', async () => {
    const statements = async (id: string) => {
      const response = await request(api.server)
        .post('/graphql')
        .send({ query: DISCUSSION, variables: { kind: 'MODEL', id } });
      if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
      return Number(response.headers['x-sql-statements']);
    };
    const [small, big] = (
      await api.db.query<{ id: string }>(
        `SELECT id FROM catalog.style_model WHERE status = 'PUBLISHED' AND NOT (id = ANY($1)) ORDER BY id LIMIT 2`,
        [models],
      )
    ).map((r) => r.id);
    await post(fan, small!, 'one');
    const authors = await Promise.all(Array.from({ length: 6 }, () => people.member()));
    for (const [i, author] of authors.entries()) {
      const top = await post(author, big!, `top ${i}`);
      const reply = await post(authors[(i + 1) % authors.length]!, big!, `reply ${i}`, top.id);
      await post(authors[(i + 2) % authors.length]!, big!, `deep ${i}`, reply.id);
    }
    const few = await statements(small!);
    const many = await statements(big!);
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(3);
  });

  it('counts only what each reader can load (hidden replies, replies across a block), in the same statements', async () => {
    const [row] = await api.db.query<{ id: string }>(
      `UPDATE catalog.style_model SET owner_id = $1 WHERE slug = 'style-5' RETURNING id`,
      [creator.id],
    );
    const model = row!.id;
    const [troll, reader] = [await people.member(), await people.member()];
    const top = await post(fan, model, 'top');
    const kind = await post(friend, model, 'kind reply', top.id);
    const byTroll = await post(troll, model, 'troll reply', top.id);
    const later = await post(friend, model, 'to be hidden', top.id);
    await post(fan, model, 'under the troll', byTroll.id);
    ok(await people.as(creator)(HIDE, { id: later.id, hidden: true }));
    ok(await people.as(reader)(BLOCK, { id: troll.id }));
    const seen = async (user: TestUser) => {
      const page = await discussion(user, model);
      const thread = page.comments[0]!;
      return [page.commentCount, thread.replyCount, thread.replies.length];
    };
    expect(await seen(anonymous)).toEqual([4, 2, 2]);
    expect(await seen(reader)).toEqual([2, 1, 1]);
    expect(await seen(troll)).toEqual([4, 2, 2]);
    expect(await seen(creator)).toEqual([5, 3, 3]);
    expect(await seen(friend)).toEqual([5, 3, 3]); // their own hidden reply is theirs to see
    // The reply count under the troll's reply, as more replies read it, follows the same rule.
    const more = ok(await people.as(reader)(REPLIES, { id: top.id })).commentReplies as { replies: { id: string }[] };
    expect(more.replies.map((r) => r.id)).toEqual([kind.id]);
    ok(await people.as(creator)(HIDE, { id: later.id, hidden: false }));
    expect(ok(await people.as(friend)(DELETE, { id: kind.id })).deleteComment).toEqual({ id: kind.id, removed: true });
    expect(await seen(anonymous)).toEqual([4, 2, 2]);
    expect(await seen(reader)).toEqual([2, 1, 1]);
    // A reader with blocks reads the page in as many statements as a signed-in one without (signing in costs its own).
    const statements = async (token: string) => {
      const response = await request(api.server)
        .post('/graphql')
        .set(token ? { authorization: `Bearer ${token}` } : {})
        .send({ query: DISCUSSION, variables: { kind: 'MODEL', id: model } });
      if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
      return Number(response.headers['x-sql-statements']);
    };
    const plain = await statements((await people.member()).accessToken);
    expect(await statements(reader.accessToken)).toBe(plain);
    expect(plain).toBeLessThanOrEqual((await statements('')) + 1);
  });

  it('limits bursts of posts per account (typed RATE_LIMITED with a retry-after)', async () => {
    const burster = await people.member();
    const answers = [];
    for (let i = 0; i < 22; i++)
      answers.push(
        await people.as(burster)(POST, { input: { subjectKind: 'MODEL', subjectId: models[0], text: `spam ${i}` } }),
      );
    const limited = answers.filter((a) => errorCode(a) === 'RATE_LIMITED');
    expect(limited.length).toBe(2);
    expect(limited[0]!.errors![0]!.extensions).toMatchObject({ retryAfterSeconds: expect.any(Number) });
  });
});
