import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { Browser, Page } from 'playwright-core';
import type { MailSink } from '@lookbook/notifications';
import { startMailSink } from '@lookbook/notifications';
import { startTestWorker } from '../e2e/support/test-worker';
import { startBrowserJourney } from './support/browser';
import { checkPage, settled } from './support/pages';

/**
 * Account mail in Chromium against the real API and worker, mail travelling over SMTP to the development sink: a new
 * person signs up (the terms checkbox first), opens the development inbox, follows the verification link and is
 * verified; then forgets their password, resets it from the inbox, signs in with the new one, and the session they
 * had before is gone. Each page is checked with axe and photographed at 390 and 1280 px.
 */
describe('account mail journey', () => {
  let journey: Awaited<ReturnType<typeof startBrowserJourney>>;
  let worker: INestApplicationContext;
  let sink: MailSink;
  let browser: Browser;
  const handle = `mailer-${Date.now() % 100000}`;
  const email = `${handle}@example.test`;
  const firstPassword = 'lantern-harbor-violet-93';
  const newPassword = 'quartz-meadow-copper-71';

  beforeAll(async () => {
    journey = await startBrowserJourney();
    sink = await startMailSink({ directory: join(journey.api.dataDir, 'mail'), port: 0, production: false });
    worker = await startTestWorker(journey.api.db.url, { env: { SMTP_URL: sink.url } });
    browser = journey.browser;
  });
  afterAll(async () => {
    await worker?.close();
    await sink?.stop();
    await journey?.close();
  });

  const url = (path: string) => `${journey.baseUrl}${path}`;

  /** Opens the newest mail with this subject to `email` in the development inbox and follows its first link. */
  async function followMailLink(page: Page, subject: string, shot?: string) {
    await page.goto(url(`/dev/inbox?to=${encodeURIComponent(email)}`));
    await page.getByTestId('inbox-mail').filter({ hasText: subject }).first().click({ timeout: 30_000 });
    const open = page.getByTestId('inbox-open-mail');
    await open.getByRole('heading', { name: subject }).waitFor();
    if (shot) await checkPage(page, shot);
    await open
      .getByRole('link', { name: /token=lbt_/ })
      .first()
      .click();
  }

  let signedIn: Page;

  it('signs up only with the terms accepted, and is asked to verify the address', async () => {
    signedIn = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signedIn.goto(url('/sign-up'));
    await signedIn.getByLabel('Handle').fill(handle);
    await signedIn.getByLabel('Display name').fill('Mail Tester');
    await signedIn.getByLabel('Email').fill(email);
    await signedIn.getByLabel('Password').fill(firstPassword);
    await signedIn.getByRole('button', { name: 'Create account' }).click();
    await signedIn.getByTestId('field-error').filter({ hasText: /terms/ }).waitFor();
    await checkPage(signedIn, 'sign-up-terms');
    await signedIn.getByText(/I accept the terms/).click();
    await signedIn.getByRole('button', { name: 'Create account' }).click();
    await signedIn.getByTestId('account-link').waitFor();

    await signedIn.goto(url('/account'));
    await signedIn.getByText('Not verified').waitFor();
    await settled(signedIn);
    await checkPage(signedIn, 'account-email-unverified');
  });

  it('verifies the address from the development inbox', async () => {
    await followMailLink(signedIn, 'Verify your email address', 'dev-inbox');
    await signedIn.waitForURL(/\/verify-email\?token=/);
    await signedIn.getByText(`${email} is verified`).waitFor();
    await checkPage(signedIn, 'verify-email-done');
    await signedIn.goto(url('/account'));
    await signedIn.getByText('Verified', { exact: true }).waitFor();
    // The same link again: used.
    await signedIn.goBack();
    await signedIn.getByText(/already used/).waitFor();
  });

  it('resets a forgotten password by mailed link; the new one signs in and the earlier session is gone', async () => {
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await page.goto(url('/sign-in'));
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.waitForURL(/\/forgot-password$/);
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByText(/a link to reset its password is on its way/).waitFor();
    await checkPage(page, 'forgot-password-sent');

    await followMailLink(page, 'Reset your password');
    await page.waitForURL(/\/reset-password\?token=/);
    await page.getByRole('textbox', { name: 'New password' }).fill('password1234');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByTestId('field-error').waitFor();
    await checkPage(page, 'reset-password-weak');
    await page.getByRole('textbox', { name: 'New password' }).fill(newPassword);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByText('Your password is changed').waitFor();
    await checkPage(page, 'reset-password-done');

    await page.getByRole('link', { name: 'Sign in with your new password' }).click();
    await page.getByLabel('Email or handle').fill(email);
    await page.getByLabel('Password').fill(newPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));

    // The session from before the reset: its next request is refused and the browser is signed out.
    await signedIn.goto(url('/account'));
    await signedIn
      .getByText(/session has ended|sign in/i)
      .first()
      .waitFor();
    await signedIn.goto(url('/account'));
    await signedIn.waitForURL(/\/sign-in\?next=/);
  });

  it('shows its empty, missing-link and no-mail states', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(url('/dev/inbox?to=nobody%40example.test'));
    await page.getByText('No mail yet').waitFor();
    await checkPage(page, 'dev-inbox-empty');
    await page.goto(url('/verify-email'));
    await page.getByText(/has no link in it/).waitFor();
    await page.goto(url('/reset-password'));
    await page.getByRole('link', { name: 'Ask for a reset link' }).waitFor();
    await checkPage(page, 'reset-password-no-link');
    await page.goto(url(`/verify-email?token=lbt_${'A'.repeat(43)}`));
    await page.getByText('This link is not valid').waitFor();
    await checkPage(page, 'verify-email-invalid');
  });
});
