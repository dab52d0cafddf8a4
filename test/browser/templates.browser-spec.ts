import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { REFERENCE_DIR, referenceAvailable } from '@lookbook/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { startTestWorker } from '../e2e/support/test-worker';
import { publishedVersion } from '../e2e/support/versions';
import { world } from '../e2e/support/world';
import { startBrowserJourney } from './support/browser';
import { checkPage } from './support/pages';

const present = referenceAvailable('comfyui');

/**
 * Workflow templates as people use them: a creator imports a real ComfyUI image from the studio, picks the suggested
 * parameters and publishes; a visitor sets their own seed and steps and downloads the workflow with them.
 */
(present ? describe : describe.skip)('workflow template journey', () => {
  let journey: Awaited<ReturnType<typeof startBrowserJourney>>;
  let worker: INestApplicationContext | undefined;
  let browser: Browser;
  let creator: Page;
  let visitor: Page;
  let buyer: Page;
  let templateUrl = '';
  let remixUrl = '';

  beforeAll(async () => {
    journey = await startBrowserJourney({});
    // The worker delivers the local gateway's webhooks and fulfils paid orders, as in production.
    worker = await startTestWorker(journey.api.db.url, {
      env: { LOCAL_GATEWAY_WEBHOOK_URL: `${journey.baseUrl}/webhooks/stripe`, DATA_DIR: journey.api.dataDir },
    });
    browser = journey.browser;
    creator = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    visitor = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })
    ).newPage();
    buyer = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  });
  afterAll(async () => {
    await worker?.close();
    await journey?.close();
  });

  async function signUp(page: Page, handle: string, name: string) {
    await page.goto(url('/sign-up'));
    await page.getByLabel('Handle').fill(handle);
    await page.getByLabel('Display name').fill(name);
    await page.getByLabel('Email').fill(`${handle}@example.test`);
    await page.getByLabel('Password').fill('lantern-harbor-violet-93');
    await page.getByText(/I accept the terms/).click();
    await page.getByRole('button', { name: 'Create account' }).click();
    // Signed in once the account link carries their name (hidden behind the menu on a phone).
    await page.getByTestId('account-link').filter({ hasText: name }).waitFor({ state: 'attached' });
  }

  const url = (path: string) => `${journey.baseUrl}${path}`;

  it('a creator imports a ComfyUI image, picks parameters and publishes', async () => {
    const handle = `wf-${Date.now() % 100000}`;
    await creator.goto(url('/sign-up'));
    await creator.getByLabel('Handle').fill(handle);
    await creator.getByLabel('Display name').fill('Workflow maker');
    await creator.getByLabel('Email').fill(`${handle}@example.test`);
    await creator.getByLabel('Password').fill('lantern-harbor-violet-93');
    await creator.getByText(/I accept the terms/).click();
    await creator.getByRole('button', { name: 'Create account' }).click();
    await creator.getByTestId('account-link').waitFor();
    await creator.goto(url('/studio'));
    await creator.getByRole('link', { name: 'New workflow template' }).click();
    await creator.getByLabel('Name').fill('Noise Offset Portrait');
    await creator.getByTestId('workflow-file').setInputFiles({
      name: 'lora.png',
      mimeType: 'image/png',
      buffer: readFileSync(join(REFERENCE_DIR, 'comfyui', 'lora.png')),
    });
    await checkPage(creator, 'template-new');
    await creator.getByRole('button', { name: 'Import' }).click();
    await creator.waitForURL(/\/templates\/[0-9a-f-]{36}$/);
    templateUrl = creator.url();
    await creator.getByTestId('slot-picker').waitFor();
    expect(await creator.getByTestId('lockfile').textContent()).toContain('epiNoiseoffset_v2.safetensors');
    // The image it was imported from is its first sample; the author adds another.
    await creator.getByTestId('studio-sample').first().waitFor();
    expect(await creator.getByTestId('studio-sample').count()).toBe(1);
    await creator.locator('input[type=file]').setInputFiles({
      name: 'another.png',
      mimeType: 'image/png',
      buffer: readFileSync(join(REFERENCE_DIR, 'comfyui', 'lora.png')),
    });
    await creator.getByTestId('studio-sample').nth(1).waitFor();
    await creator
      .getByTestId('slot-picker')
      .getByText(/KSampler · seed/)
      .click();
    await creator
      .getByTestId('slot-picker')
      .getByText(/KSampler · steps/)
      .click();
    await creator.getByRole('button', { name: 'Save parameters' }).click();
    await creator.getByText('Parameters saved.').waitFor();
    // The form below now offers them, at the workflow's values.
    await creator.getByTestId('parameter-form').waitFor();
    expect(await creator.getByTestId('parameter-form').getByLabel('KSampler · steps').inputValue()).toBe('20');
    await checkPage(creator, 'template-draft');
    await creator.getByRole('button', { name: /^Publish v1/ }).click();
    await creator.getByText('published', { exact: true }).waitFor();
  });

  it('a visitor sets the seed and steps and downloads the workflow with them', async () => {
    await visitor.goto(templateUrl);
    await visitor.getByTestId('parameter-form').waitFor();
    await visitor.getByLabel('KSampler · seed').fill('4242');
    await visitor.getByLabel('KSampler · steps').fill('33');
    await checkPage(visitor, 'template-page');
    const download = visitor.waitForEvent('download');
    await visitor.getByRole('button', { name: 'Download workflow' }).click();
    const saved = await (await download).path();
    const workflow = JSON.parse(readFileSync(saved, 'utf8')) as {
      nodes: { type: string; widgets_values: unknown[] }[];
      extra: { linearMode: boolean };
    };
    expect(workflow.nodes.find((n) => n.type === 'KSampler')!.widgets_values.slice(0, 3)).toEqual([4242, 'fixed', 33]);
    expect(workflow.extra.linearMode).toBe(true);
    // A value outside what the slot allows is explained in place.
    await visitor.getByLabel('KSampler · steps').fill('-3.5');
    await visitor.getByRole('button', { name: 'Download workflow' }).click();
    await visitor.getByText(/steps: expected a whole number/).waitFor();
  });

  it('a visitor finds the template by a misspelled word beside models, narrows to workflow templates, and opens it', async () => {
    await visitor.goto(url('/browse'));
    await visitor.getByTestId('search-input').fill('noise ofset portrait');
    await visitor.getByTestId('search-input').press('Enter');
    await visitor.waitForURL(/q=noise/);
    // The relay indexes the publish within seconds; until then the page says nothing matches.
    const card = visitor.getByTestId('template-card').filter({ hasText: 'Noise Offset Portrait' });
    for (let tries = 0; !(await card.isVisible()) && tries < 20; tries += 1) {
      await visitor.waitForTimeout(500);
      await visitor.reload();
    }
    await card.waitFor();
    await visitor.getByText('Showing results for').waitFor();
    await visitor.getByTestId('facet-kind-template').click();
    await visitor.waitForURL(/kind=template/);
    await visitor.getByRole('button', { name: 'Workflow templates only (remove filter)' }).waitFor();
    await card.waitFor();
    expect(await visitor.getByTestId('model-card').count()).toBe(0);
    await checkPage(visitor, 'search-templates');
    // The URL is the search: a shared link shows the same results.
    await visitor.goto(visitor.url());
    await card.waitFor();
    await card.getByRole('link', { name: 'Noise Offset Portrait', exact: true }).click();
    await visitor.waitForURL(templateUrl);
    await visitor.getByText('Workflow maker').first().waitFor();
  });

  it('the creator registers an IP and binds the template at 15 % with manual approval, the terms explained live', async () => {
    await creator.goto(url('/studio'));
    await creator.getByRole('link', { name: 'Your IPs' }).click();
    await creator.getByText('No IP yet').waitFor();
    await creator.getByText('No remix is waiting for a decision.').waitFor();
    await checkPage(creator, 'ip-console-empty');
    await creator.getByLabel('Name').fill('Harbour Cats');
    await creator.getByRole('button', { name: 'Register' }).click();
    await creator.getByTestId('ip-list').getByText('Harbour Cats').waitFor();
    const form = creator.getByTestId('bind-form');
    const explained = creator.getByTestId('terms-explained');
    await form.getByLabel('Your share of each remix sale (%)').fill('12.5');
    await explained.getByText(/You receive 12\.5% of every sale of a remix/).waitFor();
    await form.getByLabel('Your share of each remix sale (%)').fill('80');
    // Entered in percent, refused in percent (the API counts basis points).
    await form.getByText('Enter a share from 0% to 50%.').waitFor();
    await form.getByLabel('Your share of each remix sale (%)').fill('12.345');
    await form.getByText('Use at most two decimals, like 12.25.').waitFor();
    await form.getByLabel('Your share of each remix sale (%)').fill('15');
    await form.getByLabel('Credit line every remix shows').fill('Harbour Cats © Workflow maker');
    await explained.getByText('Every remix credits “Harbour Cats © Workflow maker”.').waitFor();
    await explained.getByText('You approve each remix before it can be published.').waitFor();
    await checkPage(creator, 'ip-console');
    await form.getByRole('button', { name: 'Bind to IP' }).click();
    await creator.getByText('Bound. Fans now remix it under these terms.').waitFor();
    await creator.goto(templateUrl);
    await creator
      .getByTestId('remix-terms')
      .getByText(/The IP owner receives 15%/)
      .waitFor();
  });

  it('a fan remixes it; the IP owner approves; the fan publishes and offers a commercial licence', async () => {
    await signUp(visitor, `fan-${Date.now() % 100000}`, 'Neon fan');
    await visitor.goto(templateUrl);
    // A share in percent that is out of range is refused in percent, before anything is sent.
    await visitor.getByLabel('Share to the original (%)').fill('150');
    await visitor.getByText('Enter a share from 0% to 100%.').waitFor();
    await visitor.getByRole('button', { name: 'Remix', exact: true }).click();
    expect(visitor.url()).toBe(templateUrl);
    await visitor.getByLabel('Share to the original (%)').fill('20');
    await visitor.getByRole('button', { name: 'Remix', exact: true }).click();
    await visitor.waitForURL((u) => /\/templates\/[0-9a-f-]{36}$/.test(u.pathname) && u.href !== templateUrl);
    remixUrl = visitor.url();
    await visitor.getByRole('button', { name: /^Publish v1/ }).click();
    await visitor.getByText(/has not approved this remix yet/).waitFor();

    await creator.goto(url('/studio/ips'));
    const queue = creator.getByTestId('remix-queue');
    await queue.getByText(/passing 20% of its sales up/).waitFor();
    // Named, with its fan; the IP owner may open the waiting remix (a draft to anyone else) before deciding.
    expect(await queue.textContent()).toMatch(/by Neon fan, a remix of Noise Offset Portrait/);
    await checkPage(creator, 'ip-console-queue');
    await queue.getByRole('link').first().click();
    await creator.waitForURL(remixUrl);
    await creator.getByText('draft', { exact: true }).first().waitFor();
    await creator.goBack();
    await queue.getByRole('button', { name: 'Approve' }).click();
    await creator.getByText('No remix is waiting for a decision.').waitFor();

    await visitor.reload();
    await visitor.getByRole('button', { name: /^Publish v1/ }).click();
    await visitor.getByText('published', { exact: true }).waitFor();
    // The first offer follows the IP terms: commercial, with the IP's credit line.
    const commercial = visitor.getByTestId('offer-COMMERCIAL');
    expect(await commercial.getByLabel('Credit line').inputValue()).toBe('Harbour Cats © Workflow maker');
    await commercial.getByLabel('Price').fill('100.00');
    await visitor.getByRole('button', { name: 'Save offers' }).click();
    await visitor.getByText('Offers saved.').waitFor();
    await checkPage(visitor, 'remix-page');
  });

  it('a buyer checks what they need, buys the remix’s commercial licence, and the checker explains an image', async () => {
    await signUp(buyer, `buyer-${Date.now() % 100000}`, 'Poster shop');
    await buyer.goto(remixUrl);
    const rollup = buyer.getByTestId('license-rollup');
    await rollup.getByTestId('rollup-verdict').getByText('Commercial use is not covered.').waitFor();
    // The template itself must be bought; the LoRA is not a file anyone here knows; SD 1.5 is published under an
    // open licence that allows commercial use.
    await rollup
      .getByTestId('rollup-blockers')
      .getByText(/You need the commercial licence/)
      .waitFor();
    await rollup.getByTestId('rollup-unchecked').getByText('epiNoiseoffset_v2.safetensors').waitFor();
    expect(await rollup.getByTestId('rollup-missing').textContent()).toMatch(
      /Licensing what is missing: \$100\.00 \(1 licence\)/,
    );
    const sd15 = rollup.locator('[data-testid="rollup-line"][data-status="OPEN_LICENSE"]');
    expect(await sd15.textContent()).toContain('CreativeML Open RAIL-M');
    await checkPage(buyer, 'template-rollup');
    await buyer.getByRole('button', { name: /Buy Commercial/ }).click();
    await buyer.waitForURL(/\/local-gateway\/checkout\//);
    await buyer.getByRole('button', { name: /Pay with test card/ }).click();
    await buyer.waitForURL(/\/orders\/.+checkout=success/);
    await buyer.getByTestId('order-licensed').waitFor({ timeout: 30_000 });
    await buyer.getByRole('link', { name: 'Open the template' }).click();
    await buyer.getByTestId('license-rollup').getByText('Licence held', { exact: true }).first().waitFor();
    // Bought, but the LoRA still cannot be checked: the card never calls that covered.
    const after = buyer.getByTestId('rollup-verdict');
    await after.getByText('Commercial use cannot be confirmed.').waitFor();
    expect(await buyer.getByTestId('rollup-summary').textContent()).not.toMatch(/covered/i);

    // The checker: the reference image, dropped in; nothing of it is in the catalog here, and it says so.
    await buyer.goto(url('/check'));
    await buyer.getByText('Nothing checked yet.').waitFor();
    await checkPage(buyer, 'check-empty');
    await buyer.getByTestId('check-file').setInputFiles({
      name: 'lora.png',
      mimeType: 'image/png',
      buffer: readFileSync(join(REFERENCE_DIR, 'comfyui', 'lora.png')),
    });
    // One file is SD 1.5 (by its name), the other a LoRA nobody here knows: unverified, never "covered".
    await buyer.getByTestId('rollup-verdict').getByText('Commercial use cannot be confirmed.').waitFor();
    expect(await buyer.getByTestId('rollup-line').count()).toBe(2);
    const unverified = await buyer.getByTestId('license-rollup').getByRole('status').first().textContent();
    expect(unverified).not.toMatch(/covered/i);
    expect(unverified).toContain(
      '1 of 2 files could not be checked: we do not know it, so we cannot tell its licence. The other one checks out.',
    );
    expect(await buyer.getByTestId('rollup-unchecked').textContent()).toContain('epiNoiseoffset_v2.safetensors');
    await checkPage(buyer, 'check-result');

    // A FLUX.1 [dev] image for commercial use: not covered, naming the licence with a link to it.
    await buyer.getByTestId('check-file').setInputFiles({
      name: 'flux_dev_example.png',
      mimeType: 'image/png',
      buffer: readFileSync(join(REFERENCE_DIR, 'comfyui', 'flux_dev_example.png')),
    });
    await buyer.getByTestId('rollup-verdict').getByText('Commercial use is not covered.').waitFor();
    const verdict = await buyer.getByTestId('rollup-verdict').textContent();
    expect(verdict).not.toMatch(/\bis covered|covered for/i);
    const blockers = buyer.getByTestId('rollup-blockers');
    expect(await blockers.textContent()).toContain(
      'flux1-dev.safetensors: Not covered: FLUX.1 [dev] Non-Commercial License does not allow commercial use',
    );
    expect(await blockers.getByRole('link', { name: 'FLUX.1 [dev] Non-Commercial License' }).getAttribute('href')).toBe(
      'https://huggingface.co/black-forest-labs/FLUX.1-dev/blob/main/LICENSE.md',
    );
    expect(await buyer.locator('[data-testid="rollup-line"][data-status="OPEN_LICENSE"]').count()).toBe(3);
    await checkPage(buyer, 'check-flux-dev-commercial');
    // For personal use every file is known and allowed: covered.
    await buyer.getByLabel('What do you want to do?').selectOption('PERSONAL');
    await buyer.getByTestId('rollup-verdict').getByText('Personal use is covered.').waitFor();
    await checkPage(buyer, 'check-flux-dev-personal');
    // A file that is not a workflow gets a clear error.
    await buyer.getByTestId('check-file').setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"nodes": ['),
    });
    await buyer.getByRole('alert').waitFor();
  });

  it('the IP owner sees their share of the remix sale, then unbinds the template, told first what that does', async () => {
    // The sale's splits name the IP owner's share (with the 20 % the remix passes to the original, also theirs).
    await creator.goto(url('/earnings'));
    await creator
      .getByTestId('sale-split')
      .filter({ hasText: /IP owner Workflow maker \(32\.00%\)/ })
      .waitFor();
    await creator.goto(url('/studio/ips'));
    const bound = creator.getByTestId('bound-templates');
    await bound.getByText(/Harbour Cats · your share 15% of each remix sale/).waitFor();
    await bound.getByRole('button', { name: 'Unbind…' }).click();
    const confirmation = creator.getByTestId('unbind-confirmation');
    await creator.getByRole('heading', { name: 'Unbind “Noise Offset Portrait” from Harbour Cats?' }).waitFor();
    await confirmation.getByText(/its remixes, at any depth, leave Harbour Cats: they stop paying your 15%/).waitFor();
    await confirmation.getByText(/Remixes waiting for your approval are approved/).waitFor();
    await checkPage(creator, 'ip-console-unbind');
    // Changing one's mind changes nothing.
    await confirmation.getByRole('button', { name: 'Keep it bound' }).click();
    await confirmation.waitFor({ state: 'detached' });
    await bound.getByRole('button', { name: 'Unbind…' }).click();
    await creator.getByTestId('unbind-confirmation').getByRole('button', { name: 'Unbind', exact: true }).click();
    await creator.getByText('Unbound “Noise Offset Portrait”. 1 remix left the IP.').waitFor();
    // It may be bound again: it is back in the bind form; its page no longer names an IP share.
    await creator
      .getByTestId('bind-form')
      .getByRole('option', { name: /Noise Offset Portrait/ })
      .waitFor({
        state: 'attached',
      });
    await creator.goto(templateUrl);
    await creator.getByTestId('remix-terms').getByText('No share of remix sales goes to an IP owner.').waitFor();
  });

  it('a creator declares the model theirs derives from, with a share; buyers see it on the model page', async () => {
    const original = await world(journey.api).member();
    const deriver = await world(journey.api).member();
    const base = await publishedVersion(journey.api, original);
    const tuned = await publishedVersion(journey.api, deriver);
    const [row] = await journey.api.db.query<{ name: string }>(`SELECT name FROM catalog.style_model WHERE id = $1`, [
      base.modelId,
    ]);
    const baseName = row!.name;
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await page.goto(url('/sign-in'));
    await page.getByLabel('Email or handle').fill(deriver.email);
    await page.getByLabel('Password').fill(deriver.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('account-link').waitFor({ state: 'attached' });
    await page.goto(url(`/studio/models/${tuned.modelId}`));
    await page.getByText('No parent declared.').waitFor();
    // A link that is not a model's is refused in place; a share over 100 % too.
    await page.getByLabel('Parent model (link or id)').fill('https://example.test/not-a-model');
    await page.getByText('Paste a model page link or its id').waitFor();
    await page.getByLabel('Parent model (link or id)').fill(url(`/models/${base.modelId}`));
    await page.getByLabel('How').selectOption('FINETUNE');
    await page.getByLabel('Share of each sale (%)').fill('120');
    await page.getByText('Enter a share from 0% to 100%.').waitFor();
    await page.getByLabel('Share of each sale (%)').fill('20');
    await page.getByRole('button', { name: 'Declare parent' }).click();
    await page.getByTestId('model-parents').getByText(baseName).waitFor();
    await checkPage(page, 'model-derived-from');
    // Buyers see where it comes from, and who its price pays.
    await page.goto(url(`/models/${tuned.modelId}`));
    const derived = page.getByTestId('model-derived-from');
    await derived.getByRole('link', { name: baseName }).waitFor();
    expect(await derived.textContent()).toContain('20 % of each sale goes to its author');
    await checkPage(page, 'model-page-derived');
  });
});
