import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { Browser, Page } from 'playwright-core';
import type { MailSink } from '@lookbook/notifications';
import { startMailSink } from '@lookbook/notifications';
import { SavedSearchAlertService, SearchSyncService } from '@lookbook/search';
import type { TestUser } from '@lookbook/testing';
import { buildSafetensors, OFFERS, pngWithText } from '@lookbook/testing';
import { startTestWorker } from '../e2e/support/test-worker';
import type { ReadyVersion } from '../e2e/support/versions';
import { publishedVersion } from '../e2e/support/versions';
import { world } from '../e2e/support/world';
import { startBrowserJourney } from './support/browser';
import { checkPage, horizontalOverflow, settled } from './support/pages';

const PASSWORD = 'lantern-harbor-violet-93';
const NEW_PASSWORD = 'quartz-meadow-copper-71';
/** Key steps photographed here as well (at the width the step runs at), to be looked at by a person. */
const SHOTS = process.env['JOURNEY_SHOTS'] ?? '/tmp/journey-shots';

/**
 * The community loop in one story, in Chromium against the real API, worker, local payment gateway and mail over SMTP
 * to the development sink. On a phone (390 px) a new member signs up (ticking the terms), verifies their address from
 * the development inbox, follows a creator, likes a model, saves it to a collection, buys it through the local
 * checkout and leaves a verified review. At desktop width the creator (another browser) finds the review in the bell
 * and on the notifications page and replies; the member finds the reply in the bell and in the inbox. The member saves
 * a search, the creator publishes a matching model through the studio, the alert job runs, and the member follows the
 * alert to the new model. The member blocks a troll whose comment then leaves the model page; the home page shows
 * trending cards with counts and the followed creator's new work; and a password reset from the sign-in page works
 * once and signs out the member's earlier session.
 */
describe('the community loop in the browser', () => {
  let journey: Awaited<ReturnType<typeof startBrowserJourney>>;
  let worker: INestApplicationContext;
  let sink: MailSink;
  let browser: Browser;
  let creator: TestUser;
  let troll: TestUser;
  let ink: ReadyVersion;
  let buyer: Page;
  let creatorPage: Page;
  const stamp = Date.now() % 100000;
  const handle = `loop-${stamp}`;
  const email = `${handle}@example.test`;
  const newModel = `Harbour at Dusk ${stamp}`;
  const dialogs: string[] = [];

  const url = (path: string) => `${journey.baseUrl}${path}`;
  const shot = async (page: Page, name: string) => {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  };
  const newPage = async (width: number) => {
    const page = await (await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 } })).newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    return page;
  };

  /** Opens the newest mail to `to` whose subject matches, in the development inbox; returns the open mail. */
  async function openMail(page: Page, to: string, subject: RegExp) {
    await page.goto(url(`/dev/inbox?to=${encodeURIComponent(to)}`));
    await page.getByTestId('inbox-mail').filter({ hasText: subject }).first().click({ timeout: 30_000 });
    const open = page.getByTestId('inbox-open-mail');
    await open.getByRole('heading', { name: subject }).waitFor();
    return open;
  }

  beforeAll(async () => {
    journey = await startBrowserJourney({});
    browser = journey.browser;
    sink = await startMailSink({ directory: join(journey.api.dataDir, 'mail'), port: 0, production: false });
    // The worker ingests files, delivers the local gateway's webhooks and sends mail over SMTP, as in production.
    worker = await startTestWorker(journey.api.db.url, {
      env: {
        SMTP_URL: sink.url,
        LOCAL_GATEWAY_WEBHOOK_URL: `${journey.baseUrl}/webhooks/stripe`,
        DATA_DIR: journey.api.dataDir,
      },
    });
    const people = world(journey.api);
    creator = await people.member({ password: PASSWORD });
    troll = await people.member();
    const rename = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }`;
    await people.as(creator)(rename, { input: { displayName: 'Mira Ink' } });
    await people.as(troll)(rename, { input: { displayName: 'Loud Troll' } });
    ink = await publishedVersion(journey.api, creator, {
      name: `Ink Harbour ${stamp}`,
      tags: ['ink'],
      offers: [OFFERS.personal, OFFERS.commercial],
    });
    const post = `mutation($input: PostCommentInput!) { postComment(input: $input) { id } }`;
    for (const [who, text] of [
      [troll, 'FIRST!!1 this model is trash'],
      [creator, 'Works best at a strength of 0.7.'],
    ] as const) {
      const posted = await people.as(who)(post, { input: { subjectKind: 'MODEL', subjectId: ink.modelId, text } });
      expect(posted.errors).toBeUndefined();
    }
    buyer = await newPage(390);
    creatorPage = await newPage(1280);
  }, 180_000);
  afterAll(async () => {
    await worker?.close();
    await sink?.stop();
    await journey?.close();
  });

  it('on a phone: signs up with the terms, verifies the address from the development inbox', async () => {
    await buyer.goto(url('/sign-up'));
    await buyer.getByLabel('Handle').fill(handle);
    await buyer.getByLabel('Display name').fill('Ada Loop');
    await buyer.getByLabel('Email').fill(email);
    await buyer.getByLabel('Password').fill(PASSWORD);
    await buyer.getByText(/I accept the terms/).click();
    await buyer.getByRole('button', { name: 'Create account' }).click();
    await buyer.getByTestId('account-link').waitFor({ state: 'attached' });
    await buyer.goto(url('/account'));
    await buyer.getByText('Not verified').waitFor();

    const mail = await openMail(buyer, email, /Verify your email address/);
    await shot(buyer, '01-inbox-verify-phone');
    await mail
      .getByRole('link', { name: /token=lbt_/ })
      .first()
      .click();
    await buyer.waitForURL(/\/verify-email\?token=/);
    await buyer.getByText(`${email} is verified`).waitFor();
    await buyer.goto(url('/account'));
    await buyer.getByText('Verified', { exact: true }).waitFor();
    expect(await horizontalOverflow(buyer)).toEqual([]);
  });

  it('on a phone: follows the creator, likes the model, saves it to a collection, buys it and reviews it', async () => {
    await buyer.goto(url(`/u/${creator.handle}`));
    await settled(buyer);
    await buyer.getByRole('heading', { name: 'Mira Ink', level: 1 }).waitFor();
    await buyer.getByTestId('follow-button').click();
    await buyer.getByTestId('follow-button').filter({ hasText: 'Following · 1' }).waitFor();

    await buyer.goto(url(`/models/${ink.modelId}`));
    await settled(buyer);
    const social = buyer.getByTestId('model-social');
    await social.getByTestId('like-button').click();
    await buyer.locator('[data-testid="like-button"][aria-pressed="true"]').waitFor();
    expect(await buyer.getByTestId('like-count').textContent()).toBe('1');
    await social.getByTestId('save-button').click();
    const save = buyer.getByTestId('save-dialog');
    await save.getByLabel('New collection').fill('Harbour looks');
    await save.getByRole('button', { name: 'Create and save' }).click();
    const box = save.getByRole('checkbox', { name: /Harbour looks/ });
    await box.waitFor();
    expect(await box.isChecked()).toBe(true);
    await shot(buyer, '02-save-dialog-phone');
    await buyer.getByRole('button', { name: 'Done' }).click();
    expect(await horizontalOverflow(buyer)).toEqual([]);

    // Without a licence there is no review form, only why.
    await buyer.getByTestId('review-needs-licence').waitFor();
    await buyer.getByRole('button', { name: /Buy Commercial/ }).click();
    await buyer.waitForURL(/\/local-gateway\/checkout\//);
    await buyer.getByRole('button', { name: /Pay with test card/ }).click();
    await buyer.waitForURL(/\/orders\/.+checkout=success/);
    await buyer.getByTestId('order-licensed').waitFor({ timeout: 30_000 });

    await buyer.goto(url(`/models/${ink.modelId}`));
    await settled(buyer);
    const form = buyer.getByTestId('write-review');
    await form.getByText('You hold a Commercial licence').waitFor();
    await form.locator('label').filter({ hasText: '5 stars' }).click();
    await form.getByLabel('Your review').fill('Crisp ink lines, even on cheap paper textures.');
    await form.getByTestId('review-submit').click();
    const review = buyer.getByTestId('review').first();
    await review.getByTestId('verified-badge').filter({ hasText: 'Verified licence · Commercial' }).waitFor();
    expect(await buyer.getByTestId('rating-average').textContent()).toBe('5.0');
    expect(await horizontalOverflow(buyer)).toEqual([]);
    await review.scrollIntoViewIfNeeded();
    await shot(buyer, '03-model-reviewed-phone');
    await checkPage(buyer, 'loop-model-reviewed');
  });

  it('at desktop: the creator finds the review in the bell and on the page and replies; the member sees the reply in the bell and the inbox', async () => {
    await buyer.setViewportSize({ width: 1280, height: 900 });
    await creatorPage.goto(url('/sign-in'));
    await creatorPage.getByLabel('Email or handle').fill(creator.handle);
    await creatorPage.getByLabel('Password').fill(PASSWORD);
    await creatorPage.getByRole('button', { name: 'Sign in' }).click();
    await creatorPage.getByTestId('account-link').waitFor();

    // Follow, like, sale and review: the bell counts them and lists the review.
    await creatorPage.getByTestId('notification-count').waitFor();
    await creatorPage.getByTestId('notification-bell').click();
    const latest = creatorPage.getByRole('dialog', { name: 'Latest notifications' });
    await latest
      .getByTestId('notification')
      .filter({ hasText: /reviewed your model: 5 of 5 stars/ })
      .waitFor();
    await shot(creatorPage, '04-creator-bell-desktop');
    await creatorPage.goto(url('/notifications'));
    await settled(creatorPage);
    const line = creatorPage.getByTestId('notification').filter({ hasText: /reviewed your model/ });
    await line.waitFor();
    for (const kind of [/followed you/, /liked/])
      await creatorPage.getByTestId('notification').filter({ hasText: kind }).first().waitFor();
    await line.getByRole('link').click();
    await creatorPage.waitForURL((u) => u.pathname === `/models/${ink.modelId}`);
    await settled(creatorPage);
    await creatorPage.getByTestId('reply-button').click();
    await creatorPage.getByTestId('reply-form').getByLabel('Your reply').fill('Thank you, Ada! A paper pack is next.');
    await creatorPage.getByTestId('reply-submit').click();
    await creatorPage.getByTestId('review-reply-text').filter({ hasText: 'Thank you, Ada!' }).waitFor();

    await buyer.goto(url('/feed'));
    await buyer.getByTestId('notification-count').waitFor({ timeout: 15_000 });
    await buyer.getByTestId('notification-bell').click();
    const mine = buyer.getByRole('dialog', { name: 'Latest notifications' }).getByTestId('notification');
    await mine.filter({ hasText: /replied to your review/ }).waitFor();
    const mail = await openMail(buyer, email, /replied to your review/);
    expect(await mail.textContent()).toContain('replied to your review');
    await checkPage(buyer, 'loop-inbox-reply');
  });

  it('a saved search alerts on a new match the creator publishes through the studio; the member follows the alert to it', async () => {
    await buyer.goto(url('/browse?q=harbour'));
    await buyer
      .getByTestId('model-card')
      .filter({ hasText: `Ink Harbour ${stamp}` })
      .waitFor();
    await buyer.getByRole('button', { name: 'Save this search' }).click();
    await buyer.getByTestId('search-saved').waitFor();
    // What was published before the search was saved never alerts.
    const alerts = journey.api.app.get(SavedSearchAlertService);
    await alerts.run();

    // The creator publishes a new model through the studio: draft, version, weights through Uppy, a sample, an offer.
    await creatorPage.goto(url('/studio/new'));
    await creatorPage.getByLabel('Name').fill(newModel);
    await creatorPage.getByRole('button', { name: /Base model/ }).click();
    await creatorPage.getByRole('option', { name: 'SDXL 1.0' }).click();
    await creatorPage.getByLabel('Description').fill('Harbour lights at dusk, in loose ink.');
    await creatorPage.getByLabel('Tags').fill('harbour, ink');
    await creatorPage.getByRole('button', { name: 'Create draft' }).click();
    await creatorPage.waitForURL(/\/studio\/models\//);
    await creatorPage.getByRole('button', { name: 'Create version' }).click();
    await creatorPage.waitForURL(/\/studio\/versions\//);
    await creatorPage.locator('input[type=file][accept*=".safetensors"]').setInputFiles({
      name: 'harbour_dusk.safetensors',
      mimeType: 'application/octet-stream',
      buffer: buildSafetensors([{ name: 'lora_unet.weight', dtype: 'F16', shape: [64, 64] }], { fill: 'random' }),
    });
    await creatorPage.locator('[data-testid=version-file][data-status=READY]').waitFor({ timeout: 30_000 });
    await creatorPage.locator('input[type=file][accept*="image/png"]').setInputFiles({
      name: 'dusk.png',
      mimeType: 'image/png',
      buffer: await pngWithText(320, 480),
    });
    await creatorPage.getByTestId('studio-sample').waitFor();
    const commercial = creatorPage.getByTestId('offer-COMMERCIAL');
    await commercial.getByLabel('Price').fill('9.00');
    await commercial.getByLabel('Credit line').fill('Harbour at Dusk by Mira Ink');
    await creatorPage.getByRole('button', { name: 'Save offers' }).click();
    await creatorPage.getByText('Offers saved.').waitFor();
    await creatorPage.getByRole('button', { name: /^Publish v1\.0/ }).click();
    await creatorPage.getByText('Published: files and details are fixed.').waitFor();

    // The alert job (every two minutes in the worker), run now as the e2e tests run it. Its cursor is locked, so the
    // worker's own schedule may have taken the batch first: the bell, not the run's report, is what is checked.
    await alerts.run();
    await buyer.goto(url('/feed'));
    await buyer.getByTestId('notification-bell').click();
    const alert = buyer
      .getByRole('dialog', { name: 'Latest notifications' })
      .getByTestId('notification')
      .filter({ hasText: '1 new match for “harbour”' });
    await alert.waitFor({ timeout: 15_000 });
    expect(
      await buyer
        .getByTestId('notification')
        .filter({ hasText: /new match/ })
        .count(),
    ).toBe(1);
    await shot(buyer, '05-buyer-bell-alert-desktop');
    await alert.getByRole('link').click();
    await buyer.waitForURL((u) => u.pathname === '/browse' && u.searchParams.get('q') === 'harbour');
    const card = buyer.getByTestId('model-card').filter({ hasText: newModel });
    await card.waitFor({ timeout: 15_000 });
    await card.getByRole('heading', { name: newModel }).getByRole('link').click();
    await buyer.waitForURL(/\/models\//);
    await buyer.getByRole('heading', { name: newModel, level: 1 }).waitFor();
  });

  it('blocking the troll hides their comment from the model page', async () => {
    await buyer.goto(url(`/models/${ink.modelId}`));
    await settled(buyer);
    const discussion = buyer.getByTestId('discussion-model');
    await discussion.getByText('FIRST!!1 this model is trash').waitFor();
    await discussion.getByText('Works best at a strength of 0.7.').waitFor();
    await buyer.goto(url(`/u/${troll.handle}`));
    await settled(buyer);
    await buyer.getByRole('button', { name: 'Block' }).click();
    await buyer.getByRole('button', { name: `Block @${troll.handle}` }).click();
    await buyer.getByRole('button', { name: 'Unblock' }).waitFor();
    await buyer.goto(url(`/models/${ink.modelId}`));
    await settled(buyer);
    await discussion.getByText('Works best at a strength of 0.7.').waitFor();
    expect(await discussion.getByText('FIRST!!1 this model is trash').count()).toBe(0);
    expect(await discussion.getByText('Loud Troll').count()).toBe(0);
  });

  it('the home page shows trending cards with counts, and new work from the followed creator', async () => {
    // What the per-minute flush does: the changed counts reach the index.
    await journey.api.app.get(SearchSyncService).flushCounts();
    await buyer.goto(url('/'));
    const trending = buyer.getByTestId('home-trending');
    const card = trending.getByTestId('model-card').filter({ hasText: `Ink Harbour ${stamp}` });
    await card.waitFor();
    expect(await card.getByTestId('card-counts').textContent()).toContain('♥ 1');
    expect(await card.getByTestId('card-rating').textContent()).toBe('★ 5.0 (1)');
    const following = buyer.getByTestId('home-following');
    await following.getByRole('listitem').filter({ hasText: newModel }).waitFor();
    await following.getByRole('listitem').filter({ hasText: 'Mira Ink' }).first().waitFor();
    await settled(buyer);
    await shot(buyer, '06-home-desktop');
    await checkPage(buyer, 'loop-home');
    await buyer.setViewportSize({ width: 390, height: 844 });
    await settled(buyer);
    expect(await horizontalOverflow(buyer)).toEqual([]);
    await shot(buyer, '07-home-phone');
    await buyer.setViewportSize({ width: 1280, height: 900 });
  });

  it('a password reset from the sign-in page works once and signs out the earlier session', async () => {
    const page = await newPage(390);
    await page.goto(url('/sign-in'));
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByText(/a link to reset its password is on its way/).waitFor();
    const mail = await openMail(page, email, /Reset your password/);
    const link = (await mail
      .getByRole('link', { name: /token=lbt_/ })
      .first()
      .getAttribute('href'))!;
    await page.goto(link);
    await page.getByRole('textbox', { name: 'New password' }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByText('Your password is changed').waitFor();

    // The same link again: refused as used, with a way to a new one.
    await page.goto(link);
    await page.getByRole('textbox', { name: 'New password' }).fill('amber-thistle-orbit-58');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByText(/This link was already used/).waitFor();
    await page.getByRole('link', { name: 'Ask for a new link' }).waitFor();
    await shot(page, '08-reset-used-phone');
    expect(await horizontalOverflow(page)).toEqual([]);

    // The member's earlier session: its next request is refused and the browser is signed out.
    await buyer.goto(url('/account'));
    await buyer
      .getByText(/session has ended|sign in/i)
      .first()
      .waitFor();
    await buyer.goto(url('/account'));
    await buyer.waitForURL(/\/sign-in\?next=/);
    await buyer.getByLabel('Email or handle').fill(email);
    await buyer.getByLabel('Password').fill(NEW_PASSWORD);
    await buyer.getByRole('button', { name: 'Sign in' }).click();
    await buyer.waitForURL((u) => u.pathname === '/account');
    await buyer.getByText('Verified', { exact: true }).waitFor();
    expect(dialogs).toEqual([]);
  });
});
