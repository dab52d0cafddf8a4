import { Notifier, Transactions } from '@lookbook/core';
import { NotificationMailer } from '@lookbook/notifications';
import type { TestUser } from '@lookbook/testing';
import { generateCatalog, gql, signUpUser } from '@lookbook/testing';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';

const FOLLOW = `mutation($id: UUID!) { follow(kind: USER, id: $id) { following } }`;
const LIKE = `mutation($id: UUID!) { like(kind: MODEL, id: $id) { liked } }`;
const BLOCK = `mutation($id: UUID!) { blockUser(userId: $id) { blocked } }`;
const UNBLOCK = `mutation($id: UUID!) { unblockUser(userId: $id) { blocked } }`;
const COUNT = `{ unreadNotificationCount }`;
const LIST = `query($u: Boolean) { notifications(first: 20, unreadOnly: $u) {
  nodes { id kind text count read actor { handle } } } }`;

interface Line {
  id: string;
  kind: string;
  text: string;
  count: number;
  read: boolean;
  actor: { handle: string } | null;
}

/**
 * Blocks and the bell: what a blocked member (or one who blocked you) caused before the block disappears from your
 * count, your list and your digest, whichever of you blocked; it comes back when the block is lifted.
 */
describe('notifications and blocks over HTTP', () => {
  let api: TestApi;
  let creator: TestUser;
  let troll: TestUser; // the creator blocks him
  let sulker: TestUser; // she blocks the creator
  let fan: TestUser;
  let modelId: string;

  beforeAll(async () => {
    api = await startTestApi({});
    creator = await signUpUser(api.server);
    troll = await signUpUser(api.server);
    sulker = await signUpUser(api.server);
    fan = await signUpUser(api.server);
    await api.db.query(`UPDATE identity."user" SET email_verified_at = now()`);
    await generateCatalog(api.db, 1);
    const [model] = await api.db.query<{ id: string }>(
      `UPDATE catalog.style_model SET owner_id = $1 WHERE id = (SELECT id FROM catalog.style_model LIMIT 1) RETURNING id`,
      [creator.id],
    );
    modelId = model!.id;
  });
  afterAll(() => api?.close());

  const data = async <T>(user: TestUser, query: string, variables: Record<string, unknown> = {}) => {
    const result = await gql<T>(api.server, query, variables, user.accessToken);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data;
  };
  const count = async () => (await data<{ unreadNotificationCount: number }>(creator, COUNT)).unreadNotificationCount;
  const list = async (unreadOnly = false) =>
    (await data<{ notifications: { nodes: Line[] } }>(creator, LIST, { u: unreadOnly })).notifications.nodes;
  const shape = (lines: Line[]) => lines.map((l) => [l.kind, l.count, l.actor?.handle ?? null]);

  it('hides the blocked and the blocking member’s notifications from the count, the list and the digest', async () => {
    await data(troll, FOLLOW, { id: creator.id });
    await data(troll, LIKE, { id: modelId });
    await data(sulker, LIKE, { id: modelId });
    await data(fan, LIKE, { id: modelId });
    expect(shape(await list())).toEqual([
      ['LIKE', 3, fan.handle],
      ['FOLLOW', 1, troll.handle],
    ]);
    expect(await count()).toBe(2);

    await data(creator, BLOCK, { id: troll.id });
    expect(shape(await list())).toEqual([['LIKE', 2, fan.handle]]);
    expect((await list())[0]!.text).toMatch(/ and 1 other liked /);
    expect(await count()).toBe(1);

    await data(sulker, BLOCK, { id: creator.id });
    const [likes] = await list();
    expect(shape([likes!])).toEqual([['LIKE', 1, fan.handle]]);
    expect(likes!.text).not.toMatch(/ other/);
    expect(await count()).toBe(1);

    // The digest is built from the same reading: only the fan's like.
    const today = new Date().toISOString().slice(0, 10);
    expect(await api.app.get(NotificationMailer).queueDigests(today)).toBeGreaterThanOrEqual(1);
    const [digest] = await api.db.query<{ text_body: string }>(
      `SELECT text_body FROM notifications.outbox_mail WHERE kind = 'notifications.digest' AND to_address = $1`,
      [creator.email.toLowerCase()],
    );
    const names = await api.db.query<{ id: string; name: string }>(
      `SELECT id, display_name AS name FROM identity."user" WHERE id = ANY($1::uuid[])`,
      [[troll.id, sulker.id, fan.id]],
    );
    const name = (user: TestUser) => names.find((n) => n.id === user.id)!.name;
    expect(digest!.text_body).toContain(`${name(fan)} liked `);
    expect(digest!.text_body).not.toContain(name(troll));
    expect(digest!.text_body).not.toContain(name(sulker));
  });

  it('keeps the count right when the visible lines are read, writes nothing new while blocked but business, and brings hidden ones back on unblock', async () => {
    await data(creator, `mutation { markAllNotificationsRead }`);
    expect(await count()).toBe(0);
    expect(await list(true)).toEqual([]);
    // While blocked, what the troll causes elsewhere (a mention, say) is not even written: no line, no mail. Business
    // a block does not end (a remix request) still is, and shows.
    const notifyAs = (kind: 'MENTION' | 'REMIX_REQUEST', text: string) =>
      api.app.get(Transactions).run((manager) =>
        api.app.get(Notifier).notify(manager, {
          recipientId: creator.id,
          actorId: troll.id,
          kind,
          text,
          url: '/studio',
          dedupeKey: `test.${kind}:${troll.id}`,
        }),
      );
    await notifyAs('MENTION', 'mentioned you');
    await notifyAs('REMIX_REQUEST', 'asked to remix your template');
    const written = async (kind: string) =>
      (
        await api.db.query(`SELECT 1 FROM notifications.notification WHERE dedupe_key = $1`, [
          `test.${kind}:${troll.id}`,
        ])
      ).length;
    expect([await written('MENTION'), await written('REMIX_REQUEST')]).toEqual([0, 1]);
    expect(shape(await list(true))).toEqual([['REMIX_REQUEST', 1, troll.handle]]);
    await data(creator, `mutation { markAllNotificationsRead }`);
    await data(creator, UNBLOCK, { id: troll.id });
    // Marking all read marked the hidden ones too: they come back read.
    const lines = await list();
    expect(shape(lines)).toEqual([
      ['REMIX_REQUEST', 1, troll.handle],
      ['LIKE', 2, fan.handle],
      ['FOLLOW', 1, troll.handle],
    ]);
    expect(lines.every((l) => l.read)).toBe(true);
    expect(await count()).toBe(0);
  });
});
