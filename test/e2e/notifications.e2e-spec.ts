import type { INestApplicationContext } from '@nestjs/common';
import { join } from 'node:path';
import request from 'supertest';
import { createParser } from 'eventsource-parser';
import type { MailSink } from '@lookbook/notifications';
import { NotificationMailer, startMailSink } from '@lookbook/notifications';
import type { TestUser } from '@lookbook/testing';
import { gql, signUpUser } from '@lookbook/testing';
import { eventually } from './support/eventually';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { startTestWorker } from './support/test-worker';
import { publishedVersion } from './support/versions';

const FOLLOW = `mutation($id: UUID!) { follow(kind: USER, id: $id) { following } }`;
const LIKE = `mutation($id: UUID!) { like(kind: MODEL, id: $id) { liked } }`;
const COUNT = `{ unreadNotificationCount }`;
const LIST = `query($u: Boolean) { notifications(first: 20, unreadOnly: $u) {
  nodes { id kind text url count read actor { handle } } pageInfo { hasNextPage } } }`;
const MARK = `mutation($ids: [UUID!]!) { markNotificationsRead(ids: $ids) }`;
const MARK_ALL = `mutation { markAllNotificationsRead }`;
const PREFS = `{ notificationPreferences { kind inApp email } }`;
const SET_PREFS = `mutation($p: [NotificationPreferenceInput!]!) { updateNotificationPreferences(preferences: $p) { kind inApp email } }`;
const CHECKOUT = `mutation($o: UUID!) { checkout(offerId: $o) { checkoutUrl order { id } } }`;

interface InboxMail {
  id: string;
  subject: string;
  kind: string | null;
  to: string[];
  text: string;
  links: string[];
  listUnsubscribe: string | null;
  listUnsubscribePost: string | null;
}
interface Line {
  id: string;
  kind: string;
  text: string;
  url: string;
  count: number;
  read: boolean;
  actor: { handle: string } | null;
}

/** Notifications over HTTP: the bell's count and list, the live stream, mail now and in the digest, unsubscribing. */
describe('notifications over HTTP', () => {
  let api: TestApi;
  let sink: MailSink;
  let worker: INestApplicationContext;
  let creator: TestUser;
  let fan: TestUser;

  beforeAll(async () => {
    api = await startTestApi({ listen: true });
    sink = await startMailSink({ directory: join(api.dataDir, 'mail'), port: 0, production: false });
    worker = await startTestWorker(api.db.url, {
      env: { SMTP_URL: sink.url, LOCAL_GATEWAY_WEBHOOK_URL: `${api.url}/webhooks/stripe`, DATA_DIR: api.dataDir },
    });
    [creator, fan] = await Promise.all([signUpUser(api.server), signUpUser(api.server)]);
    // Notification mail goes to verified addresses only (as the verification link would).
    await api.db.query(`UPDATE identity."user" SET email_verified_at = now()`);
  });
  afterAll(async () => {
    await worker?.close();
    await sink?.stop();
    await api?.close();
  });

  const as = <T>(user: TestUser | undefined, query: string, variables: Record<string, unknown> = {}) =>
    gql<T>(api.server, query, variables, user?.accessToken);
  const data = async <T>(user: TestUser, query: string, variables: Record<string, unknown> = {}) => {
    const result = await as<T>(user, query, variables);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data;
  };
  const count = async (user: TestUser) =>
    (await data<{ unreadNotificationCount: number }>(user, COUNT)).unreadNotificationCount;
  const list = async (user: TestUser, unreadOnly = false) =>
    (await data<{ notifications: { nodes: Line[] } }>(user, LIST, { u: unreadOnly })).notifications.nodes;
  const inbox = async (to: string): Promise<InboxMail[]> => {
    const mails = (await request(api.server).get('/api/dev/mail').query({ to })).body as { mails: { id: string }[] };
    return Promise.all(
      mails.mails.map(async ({ id }) => (await request(api.server).get(`/api/dev/mail/${id}`)).body as InboxMail),
    );
  };
  const mailOf = (to: string, kind: string) =>
    eventually(async () => (await inbox(to)).find((m) => m.kind === kind), { what: `${kind} mail to ${to}` });

  /** The live bell as the web client reads it: fetch with the bearer token, an event-stream parser. */
  function openStream(user: TestUser) {
    const counts: number[] = [];
    const controller = new AbortController();
    const opened = fetch(`${api.url}/api/v1/me/notifications/stream`, {
      headers: { authorization: `Bearer ${user.accessToken}`, accept: 'text/event-stream' },
      signal: controller.signal,
    }).then(async (response) => {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const parser = createParser({
        onEvent: (event) => {
          if (event.event === 'unread') counts.push((JSON.parse(event.data) as { count: number }).count);
        },
      });
      const decoder = new TextDecoder();
      const reader = response.body!.getReader();
      void (async () => {
        try {
          for (;;) {
            const { done, value } = await reader.read();
            if (done) return;
            parser.feed(decoder.decode(value, { stream: true }));
          }
        } catch {
          // aborted
        }
      })();
    });
    return { counts, opened, close: () => controller.abort() };
  }

  it('a follow lights the bell: live over SSE, in the count and the list, linking to the follower', async () => {
    const stream = openStream(creator);
    await stream.opened;
    await eventually(async () => (stream.counts.length ? true : undefined), { what: 'the count on connect' });
    expect(stream.counts).toEqual([0]);

    await data(fan, FOLLOW, { id: creator.id });
    await data(fan, FOLLOW, { id: creator.id }); // again: idempotent, no second notification
    await eventually(async () => (stream.counts.at(-1) === 1 ? true : undefined), { what: 'the live count of 1' });
    expect(await count(creator)).toBe(1);
    const [line] = await list(creator);
    expect(line).toMatchObject({ kind: 'FOLLOW', count: 1, read: false, actor: { handle: fan.handle } });
    expect(line!.text).toMatch(/ followed you$/);
    expect(line!.url).toBe(`/u/${fan.handle}`);

    expect(
      (await data<{ markNotificationsRead: number }>(creator, MARK, { ids: [line!.id] })).markNotificationsRead,
    ).toBe(0);
    await eventually(async () => (stream.counts.at(-1) === 0 ? true : undefined), { what: 'the live count back to 0' });
    stream.close();
    // Someone else's id marks nothing of theirs.
    expect((await data<{ markNotificationsRead: number }>(fan, MARK, { ids: [line!.id] })).markNotificationsRead).toBe(
      0,
    );
  });

  it('refuses the stream without a session, and bad input with typed errors', async () => {
    await request(api.server).get('/api/v1/me/notifications/stream').expect(401);
    const tooMany = await as(creator, MARK, { ids: [] });
    expect(tooMany.errors?.[0]?.extensions?.['code']).toBe('INVALID_IDS');
    const bad = await as(creator, SET_PREFS, {
      p: [
        { kind: 'LIKE', inApp: true, email: 'OFF' },
        { kind: 'LIKE', inApp: false, email: 'OFF' },
      ],
    });
    expect(bad.errors?.[0]?.extensions?.['code']).toBe('INVALID_PREFERENCES');
    const cursor = await as(creator, `{ notifications(after: "nope") { nodes { id } } }`);
    expect(cursor.errors?.[0]?.extensions?.['code']).toBe('INVALID_CURSOR');
  });

  let modelId: string;

  it('a sale notifies the creator (SALE) and mails it at once; likes land in the digest with one-click unsubscribe', async () => {
    const version = await publishedVersion(api, creator);
    modelId = version.modelId;
    const { checkout } = await data<{ checkout: { checkoutUrl: string } }>(fan, CHECKOUT, {
      o: version.offers['PERSONAL']!.id,
    });
    const sessionPath = new URL(checkout.checkoutUrl).pathname;
    await request(api.server).post(`${sessionPath}/confirm?card=succeeds`).expect(303);
    const sale = await eventually(async () => (await list(creator)).find((l) => l.kind === 'SALE'), {
      what: 'the SALE notification',
    });
    expect(sale).toMatchObject({ url: '/earnings', read: false });
    const saleMail = await mailOf(creator.email, 'notifications.sale');
    expect(saleMail.subject).toMatch(/^New sale: someone licensed /);
    expect(saleMail.listUnsubscribePost).toBe('List-Unsubscribe=One-Click');
    expect(saleMail.listUnsubscribe).toMatch(
      /^<https?:\/\/[^>]+\/api\/v1\/notifications\/unsubscribe\?u=.+&k=SALE&t=.+>$/,
    );

    // Likes (and the follow) wait for the digest: nothing is mailed now.
    await data(fan, LIKE, { id: modelId });
    const others = await Promise.all([signUpUser(api.server), signUpUser(api.server)]);
    for (const other of others) await data(other, LIKE, { id: modelId });
    const likes = (await list(creator)).find((l) => l.kind === 'LIKE');
    expect(likes).toMatchObject({ count: 3, url: `/models/${modelId}` });
    expect(likes!.text).toMatch(/ and 2 others liked /);

    const today = new Date().toISOString().slice(0, 10);
    const mailer = worker.get(NotificationMailer);
    expect(await mailer.queueDigests(today)).toBeGreaterThanOrEqual(1);
    expect(await mailer.queueDigests(today)).toBeGreaterThanOrEqual(1); // queued again: the outbox keeps one
    const digest = await mailOf(creator.email, 'notifications.digest');
    expect(digest.text).toMatch(/ and 2 others liked /);
    expect(digest.text).not.toMatch(/ followed you/); // read in the bell already: not mailed again
    expect(digest.text).not.toMatch(/New sale/);
    expect(digest.listUnsubscribePost).toBe('List-Unsubscribe=One-Click');
    const unsubscribe = /^<(.+)>$/.exec(digest.listUnsubscribe!)![1]!;
    expect(digest.text).toContain(unsubscribe);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await inbox(creator.email)).filter((m) => m.kind === 'notifications.digest')).toHaveLength(1);

    // A tampered link is refused and changes nothing.
    const url = new URL(unsubscribe);
    const tampered = new URL(url);
    tampered.searchParams.set('k', 'SALE');
    await request(api.server)
      .post(tampered.pathname + tampered.search)
      .send('List-Unsubscribe=One-Click')
      .expect(400);
    const forged = new URL(url);
    forged.searchParams.set(
      't',
      url.searchParams.get('t')!.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')),
    );
    await request(api.server)
      .post(forged.pathname + forged.search)
      .expect(400);
    const before = (await data<{ notificationPreferences: { kind: string; email: string }[] }>(creator, PREFS))
      .notificationPreferences;
    expect(before.find((p) => p.kind === 'LIKE')!.email).toBe('DIGEST');

    // GET only shows a button; the one-click POST (no session) turns the digest's kinds off.
    const page = await request(api.server)
      .get(url.pathname + url.search)
      .expect(200);
    expect(page.text).toContain('<form method="post"');
    expect(
      (
        await data<{ notificationPreferences: { kind: string; email: string }[] }>(creator, PREFS)
      ).notificationPreferences.find((p) => p.kind === 'LIKE')!.email,
    ).toBe('DIGEST');
    await request(api.server)
      .post(url.pathname + url.search)
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    const after = (await data<{ notificationPreferences: { kind: string; email: string }[] }>(creator, PREFS))
      .notificationPreferences;
    expect(after.find((p) => p.kind === 'LIKE')!.email).toBe('OFF');
    expect(after.find((p) => p.kind === 'FOLLOW')!.email).toBe('OFF');
    expect(after.find((p) => p.kind === 'SALE')!.email).toBe('IMMEDIATE');
  });

  it('preferences hide a kind from the bell; mark all read empties it', async () => {
    await data(creator, SET_PREFS, { p: [{ kind: 'LIKE', inApp: false, email: 'OFF' }] });
    expect((await list(creator)).map((l) => l.kind)).not.toContain('LIKE');
    await data(creator, SET_PREFS, { p: [{ kind: 'LIKE', inApp: true, email: 'OFF' }] });
    expect((await list(creator)).map((l) => l.kind)).toContain('LIKE');
    expect((await data<{ markAllNotificationsRead: number }>(creator, MARK_ALL)).markAllNotificationsRead).toBe(0);
    expect(await list(creator, true)).toEqual([]);
    expect(await count(creator)).toBe(0);
  });
});
