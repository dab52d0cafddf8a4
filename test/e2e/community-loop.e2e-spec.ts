import type { INestApplicationContext } from '@nestjs/common';
import { join } from 'node:path';
import request from 'supertest';
import type { MailSink } from '@lookbook/notifications';
import { startMailSink } from '@lookbook/notifications';
import { SavedSearchAlertService, SearchSyncService } from '@lookbook/search';
import type { GraphqlResponse, TestUser } from '@lookbook/testing';
import { errorCode, gql, OFFERS, signUpUser, strongPassword } from '@lookbook/testing';
import { eventually } from './support/eventually';
import { PaymentsDriver } from './support/payments';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { startTestWorker } from './support/test-worker';
import type { ReadyVersion } from './support/versions';
import { publishedVersion } from './support/versions';

interface InboxMail {
  kind: string | null;
  subject: string;
  links: string[];
}

/**
 * The community loop in one story, over HTTP with mail through SMTP: a new member verifies their address from the
 * development inbox, follows a creator, likes and saves a model, buys it and reviews it; the creator replies; both find
 * it in their notifications (the member's reply also by mail); a saved search alerts on a new match; the home page's
 * trending row carries the counts; blocking hides a troll's comments; a password reset works once and ends every
 * session.
 */
describe('the community loop over HTTP', () => {
  let api: TestApi;
  let sink: MailSink;
  let worker: INestApplicationContext;
  let pay: PaymentsDriver;
  let creator: TestUser;
  let troll: TestUser;
  let fan: TestUser;
  let ink: ReadyVersion;

  const as = <T = Record<string, unknown>>(user: { accessToken: string } | undefined) => {
    return async (query: string, variables: Record<string, unknown> = {}): Promise<T> => {
      const response: GraphqlResponse<T> = await gql<T>(api.server, query, variables, user?.accessToken);
      if (response.errors) throw new Error(JSON.stringify(response.errors));
      return response.data!;
    };
  };
  const inbox = async (to: string): Promise<InboxMail[]> => {
    const list = (await request(api.server).get('/api/dev/mail').query({ to })).body as { mails: { id: string }[] };
    return Promise.all(
      list.mails.map(async ({ id }) => (await request(api.server).get(`/api/dev/mail/${id}`)).body as InboxMail),
    );
  };
  const mailOf = (to: string, kind: string) =>
    eventually(async () => (await inbox(to)).find((m) => m.kind === kind), { what: `${kind} mail to ${to}` });
  const tokenIn = (mail: InboxMail) => new URL(mail.links[0]!).searchParams.get('token')!;
  const kindsOf = async (user: TestUser) =>
    (
      await as<{ notifications: { nodes: { kind: string; text: string }[] } }>(user)(
        `{ notifications(first: 50) { nodes { kind text } } }`,
      )
    ).notifications.nodes;

  beforeAll(async () => {
    api = await startTestApi();
    sink = await startMailSink({ directory: join(api.dataDir, 'mail'), port: 0, production: false });
    worker = await startTestWorker(api.db.url, { env: { SMTP_URL: sink.url, DATA_DIR: api.dataDir } });
    pay = new PaymentsDriver(api);
    [creator, troll] = [await signUpUser(api.server), await signUpUser(api.server)];
    await api.db.query(`UPDATE identity."user" SET email_verified_at = now() WHERE id = $1`, [creator.id]);
    ink = await publishedVersion(api, creator, { name: 'Ink Harbour', offers: [OFFERS.personal, OFFERS.commercial] });
    await pay.onboard(creator);
  }, 180_000);
  afterAll(async () => {
    await worker?.close();
    await sink?.stop();
    await api?.close();
  });

  it('a new member verifies their address from the development inbox', async () => {
    fan = await signUpUser(api.server);
    const mail = await mailOf(fan.email, 'identity.verify-email');
    const verified = await as<{ verifyEmail: { emailVerified: boolean } }>(undefined)(
      `mutation($t: String!) { verifyEmail(token: $t) { emailVerified } }`,
      { t: tokenIn(mail) },
    );
    expect(verified.verifyEmail.emailVerified).toBe(true);
  });

  it('follows the creator, likes and saves the model, buys it and leaves a verified review; the creator replies', async () => {
    await as(fan)(`mutation($id: UUID!) { follow(kind: USER, id: $id) { following } }`, { id: creator.id });
    await as(fan)(`mutation($id: UUID!) { like(kind: MODEL, id: $id) { liked } }`, { id: ink.modelId });
    const { createCollection } = await as<{ createCollection: { id: string } }>(fan)(
      `mutation { createCollection(input: { title: "Harbour looks", visibility: PUBLIC }) { id } }`,
    );
    await as(fan)(
      `mutation($c: UUID!, $m: UUID!) { addToCollection(collectionId: $c, kind: MODEL, itemId: $m, note: "for the zine") { id } }`,
      { c: createCollection.id, m: ink.modelId },
    );
    const saved = await as<{ collection: { items: { note: string }[] } }>(undefined)(
      `query($c: UUID!) { collection(id: $c) { items { note } } }`,
      { c: createCollection.id },
    );
    expect(saved.collection.items).toEqual([{ note: 'for the zine' }]);

    const write = `mutation($s: UUID!) { writeReview(kind: MODEL, subjectId: $s, input: { rating: 5, body: "Crisp lines." }) {
      id verified licenseTier } }`;
    expect(errorCode(await gql(api.server, write, { s: ink.modelId }, fan.accessToken))).toBe('LICENSE_REQUIRED');
    await pay.buy(fan, ink.offers['COMMERCIAL']!.id);
    await pay.settle();
    const { writeReview } = await as<{ writeReview: { id: string; verified: boolean; licenseTier: string } }>(fan)(
      write,
      { s: ink.modelId },
    );
    expect(writeReview).toMatchObject({ verified: true, licenseTier: 'COMMERCIAL' });
    await as(creator)(`mutation($r: UUID!) { replyToReview(reviewId: $r, body: "Thank you!") { id } }`, {
      r: writeReview.id,
    });

    const page = await as<{ styleModel: { likeCount: number; ratingAverage: number; ratingCount: number } }>(undefined)(
      `query($id: UUID!) { styleModel(id: $id) { likeCount ratingAverage ratingCount } }`,
      { id: ink.modelId },
    );
    expect(page.styleModel).toEqual({ likeCount: 1, ratingAverage: 5, ratingCount: 1 });
  });

  it('both see it in their notifications, and the member’s reply arrives by mail', async () => {
    const creatorKinds = (await kindsOf(creator)).map((n) => n.kind).sort();
    expect(creatorKinds).toEqual(['FOLLOW', 'LIKE', 'REVIEW', 'SALE']);
    const fanLines = await kindsOf(fan);
    expect(fanLines.map((n) => n.kind)).toEqual(['REVIEW_REPLY']);
    expect(fanLines[0]!.text).toMatch(/ replied to your review$/);
    const mail = await mailOf(fan.email, 'notifications.review_reply');
    expect(mail.subject).toMatch(/repl/i);
  });

  it('a saved search alerts on a new match, and the home page’s trending row carries the counts', async () => {
    await as(fan)(`mutation { saveSearch(query: "harbour") { id } }`);
    await api.app.get(SavedSearchAlertService).run(); // what was published before saving never alerts
    await publishedVersion(api, creator, { name: 'Harbour at Dusk' });
    await api.app.get(SavedSearchAlertService).run();
    expect((await kindsOf(fan)).filter((n) => n.kind === 'SAVED_SEARCH_MATCH').map((n) => n.text)).toEqual([
      '1 new match for “harbour”',
    ]);

    await api.app.get(SearchSyncService).flushCounts();
    const { search } = await as<{
      search: { hits: { model: { id: string } | null; counts: { likes: number; rating: number | null } }[] };
    }>(undefined)(`{ search(sort: TRENDING, first: 8) { hits { model { id } counts { likes rating } } } }`);
    expect(search.hits[0]).toEqual({ model: { id: ink.modelId }, counts: { likes: 1, rating: 5 } });
  });

  it('blocking a troll hides their comments from the member', async () => {
    const post = `mutation($s: UUID!, $t: String!) { postComment(input: { subjectKind: MODEL, subjectId: $s, text: $t }) { id } }`;
    await as(troll)(post, { s: ink.modelId, t: 'First!!1' });
    await as(fan)(post, { s: ink.modelId, t: 'Works well at 0.7.' });
    const read = `query($s: UUID!) { discussion(subjectKind: MODEL, subjectId: $s) { comments { author { handle } } } }`;
    const authors = async (user: TestUser) =>
      (
        await as<{ discussion: { comments: { author: { handle: string } | null }[] } }>(user)(read, { s: ink.modelId })
      ).discussion.comments.map((c) => c.author?.handle);
    expect((await authors(fan)).sort()).toEqual([fan.handle, troll.handle].sort());
    await as(fan)(`mutation($id: UUID!) { blockUser(userId: $id) { blocked } }`, { id: troll.id });
    expect(await authors(fan)).toEqual([fan.handle]);
  });

  it('a password reset works once and ends every session', async () => {
    await as(undefined)(`mutation($e: String!) { requestPasswordReset(email: $e) }`, { e: fan.email });
    const token = tokenIn(await mailOf(fan.email, 'identity.reset-password'));
    const reset = `mutation($i: ResetPasswordInput!) { resetPassword(input: $i) }`;
    const password = strongPassword();
    expect(await as(undefined)(reset, { i: { token, newPassword: password } })).toEqual({ resetPassword: true });
    expect(errorCode(await gql(api.server, reset, { i: { token, newPassword: strongPassword() } }))).toBe('TOKEN_USED');
    const refreshed = await gql(
      api.server,
      `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`,
      { t: fan.refreshToken },
    );
    expect(errorCode(refreshed)).toBeDefined();
    const signIn = await as<{ signIn: { accessToken: string } }>(undefined)(
      `mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`,
      { i: { login: fan.email, password } },
    );
    expect(signIn.signIn.accessToken).toBeTruthy();
  });
});
