import { createHash, randomUUID } from 'node:crypto';
import type { GraphqlResponse, TestUser } from '@lookbook/testing';
import { errorCode } from '@lookbook/testing';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { world } from './support/world';

const FIELDS = `id parentId replyToId depth text deleted hidden pinned replyCount author { handle }
  body { type text userId }`;
const DISCUSSION = `query($kind: DiscussionSubjectKind!, $id: UUID!) {
  discussion(subjectKind: $kind, subjectId: $id, order: OLDEST) {
    commentCount viewerIsCreator comments { ${FIELDS} replies { ${FIELDS} replies { ${FIELDS} } } }
  }
}`;
const POST = `mutation($input: PostCommentInput!) { postComment(input: $input) { ${FIELDS} } }`;
const DELETE = `mutation($id: UUID!) { deleteComment(id: $id) { id removed } }`;
const PIN = `mutation($id: UUID!, $pinned: Boolean!) { pinComment(id: $id, pinned: $pinned) { pinned } }`;
const HIDE = `mutation($id: UUID!, $hidden: Boolean!) { hideComment(id: $id, hidden: $hidden) { hidden } }`;

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
  author: { handle: string } | null;
  body: { type: string; text: string | null; userId: string | null }[];
  replies: C[];
}
interface D {
  commentCount: number;
  viewerIsCreator: boolean;
  comments: C[];
}

/**
 * Discussions on workflow templates and on their versions behave exactly as on models: the same threads, mentions,
 * moderation by the template's creator, depth cap and deleted parents; notifications lead to the template's page.
 */
describe('discussions on templates and template versions over HTTP', () => {
  let api: TestApi;
  let people: ReturnType<typeof world>;
  let owner: TestUser;
  let fan: TestUser;
  let friend: TestUser;
  const anonymous = { accessToken: '' } as TestUser;

  const ok = <T>(response: GraphqlResponse<T>): T => {
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data!;
  };

  /** A template of `owner` with a published and a draft version, as the templates domain stores them. */
  async function template(status = 'PUBLISHED') {
    const id = randomUUID();
    await api.db.query(
      `INSERT INTO templates.template (id, owner_id, slug, name, status, created_at, updated_at)
       VALUES ($1, $2, $3, 'Portrait kit', $4, now(), now())`,
      [id, owner.id, `t-${id.slice(0, 8)}`, status],
    );
    const version = async (label: string, publish: boolean) => {
      const versionId = randomUUID();
      await api.db.query(
        `INSERT INTO templates.template_version (id, template_id, label, status, api_prompt, lockfile, source_sha256,
           created_at) VALUES ($1, $2, $3, 'DRAFT', '{}', '{}', $4, now())`,
        [versionId, id, label, createHash('sha256').update(versionId).digest('hex')],
      );
      if (publish)
        await api.db.query(
          `UPDATE templates.template_version SET status = 'PUBLISHED', published_at = now() WHERE id = $1`,
          [versionId],
        );
      return versionId;
    };
    return { id, versionId: await version('v1', true), draftId: await version('v2', false) };
  }

  beforeAll(async () => {
    api = await startTestApi();
    people = world(api);
    [owner, fan, friend] = [await people.member(), await people.member(), await people.member()];
  });
  afterAll(() => api.close());

  describe.each(['TEMPLATE', 'TEMPLATE_VERSION'] as const)('%s', (kind) => {
    let templateId: string;
    let subjectId: string;
    const page = async (user: TestUser) =>
      ok(await people.as(user)(DISCUSSION, { kind, id: subjectId })).discussion as D;
    const post = async (user: TestUser, text: string, parentId?: string) =>
      ok(await people.as(user)(POST, { input: { subjectKind: kind, subjectId, text, parentId } })).postComment as C;
    const notified = async (user: TestUser) =>
      api.db.query<{ kind: string; url: string }>(
        `SELECT kind, url FROM notifications.notification WHERE recipient_id = $1 AND subject_id = $2 ORDER BY kind`,
        [user.id, subjectId],
      );

    beforeAll(async () => {
      const t = await template();
      templateId = t.id;
      subjectId = kind === 'TEMPLATE' ? t.id : t.versionId;
    });

    it('posts with a mention, threads three levels (the depth cap), and notifies toward the template page', async () => {
      const top = await post(fan, `Lovely graph, @${friend.handle} **look**`);
      expect(top.body.find((n) => n.type === 'mention')).toMatchObject({ text: friend.handle, userId: friend.id });
      const one = await post(owner, 'Thanks!', top.id);
      const two = await post(friend, 'Agreed', one.id);
      const three = await post(fan, 'Deeper still', two.id);
      expect([top.depth, one.depth, two.depth, three.depth]).toEqual([0, 1, 2, 2]);
      expect(three).toMatchObject({ parentId: one.id, replyToId: two.id });
      const read = await page(anonymous);
      expect(read.commentCount).toBe(4);
      expect(read.comments[0]!.replies[0]!.replies.map((r) => r.text)).toEqual(['Agreed', 'Deeper still']);
      expect(read.comments[0]!.replies[0]!.replyCount).toBe(2);
      const path = `/templates/${templateId}#comment-`;
      expect((await notified(owner)).map((n) => [n.kind, n.url.startsWith(path)])).toEqual([
        ['COMMENT', true],
        ['COMMENT', true],
        ['COMMENT_REPLY', true],
      ]);
      expect((await notified(friend)).map((n) => n.kind)).toEqual(['COMMENT_REPLY', 'MENTION']);
    });

    it('lets the template owner pin and hide; others are refused', async () => {
      const a = await post(fan, 'pin me');
      const b = await post(friend, 'hide me');
      expect(errorCode(await people.as(fan)(PIN, { id: a.id, pinned: true }))).toBe('NOT_SUBJECT_CREATOR');
      expect(errorCode(await people.as(friend)(HIDE, { id: b.id, hidden: true }))).toBe('NOT_SUBJECT_CREATOR');
      ok(await people.as(owner)(PIN, { id: a.id, pinned: true }));
      ok(await people.as(owner)(HIDE, { id: b.id, hidden: true }));
      const anon = await page(anonymous);
      expect(anon.comments[0]).toMatchObject({ id: a.id, pinned: true });
      expect(anon.comments.map((c) => c.id)).not.toContain(b.id);
      expect(anon.commentCount).toBe(5);
      const mine = await page(owner);
      expect(mine.viewerIsCreator).toBe(true);
      expect(mine.comments.find((c) => c.id === b.id)).toMatchObject({ hidden: true });
      expect(mine.commentCount).toBe(6);
      expect((await page(friend)).comments.find((c) => c.id === b.id)).toMatchObject({ hidden: true });
    });

    it('keeps a deleted parent as "[deleted]" with its replies, and refuses replies to it', async () => {
      const parent = await post(fan, 'to be deleted');
      const reply = await post(friend, 'stays', parent.id);
      expect(ok(await people.as(fan)(DELETE, { id: parent.id })).deleteComment).toEqual({
        id: parent.id,
        removed: false,
      });
      const shown = (await page(anonymous)).comments.find((c) => c.id === parent.id)!;
      expect(shown).toMatchObject({ deleted: true, author: null, text: '', body: [], replyCount: 1 });
      expect(shown.replies.map((r) => r.id)).toEqual([reply.id]);
      const refused = await people.as(friend)(POST, {
        input: { subjectKind: kind, subjectId, text: 'x', parentId: parent.id },
      });
      expect(errorCode(refused)).toBe('COMMENT_DELETED');
    });
  });

  it('refuses drafts, unpublished templates and a kind that does not match the id, changing nothing', async () => {
    const t = await template();
    const hidden = await template('UNPUBLISHED');
    const cases: [string, string][] = [
      ['TEMPLATE_VERSION', t.draftId],
      ['TEMPLATE_VERSION', hidden.versionId],
      ['TEMPLATE', hidden.id],
      ['TEMPLATE', t.versionId],
      ['TEMPLATE_VERSION', t.id],
      ['VERSION', t.versionId],
      ['MODEL', t.id],
    ];
    for (const [subjectKind, subjectId] of cases) {
      const posted = await people.as(fan)(POST, { input: { subjectKind, subjectId, text: 'hello' } });
      expect([subjectKind, errorCode(posted)]).toEqual([subjectKind, 'DISCUSSION_NOT_FOUND']);
      expect(errorCode(await people.as(fan)(DISCUSSION, { kind: subjectKind, id: subjectId }))).toBe(
        'DISCUSSION_NOT_FOUND',
      );
    }
    const [written] = await api.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM community.comment WHERE subject_id = ANY($1)`,
      [[t.id, t.versionId, t.draftId, hidden.id, hidden.versionId]],
    );
    expect(written!.n).toBe(0);
  });
});
