import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { join } from 'node:path';
import type { MailSink } from '@lookbook/notifications';
import { startMailSink } from '@lookbook/notifications';
import type { TestUser } from '@lookbook/testing';
import { errorCode, gql, signUpUser, strongPassword } from '@lookbook/testing';
import { eventually } from './support/eventually';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { startTestWorker } from './support/test-worker';

const ME = `{ me { id email emailVerified } }`;
const VERIFY = `mutation($t: String!) { verifyEmail(token: $t) { email emailVerified } }`;
const RESEND = `mutation { resendVerificationEmail }`;
const REQUEST_RESET = `mutation($e: String!) { requestPasswordReset(email: $e) }`;
const RESET = `mutation($i: ResetPasswordInput!) { resetPassword(input: $i) }`;
const SIGN_IN = `mutation($i: SignInInput!) { signIn(input: $i) { accessToken refreshToken } }`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`;
const CHANGE = `mutation($i: RequestEmailChangeInput!) { requestEmailChange(input: $i) }`;
const CONFIRM = `mutation($t: String!) { confirmEmailChange(token: $t) { email emailVerified } }`;

interface InboxMail {
  id: string;
  subject: string;
  kind: string | null;
  to: string[];
  text: string;
  links: string[];
  messageId: string;
}

/** Mail travels for real: API → outbox → worker job → nodemailer → SMTP → the development sink → the inbox route. */
describe('account mail over SMTP (development inbox)', () => {
  let api: TestApi;
  let sink: MailSink;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    api = await startTestApi();
    sink = await startMailSink({ directory: join(api.dataDir, 'mail'), port: 0, production: false });
    worker = await startTestWorker(api.db.url, { env: { SMTP_URL: sink.url } });
  });
  afterAll(async () => {
    await worker?.close();
    await sink?.stop();
    await api?.close();
  });

  const inbox = async (to: string): Promise<InboxMail[]> => {
    const list = await request(api.server).get('/api/dev/mail').query({ to });
    expect(list.status).toBe(200);
    const mails = (list.body as { mails: { id: string }[] }).mails;
    return Promise.all(
      mails.map(async ({ id }) => (await request(api.server).get(`/api/dev/mail/${id}`)).body as InboxMail),
    );
  };
  /** Waits for the nth mail of a kind to an address, and returns it. */
  const mailOf = (to: string, kind: string, count = 1) =>
    eventually(
      async () => {
        const mails = (await inbox(to)).filter((m) => m.kind === kind);
        return mails.length >= count ? mails : undefined;
      },
      { what: `${count} ${kind} mail(s) to ${to}` },
    );
  const tokenIn = (mail: InboxMail) => new URL(mail.links[0]!).searchParams.get('token')!;
  const as =
    (user: Pick<TestUser, 'accessToken'> | undefined) => (query: string, variables?: Record<string, unknown>) =>
      gql(api.server, query, variables, user?.accessToken);

  it('sign-up mails a verification link; following it verifies, once', async () => {
    const user = await signUpUser(api.server);
    expect((await as(user)(ME)).data).toMatchObject({ me: { emailVerified: false } });
    const [mail] = await mailOf(user.email, 'identity.verify-email');
    expect(mail!.subject).toBe('Verify your email address');
    expect(mail!.links[0]).toMatch(/\/verify-email\?token=lbt_/);
    expect(mail!.messageId).toMatch(/^<[0-9a-f-]{36}@lookbook\.localhost>$/);

    const verified = await as(undefined)(VERIFY, { t: tokenIn(mail!) });
    expect(verified.data).toEqual({ verifyEmail: { email: user.email, emailVerified: true } });
    expect(errorCode(await as(undefined)(VERIFY, { t: tokenIn(mail!) }))).toBe('TOKEN_USED');
    expect(errorCode(await as(user)(RESEND))).toBe('EMAIL_ALREADY_VERIFIED');
    const [terms] = await api.db.query<{ version: string }>(
      'SELECT version FROM identity.terms_acceptance WHERE user_id = $1',
      [user.id],
    );
    expect(terms?.version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('refuses superseded, wrong-purpose, other-account, expired and malformed links, changing nothing', async () => {
    const user = await signUpUser(api.server);
    const other = await signUpUser(api.server);
    const [first] = await mailOf(user.email, 'identity.verify-email');
    expect((await as(user)(RESEND)).data).toEqual({ resendVerificationEmail: true });
    const mails = await mailOf(user.email, 'identity.verify-email', 2);
    const second = mails.find((m) => m.id !== first!.id)!;

    expect(errorCode(await as(undefined)(VERIFY, { t: tokenIn(first!) }))).toBe('TOKEN_SUPERSEDED');
    expect(
      errorCode(await as(undefined)(RESET, { i: { token: tokenIn(second), newPassword: strongPassword() } })),
    ).toBe('TOKEN_WRONG_PURPOSE');
    expect(errorCode(await as(other)(VERIFY, { t: tokenIn(second) }))).toBe('TOKEN_OTHER_ACCOUNT');
    for (const garbage of ['', 'lbt_short', `lbt_${'A'.repeat(43)}`, tokenIn(second).toUpperCase(), 'x'.repeat(5000)])
      expect(errorCode(await as(undefined)(VERIFY, { t: garbage }))).toBe('TOKEN_INVALID');
    expect((await as(user)(ME)).data).toMatchObject({ me: { emailVerified: false } });

    await api.db.query(
      `UPDATE identity.account_token SET created_at = now() - interval '2 days', expires_at = now() - interval '1 day'
        WHERE user_id = $1 AND used_at IS NULL AND superseded_at IS NULL`,
      [user.id],
    );
    expect(errorCode(await as(undefined)(VERIFY, { t: tokenIn(second) }))).toBe('TOKEN_EXPIRED');
    expect((await as(user)(ME)).data).toMatchObject({ me: { emailVerified: false } });
  });

  it('resets a password once by mailed link, ending every session; unknown addresses get the same answer', async () => {
    const user = await signUpUser(api.server);
    const other = await signUpUser(api.server);
    const unknown = `nobody-${Date.now()}@example.test`;
    expect((await as(undefined)(REQUEST_RESET, { e: unknown })).data).toEqual({ requestPasswordReset: true });
    expect((await as(undefined)(REQUEST_RESET, { e: user.email.toUpperCase() })).data).toEqual({
      requestPasswordReset: true,
    });
    const [mail] = await mailOf(user.email, 'identity.reset-password');
    const token = tokenIn(mail!);
    expect(mail!.links[0]).toMatch(/\/reset-password\?token=lbt_/);

    // A rejected password leaves the link working and the old password in place.
    expect(errorCode(await as(undefined)(RESET, { i: { token, newPassword: 'password1234' } }))).toBe(
      'PASSWORD_TOO_WEAK',
    );
    const signIn = (password: string) => as(undefined)(SIGN_IN, { i: { login: user.email, password } });
    expect(errorCode(await signIn(user.password))).toBeUndefined();

    const newPassword = strongPassword();
    expect((await as(undefined)(RESET, { i: { token, newPassword } })).data).toEqual({ resetPassword: true });
    expect(errorCode(await as(user)(ME))).toBe('SESSION_REVOKED');
    expect(errorCode(await as(undefined)(REFRESH, { t: user.refreshToken }))).toMatch(/REFRESH|SESSION/);
    expect(errorCode(await signIn(user.password))).toBe('INVALID_CREDENTIALS');
    expect(errorCode(await signIn(newPassword))).toBeUndefined();
    expect(errorCode(await as(undefined)(RESET, { i: { token, newPassword: strongPassword() } }))).toBe('TOKEN_USED');
    expect(errorCode(await as(other)(ME))).toBeUndefined(); // someone else's sessions are untouched
    await mailOf(user.email, 'identity.password-changed');
    expect(await inbox(unknown)).toEqual([]);
  });

  it('rate limits reset requests per address the same way whether or not an account has it', async () => {
    const user = await signUpUser(api.server);
    for (const email of [user.email, `ghost-${Date.now()}@example.test`]) {
      const codes = [];
      for (let i = 0; i < 4; i += 1) codes.push(errorCode(await as(undefined)(REQUEST_RESET, { e: email })) ?? 'OK');
      expect(codes).toEqual(['OK', 'OK', 'OK', 'RATE_LIMITED']);
    }
  });

  it('changes the email address only once the new address confirms; the old one is told both times', async () => {
    const user = await signUpUser(api.server);
    const newEmail = `moved-${Date.now()}@example.test`;
    expect(errorCode(await as(user)(CHANGE, { i: { newEmail, currentPassword: 'not-the-password-1234' } }))).toBe(
      'WRONG_PASSWORD',
    );
    expect(errorCode(await as(user)(CHANGE, { i: { newEmail: user.email, currentPassword: user.password } }))).toBe(
      'SAME_EMAIL',
    );
    const taken = await signUpUser(api.server);
    expect(errorCode(await as(user)(CHANGE, { i: { newEmail: taken.email, currentPassword: user.password } }))).toBe(
      'EMAIL_TAKEN',
    );
    expect((await as(user)(CHANGE, { i: { newEmail, currentPassword: user.password } })).data).toEqual({
      requestEmailChange: true,
    });
    const [confirm] = await mailOf(newEmail, 'identity.confirm-new-email');
    await mailOf(user.email, 'identity.email-change-requested');
    expect((await as(user)(ME)).data).toMatchObject({ me: { email: user.email } });
    expect(errorCode(await as(taken)(CONFIRM, { t: tokenIn(confirm!) }))).toBe('TOKEN_OTHER_ACCOUNT');

    expect((await as(user)(CONFIRM, { t: tokenIn(confirm!) })).data).toEqual({
      confirmEmailChange: { email: newEmail, emailVerified: true },
    });
    await mailOf(user.email, 'identity.email-changed');
    expect(errorCode(await as(user)(CONFIRM, { t: tokenIn(confirm!) }))).toBe('TOKEN_USED');
    // The old address's links no longer act on the account.
    const [verify] = await mailOf(user.email, 'identity.verify-email');
    expect(errorCode(await as(undefined)(VERIFY, { t: tokenIn(verify!) }))).toBe('TOKEN_SUPERSEDED');
  });
});
