import { createHash } from 'node:crypto';
import { newId } from '@lookbook/kernel';
import type { EntityManager } from 'typeorm';
import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { BlockRepository } from '../blocks/block.repository';
import type { SafeNode } from './comment-markdown';
import type { CommentRow } from './comment';
import { placeReply } from './comment';
import { CommentRepository } from './comment.repository';

const tree = (text: string): SafeNode => ({
  type: 'doc',
  children: [{ type: 'paragraph', children: [{ type: 'text', text }] }],
});

describe('CommentRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let comments: CommentRepository;
  let blocks: BlockRepository;
  let tick = Date.parse('2026-01-01T00:00:00Z');

  beforeAll(async () => {
    bed = await createRepositoryTestBed([]);
    comments = new CommentRepository(bed.dataSource);
    blocks = new BlockRepository(bed.dataSource);
  });
  afterAll(() => bed.close());

  const tx = <T>(work: (m: EntityManager) => Promise<T>) => bed.dataSource.transaction(work);

  async function post(subjectId: string, authorId: string, text: string, parent?: CommentRow): Promise<CommentRow> {
    const id = newId();
    await tx((m) =>
      comments.insert(m, {
        id,
        subjectKind: 'MODEL',
        subjectId,
        placement: parent ? placeReply(parent) : null,
        authorId,
        body: text,
        tree: tree(text),
        mentions: [],
        at: new Date((tick += 1000)),
      }),
    );
    return (await comments.visible(id, authorId, true))!;
  }

  it('reads only public subjects, with their creator and kept comment count', async () => {
    const { ownerId, modelId, versionId } = await bed.seed.publishedVersion();
    const draft = await bed.seed.model(ownerId, { status: 'DRAFT' });
    expect(await comments.subject('MODEL', modelId)).toEqual({
      kind: 'MODEL',
      id: modelId,
      templateId: null,
      ownerId,
      commentCount: 0,
    });
    expect(await comments.subject('VERSION', versionId)).toMatchObject({ ownerId });
    expect(await comments.subject('MODEL', draft)).toBeNull();
    expect(await comments.subject('TEMPLATE', modelId)).toBeNull();
    const fan = await bed.seed.user();
    await post(modelId, fan.id, 'one');
    await post(modelId, fan.id, 'two');
    expect((await comments.subject('MODEL', modelId))!.commentCount).toBe(2);
    expect((await comments.subject('VERSION', versionId))!.commentCount).toBe(0);
  });

  it('reads public templates and template versions as subjects, naming the template of a version', async () => {
    const owner = await bed.seed.user();
    const templateId = newId();
    await bed.db.query(
      `INSERT INTO templates.template (id, owner_id, slug, name, status, created_at, updated_at)
       VALUES ($1, $2, $3, 'Portrait kit', 'PUBLISHED', now(), now())`,
      [templateId, owner.id, `t-${templateId.slice(0, 8)}`],
    );
    const version = async (label: string, publish: boolean) => {
      const id = newId();
      await bed.db.query(
        `INSERT INTO templates.template_version (id, template_id, label, status, api_prompt, lockfile, source_sha256,
           created_at) VALUES ($1, $2, $3, 'DRAFT', '{}', '{}', $4, now())`,
        [id, templateId, label, createHash('sha256').update(id).digest('hex')],
      );
      if (publish)
        await bed.db.query(
          `UPDATE templates.template_version SET status = 'PUBLISHED', published_at = now() WHERE id = $1`,
          [id],
        );
      return id;
    };
    const [published, draft] = [await version('v1', true), await version('v2', false)];
    expect(await comments.subject('TEMPLATE', templateId)).toMatchObject({ ownerId: owner.id, templateId: null });
    expect(await comments.subject('TEMPLATE_VERSION', published)).toEqual({
      kind: 'TEMPLATE_VERSION',
      id: published,
      templateId,
      ownerId: owner.id,
      commentCount: 0,
    });
    expect(await comments.subject('TEMPLATE_VERSION', draft)).toBeNull();
    expect(await comments.subject('VERSION', published)).toBeNull();
    expect(await comments.subject('TEMPLATE_VERSION', templateId)).toBeNull();
    await bed.db.query(`UPDATE templates.template SET status = 'DRAFT' WHERE id = $1`, [templateId]);
    expect(await comments.subject('TEMPLATE_VERSION', published)).toBeNull();
  });

  it('threads three levels deep; a reply at the last level sits beside the comment it answers', async () => {
    const { modelId } = await bed.seed.publishedVersion();
    const a = await bed.seed.user();
    const top = await post(modelId, a.id, 'top');
    const one = await post(modelId, a.id, 'one', top);
    const two = await post(modelId, a.id, 'two', one);
    const three = await post(modelId, a.id, 'three', two);
    expect([top.depth, one.depth, two.depth, three.depth]).toEqual([0, 1, 2, 2]);
    expect(three).toMatchObject({ parentId: one.id, replyToId: two.id, rootId: top.id });
    expect((await comments.visible(one.id, null, false))!.replyCount).toBe(2);
    const replies = await comments.replies({ rootIds: [top.id] }, null, false, 10);
    expect(replies.map((r) => r.body)).toEqual(['one', 'two', 'three']);
    // At most `perParent` per parent.
    expect((await comments.replies({ rootIds: [top.id] }, null, false, 1)).map((r) => r.body)).toEqual(['one', 'two']);
  });

  it('reads a page of comments with their threads in one statement, as the viewer sees them', async () => {
    const { ownerId, modelId } = await bed.seed.publishedVersion();
    const [a, b, blocker] = [await bed.seed.user(), await bed.seed.user(), await bed.seed.user()];
    const first = await post(modelId, a.id, 'first');
    const second = await post(modelId, b.id, 'second');
    const third = await post(modelId, a.id, 'third');
    const r1 = await post(modelId, b.id, 'r1', first);
    await post(modelId, a.id, 'r1.1', r1);
    await post(modelId, b.id, 'r2', first);
    await post(modelId, a.id, 'r3', first);
    const hidden = await post(modelId, b.id, 'hidden reply', second);
    await tx(async (m) => comments.setHidden(m, (await comments.lock(m, hidden.id))!, new Date()));
    await post(modelId, b.id, 'under the third', third);
    await tx((m) => comments.setPinned(m, third.id, new Date()));
    await tx((m) => blocks.insert(m, blocker.id, b.id, new Date()));
    const read = (viewer: string | null, creator: boolean, limit: number, perParent: number) =>
      comments.topLevel('MODEL', modelId, viewer, creator, 'OLDEST', null, limit, 3, perParent);
    const bodies = (rows: CommentRow[]) => rows.map((r) => r.body);
    // Pinned first, then oldest first; every level of the shown threads, at most 2 per parent, oldest first.
    const page = await read(null, false, 2, 2);
    expect(bodies(page.top)).toEqual(['third', 'first', 'second']);
    expect(bodies(page.replies)).toEqual(['r1', 'r2', 'under the third', 'r1.1']);
    expect(page.replies.every((r) => r.createdAt instanceof Date && r.author !== null)).toBe(true);
    expect(page.top[0]!.pinnedAt).toBeInstanceOf(Date);
    // Only the threads of the comments read.
    expect(bodies((await read(null, false, 1, 5)).replies)).toEqual(['r1', 'r2', 'r3', 'under the third', 'r1.1']);
    // The hidden reply for the creator (and its author) only; nothing of a blocked author for the blocker.
    expect(bodies((await read(ownerId, true, 5, 5)).replies)).toContain('hidden reply');
    expect(bodies((await read(b.id, false, 5, 5)).replies)).toContain('hidden reply');
    expect(bodies((await read(a.id, false, 5, 5)).replies)).not.toContain('hidden reply');
    const blocked = await read(blocker.id, false, 5, 5);
    expect(bodies(blocked.top)).toEqual(['third', 'first']);
    expect(bodies(blocked.replies)).toEqual(['r3', 'r1.1']);
    // None asked: none read.
    expect((await read(null, false, 5, 0)).replies).toEqual([]);
  });

  it('deletes a comment with replies in place and one without entirely; counts follow', async () => {
    const { modelId } = await bed.seed.publishedVersion();
    const a = await bed.seed.user();
    const top = await post(modelId, a.id, 'top');
    const reply = await post(modelId, a.id, 'reply', top);
    expect(await tx(async (m) => comments.remove(m, (await comments.lock(m, top.id))!, new Date()))).toBe('SOFT');
    const kept = (await comments.visible(top.id, null, false))!;
    expect(kept).toMatchObject({ body: '', tree: null, replyCount: 1 });
    expect(kept.deletedAt).not.toBeNull();
    expect(await tx(async (m) => comments.remove(m, (await comments.lock(m, reply.id))!, new Date()))).toBe('HARD');
    expect(await comments.visible(reply.id, a.id, true)).toBeNull();
    expect((await comments.visible(top.id, null, false))!.replyCount).toBe(0);
    expect((await comments.subject('MODEL', modelId))!.commentCount).toBe(0);
  });

  it('shows hidden comments only to their author and the creator, and nothing across a block', async () => {
    const { modelId } = await bed.seed.publishedVersion();
    const [author, reader, blocker] = [await bed.seed.user(), await bed.seed.user(), await bed.seed.user()];
    const plain = await post(modelId, author.id, 'plain');
    const hidden = await post(modelId, author.id, 'hidden');
    await tx((m) => comments.setHidden(m, hidden, new Date()));
    await tx((m) => blocks.insert(m, blocker.id, author.id, new Date()));
    const ids = async (viewer: string | null, creator: boolean) =>
      (await comments.topLevel('MODEL', modelId, viewer, creator, 'OLDEST', null, 10, 3, 0)).top.map((c) => c.id);
    expect(await ids(reader.id, false)).toEqual([plain.id]);
    expect(await ids(null, false)).toEqual([plain.id]);
    expect(await ids(author.id, false)).toEqual([plain.id, hidden.id]);
    expect(await ids(reader.id, true)).toEqual([plain.id, hidden.id]);
    expect(await ids(blocker.id, false)).toEqual([]);
    // The blocked author does not see the blocker's comments either.
    await post(modelId, blocker.id, 'from the blocker');
    expect(await ids(author.id, false)).toEqual([plain.id, hidden.id]);
  });

  it('pages newest or oldest first, pinned on top of the first page only', async () => {
    const { modelId } = await bed.seed.publishedVersion();
    const a = await bed.seed.user();
    const all: CommentRow[] = [];
    for (let i = 0; i < 5; i++) all.push(await post(modelId, a.id, `c${i}`));
    await tx((m) => comments.setPinned(m, all[2]!.id, new Date()));
    const bodies = (rows: CommentRow[]) => rows.map((r) => r.body);
    const { top: first } = await comments.topLevel('MODEL', modelId, null, false, 'NEWEST', null, 2, 3, 0);
    expect(bodies(first)).toEqual(['c2', 'c4', 'c3']);
    const { top: next } = await comments.topLevel(
      'MODEL',
      modelId,
      null,
      false,
      'NEWEST',
      { createdAt: first[2]!.createdAt.toISOString(), id: first[2]!.id },
      2,
      3,
      0,
    );
    expect(bodies(next)).toEqual(['c1', 'c0']);
    expect(bodies((await comments.topLevel('MODEL', modelId, null, false, 'OLDEST', null, 10, 3, 0)).top)).toEqual([
      'c2',
      'c0',
      'c1',
      'c3',
      'c4',
    ]);
    expect(await tx((m) => comments.pinnedCount(m, 'MODEL', modelId))).toBe(1);
  });

  it('resolves mentionable handles in any case, leaving out members on either side of a block', async () => {
    const [author, friend, blocked, blocker] = [
      await bed.seed.user(),
      await bed.seed.user(),
      await bed.seed.user(),
      await bed.seed.user(),
    ];
    await tx((m) => blocks.insert(m, author.id, blocked.id, new Date()));
    await tx((m) => blocks.insert(m, blocker.id, author.id, new Date()));
    const found = await comments.mentionable(
      [friend.handle.toUpperCase(), blocked.handle, blocker.handle, 'nobody_here'],
      author.id,
    );
    expect(found).toEqual([{ id: friend.id, handle: friend.handle }]);
    expect(await comments.mentionable([], author.id)).toEqual([]);
  });

  describe('counts what each reader can load', () => {
    const hide = (c: CommentRow, hidden: boolean) =>
      tx(async (m) => comments.setHidden(m, (await comments.lock(m, c.id))!, hidden ? new Date() : null));
    const remove = (c: CommentRow) => tx(async (m) => comments.remove(m, (await comments.lock(m, c.id))!, new Date()));
    /** Per reader: the discussion's count and every shown comment's reply count, against what they can load. */
    async function agree(modelId: string, ownerId: string, viewer: string | null) {
      const creator = viewer === ownerId;
      const { top, replies } = await comments.topLevel('MODEL', modelId, viewer, creator, 'OLDEST', null, 50, 3, 50);
      const shown = [...top];
      const seen = new Set(top.map((c) => c.id));
      for (const r of [...replies].sort((a, b) => a.depth - b.depth))
        if (seen.has(r.parentId!)) {
          seen.add(r.id);
          shown.push(r);
        }
      for (const c of shown) {
        const loadable = shown.filter((r) => r.parentId === c.id).length;
        expect([c.body, c.replyCount]).toEqual([c.body, loadable]);
        expect((await comments.visible(c.id, viewer, creator))!.replyCount).toBe(loadable);
      }
      const count = (await comments.subject('MODEL', modelId, viewer))!.commentCount;
      expect(count).toBe(shown.filter((c) => !c.deletedAt).length);
      return count;
    }

    it('leaves hidden replies out for readers, keeps them for the creator and their author, and follows show/delete', async () => {
      const { ownerId, modelId } = await bed.seed.publishedVersion();
      const [a, b, reader] = [await bed.seed.user(), await bed.seed.user(), await bed.seed.user()];
      const top = await post(modelId, a.id, 'top');
      const one = await post(modelId, b.id, 'one', top);
      const two = await post(modelId, a.id, 'two', top);
      const deep = await post(modelId, a.id, 'deep', one);
      await post(modelId, reader.id, 'beside', deep);
      const viewers = [null, ownerId, a.id, b.id, reader.id];
      const counts = async () => Promise.all(viewers.map((v) => agree(modelId, ownerId, v)));
      expect(await counts()).toEqual([5, 5, 5, 5, 5]);
      await hide(one, true); // hides `one` and the two replies under it from everyone but b (its author) and the creator
      expect(await counts()).toEqual([2, 5, 2, 5, 2]);
      await hide(two, true);
      expect(await counts()).toEqual([1, 5, 2, 4, 1]);
      expect((await comments.visible(top.id, null, false))!.replyCount).toBe(0);
      await hide(one, false);
      expect(await counts()).toEqual([4, 5, 5, 4, 4]);
      await remove(two); // a hidden comment without replies goes; nobody's count moves but the creator's and a's
      expect(await counts()).toEqual([4, 4, 4, 4, 4]);
      await remove(one); // stays as "[deleted]" (it has replies): not counted, its replies still are
      expect(await counts()).toEqual([3, 3, 3, 3, 3]);
      await hide(top, true);
      expect(await counts()).toEqual([0, 3, 3, 0, 0]);
    });

    it('leaves out comments and replies across a block both ways, with the threads under them', async () => {
      const { ownerId, modelId } = await bed.seed.publishedVersion();
      const [a, troll, victim, other] = [
        await bed.seed.user(),
        await bed.seed.user(),
        await bed.seed.user(),
        await bed.seed.user(),
      ];
      const top = await post(modelId, a.id, 'top');
      const byTroll = await post(modelId, troll.id, 'troll reply', top);
      await post(modelId, a.id, 'under the troll', byTroll);
      await post(modelId, other.id, 'fine reply', top);
      const trollTop = await post(modelId, troll.id, 'troll top');
      await post(modelId, other.id, 'answering the troll', trollTop);
      await tx((m) => blocks.insert(m, victim.id, troll.id, new Date()));
      await tx((m) => blocks.insert(m, other.id, a.id, new Date())); // other blocked a: a no longer sees other's
      expect(await agree(modelId, ownerId, victim.id)).toBe(2);
      expect(await agree(modelId, ownerId, troll.id)).toBe(6);
      expect(await agree(modelId, ownerId, a.id)).toBe(4);
      expect(await agree(modelId, ownerId, other.id)).toBe(2);
      expect(await agree(modelId, ownerId, null)).toBe(6);
      await hide(byTroll, true);
      expect(await agree(modelId, ownerId, ownerId)).toBe(6);
      expect(await agree(modelId, ownerId, troll.id)).toBe(6);
      expect(await agree(modelId, ownerId, victim.id)).toBe(2);
      expect(await agree(modelId, ownerId, null)).toBe(4);
      await tx((m) => blocks.insert(m, troll.id, ownerId, new Date()));
      expect(await agree(modelId, ownerId, ownerId)).toBe(2);
    });
  });

  it('edits a body and marks it edited', async () => {
    const { modelId } = await bed.seed.publishedVersion();
    const a = await bed.seed.user();
    const c = await post(modelId, a.id, 'before');
    const at = new Date();
    await tx((m) => comments.updateBody(m, c.id, 'after', tree('after'), [a.id], at));
    expect(await comments.visible(c.id, null, false)).toMatchObject({ body: 'after', editedAt: at, mentions: [a.id] });
  });
});
