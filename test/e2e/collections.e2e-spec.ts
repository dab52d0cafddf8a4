import request from 'supertest';
import type { GraphqlResponse, TestUser } from '@lookbook/testing';
import { errorCode, generateCatalog } from '@lookbook/testing';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { world } from './support/world';

const FIELDS = `id title description visibility itemCount viewerRole viewerCan { editItems editSettings manageEditors follow }
  followerCount viewerFollows owner { handle } editors { handle status }`;
const CREATE = `mutation($input: CreateCollectionInput!) { createCollection(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: UUID!, $input: UpdateCollectionInput!) { updateCollection(id: $id, input: $input) { ${FIELDS} } }`;
const ADD = `mutation($c: UUID!, $kind: CollectionItemKind!, $id: UUID!, $note: String) {
  addToCollection(collectionId: $c, kind: $kind, itemId: $id, note: $note) { itemCount } }`;
const REMOVE = `mutation($c: UUID!, $kind: CollectionItemKind!, $id: UUID!) {
  removeFromCollection(collectionId: $c, kind: $kind, itemId: $id) { itemCount } }`;
const MOVE = `mutation($c: UUID!, $id: ID!, $after: ID) { moveCollectionItem(collectionId: $c, id: $id, afterId: $after) { id } }`;
const NOTE = `mutation($c: UUID!, $id: ID!, $note: String!) { setCollectionItemNote(collectionId: $c, id: $id, note: $note) { id } }`;
const INVITE = `mutation($c: UUID!, $h: String!) { inviteCollectionEditor(collectionId: $c, handle: $h) { editors { handle status } } }`;
const ACCEPT = `mutation($c: UUID!) { acceptCollectionInvite(collectionId: $c) { viewerRole } }`;
const LEAVE = `mutation($c: UUID!) { leaveCollection(collectionId: $c) }`;
const FOLLOW = `mutation($id: UUID!) { followCollection(id: $id) { following followerCount } }`;
const UNFOLLOW = `mutation($id: UUID!) { unfollowCollection(id: $id) { following followerCount } }`;
const READ = `query($id: UUID!) { collection(id: $id) { ${FIELDS}
  items { id kind itemId note available model { id name likeCount owner { handle } versions { sampleImages { url } } } } } }`;

interface Item {
  id: string;
  kind: string;
  itemId: string;
  note: string;
  available: boolean;
  model: { id: string; name: string } | null;
}

describe('collections over HTTP: ordered items with notes, editors, follows, visibility and limits', () => {
  let api: TestApi;
  let as: ReturnType<typeof world>['as'];
  let people: ReturnType<typeof world>;
  let owner: TestUser;
  let editor: TestUser;
  let stranger: TestUser;
  let models: string[];

  const ok = <T>(response: GraphqlResponse<T>): T => {
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data!;
  };
  const read = async (id: string, user: TestUser) =>
    ok(await as(user)(READ, { id })).collection as Record<string, unknown> & { items: Item[] };
  const create = async (user: TestUser, title: string, visibility = 'PRIVATE') =>
    (ok(await as(user)(CREATE, { input: { title, visibility } })).createCollection as { id: string }).id;
  const statements = async (query: string, variables: Record<string, unknown>, user: TestUser) => {
    const response = await request(api.server)
      .post('/graphql')
      .set('authorization', `Bearer ${user.accessToken}`)
      .send({ query, variables });
    if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
    return Number(response.headers['x-sql-statements']);
  };

  beforeAll(async () => {
    api = await startTestApi();
    await generateCatalog(api.db, 20);
    people = world(api);
    as = people.as;
    [owner, editor, stranger] = [await people.member(), await people.member(), await people.member()];
    const rows = await api.db.query<{ id: string }>(
      `SELECT id FROM catalog.style_model WHERE status = 'PUBLISHED' ORDER BY slug LIMIT 12`,
    );
    models = rows.map((r) => r.id);
  });
  afterAll(() => api.close());

  it('keeps a private collection from strangers, holds items once in order with notes, and publishes it', async () => {
    const id = await create(owner, '  Rainy neon nights ');
    for (const [i, model] of models.slice(0, 3).entries())
      ok(await as(owner)(ADD, { c: id, kind: 'MODEL', id: model, note: `note ${i} <b>bold</b>` }));
    // A repeat is no change (idempotent), and keeps the first note.
    expect(ok(await as(owner)(ADD, { c: id, kind: 'MODEL', id: models[0], note: 'again' })).addToCollection).toEqual({
      itemCount: 3,
    });
    expect(errorCode(await as(stranger)(READ, { id }))).toBe('COLLECTION_NOT_FOUND');
    expect(errorCode(await as({ accessToken: '' })(READ, { id }))).toBe('COLLECTION_NOT_FOUND');
    const mine = await read(id, owner);
    expect(mine).toMatchObject({
      title: 'Rainy neon nights',
      visibility: 'PRIVATE',
      itemCount: 3,
      viewerRole: 'OWNER',
    });
    expect(mine.items.map((i) => [i.itemId, i.note])).toEqual([
      [models[0], 'note 0 <b>bold</b>'],
      [models[1], 'note 1 <b>bold</b>'],
      [models[2], 'note 2 <b>bold</b>'],
    ]);
    expect(mine.items[0]!.model).toMatchObject({ id: models[0] });

    ok(await as(owner)(UPDATE, { id, input: { visibility: 'PUBLIC' } }));
    expect(await read(id, stranger)).toMatchObject({
      viewerRole: 'NONE',
      viewerCan: { editItems: false, follow: true },
    });
    const list = ok(
      await as(stranger)(`query($h: String!) { memberCollections(handle: $h) { id } }`, { h: owner.handle }),
    );
    expect(list.memberCollections).toEqual([{ id }]);
  });

  it('moves items (one row per move), edits notes, removes items, and refuses strangers', async () => {
    const id = await create(owner, 'Botanical plates');
    for (const model of models.slice(0, 4)) ok(await as(owner)(ADD, { c: id, kind: 'MODEL', id: model }));
    const items = (await read(id, owner)).items;
    const [a, b, c, d] = items.map((i) => i.id) as [string, string, string, string];
    const order = async () => (await read(id, owner)).items.map((i) => i.id);
    ok(await as(owner)(MOVE, { c: id, id: d, after: a }));
    expect(await order()).toEqual([a, d, b, c]);
    ok(await as(owner)(MOVE, { c: id, id: c, after: null }));
    expect(await order()).toEqual([c, a, d, b]);
    ok(await as(owner)(MOVE, { c: id, id: c, after: b }));
    expect(await order()).toEqual([a, d, b, c]);
    // Moves into one gap again and again halve it until a renumber: the order stays exact throughout.
    let expected = [a, d, b, c];
    for (let i = 0; i < 14; i++) {
      const moving = i % 2 ? b : c;
      ok(await as(owner)(MOVE, { c: id, id: moving, after: a }));
      expected = [a, moving, ...expected.filter((x) => x !== a && x !== moving)];
      expect(await order()).toEqual(expected);
    }
    ok(await as(owner)(NOTE, { c: id, id: d, note: 'Dusk, wet asphalt' }));
    expect((await read(id, owner)).items.find((i) => i.id === d)!.note).toBe('Dusk, wet asphalt');
    expect(errorCode(await as(owner)(MOVE, { c: id, id: d, after: '00000000-0000-4000-8000-000000000000' }))).toBe(
      'COLLECTION_ITEM_NOT_FOUND',
    );
    expect(errorCode(await as(owner)(NOTE, { c: id, id: d, note: 'x'.repeat(501) }))).toBe('INVALID_TEXT');
    expect(errorCode(await as(stranger)(MOVE, { c: id, id: d, after: null }))).toBe('COLLECTION_NOT_FOUND');
    expect(ok(await as(owner)(REMOVE, { c: id, kind: 'MODEL', id: models[3] })).removeFromCollection).toEqual({
      itemCount: 3,
    });
    expect(ok(await as(owner)(REMOVE, { c: id, kind: 'MODEL', id: models[3] })).removeFromCollection).toEqual({
      itemCount: 3,
    });
    expect(errorCode(await as(owner)(ADD, { c: id, kind: 'TEMPLATE', id: models[0] }))).toBe(
      'COLLECTION_ITEM_NOT_FOUND',
    );
  });

  it('invites an editor by handle with a notification; the editor accepts, edits, and leaves', async () => {
    const id = await create(owner, 'Shared moodboard');
    ok(await as(owner)(INVITE, { c: id, h: `@${editor.handle}` }));
    ok(await as(owner)(INVITE, { c: id, h: editor.handle }));
    const sent = await api.db.query<{ kind: string; url: string; actor_id: string }>(
      `SELECT kind, url, actor_id FROM notifications.notification WHERE recipient_id = $1 AND subject_id = $2`,
      [editor.id, id],
    );
    expect(sent).toEqual([{ kind: 'COLLECTION_INVITE', url: `/collections/${id}`, actor_id: owner.id }]);
    // Invited: sees the private collection, cannot edit before accepting.
    expect((await read(id, editor)).viewerRole).toBe('INVITED');
    expect(errorCode(await as(editor)(ADD, { c: id, kind: 'MODEL', id: models[4] }))).toBe('NOT_COLLECTION_EDITOR');
    expect(ok(await as(editor)(ACCEPT, { c: id })).acceptCollectionInvite).toEqual({ viewerRole: 'EDITOR' });
    ok(await as(editor)(ADD, { c: id, kind: 'MODEL', id: models[4] }));
    expect(errorCode(await as(editor)(INVITE, { c: id, h: stranger.handle }))).toBe('NOT_COLLECTION_OWNER');
    expect(errorCode(await as(editor)(UPDATE, { id, input: { title: 'Mine now' } }))).toBe('NOT_COLLECTION_OWNER');
    const mine = ok(await as(editor)(`{ myCollections { id viewerRole } }`)).myCollections as { id: string }[];
    expect(mine).toContainEqual({ id, viewerRole: 'EDITOR' });
    expect(ok(await as(editor)(LEAVE, { c: id })).leaveCollection).toBe(true);
    expect(errorCode(await as(editor)(READ, { id }))).toBe('COLLECTION_NOT_FOUND');
    expect(errorCode(await as(owner)(INVITE, { c: id, h: 'no-such-member-here' }))).toBe('USER_NOT_FOUND');
    expect(errorCode(await as(owner)(INVITE, { c: id, h: owner.handle }))).toBe('SELF_INVITE');
  });

  it('follows a public collection once, counts followers, and features it', async () => {
    const id = await create(owner, 'Featured plates', 'PUBLIC');
    for (const model of models.slice(5, 9)) ok(await as(owner)(ADD, { c: id, kind: 'MODEL', id: model }));
    expect(ok(await as(stranger)(FOLLOW, { id })).followCollection).toEqual({ following: true, followerCount: 1 });
    expect(ok(await as(stranger)(FOLLOW, { id })).followCollection).toEqual({ following: true, followerCount: 1 });
    expect(ok(await as(editor)(FOLLOW, { id })).followCollection).toEqual({ following: true, followerCount: 2 });
    expect(errorCode(await as(owner)(FOLLOW, { id }))).toBe('SELF_FOLLOW');
    expect(await read(id, stranger)).toMatchObject({ followerCount: 2, viewerFollows: true });
    const featured = ok(await as(stranger)(`{ featuredCollections(first: 3) { id followerCount } }`))
      .featuredCollections as { id: string }[];
    expect(featured[0]).toEqual({ id, followerCount: 2 });
    expect(ok(await as(editor)(UNFOLLOW, { id })).unfollowCollection).toEqual({ following: false, followerCount: 1 });
  });

  it('hides taken-down items and items by someone who blocks the viewer from others; owners see them marked', async () => {
    const id = await create(owner, 'Hidden things', 'PUBLIC');
    for (const model of models.slice(9, 12)) ok(await as(owner)(ADD, { c: id, kind: 'MODEL', id: model }));
    await api.db.query(`UPDATE catalog.style_model SET status = 'TAKEN_DOWN' WHERE id = $1`, [models[9]]);
    // Someone blocks the stranger: the items they made leave the stranger's view; the others stay.
    const [found] = await api.db.query<{ owner_id: string }>(`SELECT owner_id FROM catalog.style_model WHERE id = $1`, [
      models[10],
    ]);
    const blocker = found!.owner_id;
    await api.db.query(`INSERT INTO community.user_block (blocker_id, blocked_id, created_at) VALUES ($1, $2, now())`, [
      blocker,
      stranger.id,
    ]);
    const owners = await api.db.query<{ id: string; owner_id: string }>(
      `SELECT id, owner_id FROM catalog.style_model WHERE id = ANY ($1::uuid[])`,
      [models.slice(9, 12)],
    );
    const byBlocker = owners.filter((m) => m.owner_id === blocker).map((m) => m.id);
    const seen = (await read(id, stranger)).items.map((i) => i.itemId);
    expect(seen.sort()).toEqual(
      models
        .slice(10, 12)
        .filter((m) => !byBlocker.includes(m))
        .sort(),
    );
    expect((await read(id, editor)).items.map((i) => i.itemId).sort()).toEqual(models.slice(10, 12).sort());
    const own = (await read(id, owner)).items;
    expect(own.find((i) => i.itemId === models[9])).toMatchObject({ available: false, model: null });
    // A taken-down model cannot be added again.
    const again = await create(owner, 'Again');
    expect(errorCode(await as(owner)(ADD, { c: again, kind: 'MODEL', id: models[9] }))).toBe(
      'COLLECTION_ITEM_NOT_FOUND',
    );
  });

  it('reads a collection’s item cards in a fixed number of statements, whatever the number of items', async () => {
    const curator = await people.member(); // a fresh account: the owner above spent its minute's writes
    const few = await create(curator, 'Few');
    const many = await create(curator, 'Many');
    for (const model of models.slice(0, 2)) ok(await as(curator)(ADD, { c: few, kind: 'MODEL', id: model }));
    for (const model of models.slice(0, 9)) ok(await as(curator)(ADD, { c: many, kind: 'MODEL', id: model }));
    expect(await statements(READ, { id: many }, curator)).toBe(await statements(READ, { id: few }, curator));
  });

  it('rate limits creating collections per account with a retry-after', async () => {
    const burster = await people.member();
    const answers = [];
    for (let i = 0; i < 21; i++) answers.push(await as(burster)(CREATE, { input: { title: `c${i}` } }));
    const limited = answers.filter((a) => errorCode(a) === 'RATE_LIMITED');
    expect(limited).toHaveLength(1);
    expect(limited[0]!.errors![0]!.extensions).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    expect(ok(await as(burster)(`{ myCollections { id } }`)).myCollections).toHaveLength(20);
  });
});
