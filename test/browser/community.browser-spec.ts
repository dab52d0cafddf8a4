import type { Browser, Page } from 'playwright-core';
import type { TestUser } from '@lookbook/testing';
import { generateCatalog } from '@lookbook/testing';
import { world } from '../e2e/support/world';
import { startBrowserJourney } from './support/browser';
import { checkPage, horizontalOverflow, settled } from './support/pages';

/**
 * The community as people use it: a new member follows a creator from their profile, likes a model and sees the
 * counts change, finds the creator's next release in their following feed, and blocks someone. The creator's bio
 * carries markup, which the page shows as text.
 */
describe('community journey', () => {
  let journey: Awaited<ReturnType<typeof startBrowserJourney>>;
  let browser: Browser;
  let fan: Page;
  let creator: TestUser;
  let troll: TestUser;
  let models: string[];

  const url = (path: string) => `${journey.baseUrl}${path}`;

  beforeAll(async () => {
    journey = await startBrowserJourney({});
    browser = journey.browser;
    await generateCatalog(journey.api.db, 8);
    const people = world(journey.api);
    creator = await people.member();
    troll = await people.member();
    const rename = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }`;
    await people.as(troll)(rename, { input: { displayName: 'Loud Troll' } });
    const rows = await journey.api.db.query<{ id: string }>(
      `UPDATE catalog.style_model SET owner_id = $1 WHERE slug IN ('style-1', 'style-2') RETURNING id`,
      [creator.id],
    );
    models = rows.map((r) => r.id);
    const bio = await people.as(creator)(rename, {
      input: {
        displayName: 'Mira Ink',
        bio: 'Ink and water.\n<img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script>',
        links: [{ label: 'Portfolio', url: 'https://mira.example/work' }],
      },
    });
    expect(bio.errors).toBeUndefined();
    fan = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  });
  afterAll(() => journey?.close());

  it('a new member follows a creator from their profile; the bio is text, never markup', async () => {
    const handle = `fan-${Date.now() % 100000}`;
    await fan.goto(url('/sign-up'));
    await fan.getByLabel('Handle').fill(handle);
    await fan.getByLabel('Display name').fill('Fan Person');
    await fan.getByLabel('Email').fill(`${handle}@example.test`);
    await fan.getByLabel('Password').fill('lantern-harbor-violet-93');
    await fan.getByText(/I accept the terms/).click();
    await fan.getByRole('button', { name: 'Create account' }).click();
    await fan.getByTestId('account-link').filter({ hasText: 'Fan Person' }).waitFor({ state: 'attached' });

    await fan.goto(url(`/u/${creator.handle}`));
    await settled(fan);
    await fan.getByRole('heading', { name: 'Mira Ink', level: 1 }).waitFor();
    const bio = fan.getByTestId('profile-bio');
    expect(await bio.textContent()).toContain('<img src=x onerror="window.__pwned=1">');
    expect(await bio.locator('img, script').count()).toBe(0);
    expect(await fan.evaluate('window.__pwned')).toBeUndefined();
    expect(await fan.getByRole('link', { name: 'Portfolio' }).getAttribute('rel')).toContain('nofollow');
    expect(await fan.getByTestId('stat-models').textContent()).toBe('2');
    await checkPage(fan, 'community-profile');

    await fan.getByTestId('follow-button').click();
    await fan.getByTestId('follow-button').filter({ hasText: 'Following · 1' }).waitFor();
    await fan.reload();
    await settled(fan);
    expect(await fan.getByTestId('stat-followers').textContent()).toBe('1');
  });

  it('likes a model and sees the count change on the page and in the creator’s counts', async () => {
    await fan.goto(url(`/models/${models[0]}`));
    await settled(fan);
    const like = fan.getByTestId('like-button');
    expect(await like.getAttribute('aria-pressed')).toBe('false');
    expect(await fan.getByTestId('like-count').textContent()).toBe('0');
    // The follow button beside the creator knows the fan follows them already.
    await fan.getByTestId('follow-button').filter({ hasText: 'Following · 1' }).waitFor();
    await like.click();
    await fan.locator('[data-testid="like-button"][aria-pressed="true"]').waitFor();
    expect(await fan.getByTestId('like-count').textContent()).toBe('1');
    await checkPage(fan, 'community-model');

    // Kept: the page read afresh shows it, and so do the creator's counts.
    await fan.reload();
    await settled(fan);
    expect(await fan.getByTestId('like-count').textContent()).toBe('1');
    await fan.goto(url(`/u/${creator.handle}`));
    await settled(fan);
    expect(await fan.getByTestId('stat-likes').textContent()).toBe('1');
  });

  it('sees the creator’s new release in the following feed', async () => {
    await journey.api.db.query(
      `INSERT INTO catalog.model_version (id, model_id, name, status, created_at, updated_at, published_at)
       VALUES (gen_random_uuid(), $1, 'v2 night ink', 'PUBLISHED', now(), now(), now())`,
      [models[1]],
    );
    await fan.goto(url('/feed'));
    await settled(fan);
    const first = fan.getByTestId('feed').getByRole('listitem').first();
    expect(await first.textContent()).toContain('Mira Ink');
    expect(await first.textContent()).toContain('v2 night ink');
    await checkPage(fan, 'community-feed');
    await fan.setViewportSize({ width: 390, height: 844 });
    expect(await horizontalOverflow(fan)).toEqual([]);
    await fan.setViewportSize({ width: 1280, height: 900 });
  });

  it('blocks a member from their profile: they can no longer follow you', async () => {
    await fan.goto(url(`/u/${troll.handle}`));
    await settled(fan);
    await fan.getByRole('button', { name: 'Block' }).click();
    await fan.getByRole('button', { name: `Block @${troll.handle}` }).click();
    await fan.getByRole('button', { name: 'Unblock' }).waitFor();
    expect(await fan.getByTestId('follow-button').count()).toBe(0);
    const [fanRow] = await journey.api.db.query<{ id: string }>(
      `SELECT id FROM identity.user WHERE display_name = 'Fan Person'`,
    );
    const attempt = await world(journey.api).as(troll)(
      `mutation($id: UUID!) { follow(kind: USER, id: $id) { following } }`,
      { id: fanRow!.id },
    );
    expect(attempt.errors?.[0]?.extensions?.code).toBe('BLOCKED');
    await fan.setViewportSize({ width: 390, height: 844 });
    expect(await horizontalOverflow(fan)).toEqual([]);
    await checkPage(fan, 'community-blocked');
  });

  it('shows an empty feed with a way forward to someone who follows nobody', async () => {
    const lonely = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    const user = await world(journey.api).member();
    await lonely.goto(url('/sign-in'));
    await lonely.getByLabel(/Email or handle/i).fill(user.handle);
    await lonely.getByLabel('Password').fill(user.password);
    await lonely.getByRole('button', { name: 'Sign in' }).click();
    await lonely.getByTestId('account-link').waitFor({ state: 'attached' });
    await lonely.goto(url('/feed'));
    await settled(lonely);
    await lonely.getByRole('heading', { name: 'Nothing here yet' }).waitFor();
    await lonely.getByRole('link', { name: 'Find creators to follow' }).waitFor();
  });
});
