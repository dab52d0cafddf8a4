import { readFileSync } from 'node:fs';
import request from 'supertest';
import type { Page } from 'playwright-core';
import { PROMOTED_WIDGETS_WORKFLOW } from '@lookbook/comfyui/testing';
import type { TestUser } from '@lookbook/testing';
import { gql } from '@lookbook/testing';
import { world } from '../e2e/support/world';
import { startBrowserJourney } from './support/browser';
import { checkPage } from './support/pages';

const SLOT_FIELDS = `key nodeId widget label type default min max options pattern maxLength`;

/**
 * A template whose parameters are a subgraph's promoted widgets, as current ComfyUI saves them: its author sees them
 * suggested and picks them; a visitor finds them in the parameter form (the 64-bit seed digit for digit), changes one
 * and downloads a workflow where only that value changed — the seed left alone keeps its own behaviour.
 */
describe('template parameters from promoted subgraph widgets', () => {
  let journey: Awaited<ReturnType<typeof startBrowserJourney>>;
  let author: TestUser;
  let templateId = '';
  let versionId = '';

  beforeAll(async () => {
    journey = await startBrowserJourney({});
    author = await world(journey.api).member();
    const created = await gql<{ createTemplate: { id: string } }>(
      journey.api.server,
      `mutation($i: CreateTemplateInput!) { createTemplate(input: $i) { id } }`,
      { i: { name: 'Lighthouse subgraph' } },
      author.accessToken,
    );
    templateId = created.data!.createTemplate.id;
    const imported = await request(journey.api.server)
      .post(`/api/v1/templates/${templateId}/versions`)
      .set('authorization', `Bearer ${author.accessToken}`)
      .set('content-type', 'application/octet-stream')
      .send(Buffer.from(PROMOTED_WIDGETS_WORKFLOW));
    versionId = (imported.body as { id: string }).id;
  });
  afterAll(() => journey?.close());

  const url = (path: string) => `${journey.baseUrl}${path}`;

  async function signIn(page: Page, user: TestUser) {
    await page.goto(url('/sign-in'));
    await page.getByLabel('Email or handle').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('account-link').waitFor({ state: 'attached' });
  }

  it('the author is offered the promoted widgets, the seed with every digit, and publishes them', async () => {
    const page = await (await journey.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signIn(page, author);
    await page.goto(url(`/templates/${templateId}`));
    const picker = page.getByTestId('slot-picker');
    await picker.waitFor();
    for (const label of ['prompt', 'steps', 'cfg']) await picker.getByText(`Text to Image · ${label}`).waitFor();
    expect(await picker.textContent()).toContain('Text to Image · seed (seed, now 18446744073709551615)');
    for (const label of ['prompt', 'seed', 'steps']) await picker.getByText(`Text to Image · ${label}`).click();
    await page.getByRole('button', { name: 'Save parameters' }).click();
    await page.getByText('Parameters saved.').waitFor();
    await checkPage(page, 'template-promoted-draft');
    await page.getByRole('button', { name: /^Publish v1/ }).click();
    await page.getByText('published', { exact: true }).waitFor();
    const published = await gql<{ templateVersion: { status: string; slots: { key: string }[] } }>(
      journey.api.server,
      `query($id: UUID!) { templateVersion(id: $id) { status slots { ${SLOT_FIELDS} } } }`,
      { id: versionId },
    );
    expect(published.data!.templateVersion.slots.map((s) => s.key)).toEqual(['prompt', 'seed', 'steps']);
  });

  it('a visitor sets the promoted prompt and steps; the download changes those and leaves the seed as authored', async () => {
    for (const width of [390, 1280]) {
      const page = await (
        await journey.browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true })
      ).newPage();
      await page.goto(url(`/templates/${templateId}`));
      const form = page.getByTestId('parameter-form');
      await form.waitFor();
      expect(await form.getByLabel('Text to Image · seed').inputValue()).toBe('18446744073709551615');
      expect(await form.getByLabel('Text to Image · steps').inputValue()).toBe('30');
      await form.getByLabel('Text to Image · prompt').fill('a harbour at dawn');
      await form.getByLabel('Text to Image · steps').fill('12');
      if (width === 1280) await checkPage(page, 'template-promoted-parameters');
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download workflow' }).click();
      const saved = readFileSync(await (await download).path(), 'utf8');
      // The instance's values and the interior's, as the visitor set them; the seed every digit, still randomized.
      expect(saved).toContain(
        '"widgets_values": ["a harbour at dawn", 18446744073709551615, "randomize", 12, 6.5, null]',
      );
      expect(saved).toContain('"widgets_values": [18446744073709551615, "randomize", 12, 6.5, "euler", "normal", 1]');
      expect(saved).toContain(
        '"lookbookProbe": { "big": 18446744073709551615, "huge": 1e400, "negativeZero": -0, "one": 1.0 }',
      );
      // A seed the visitor types is fixed in the download.
      await form.getByLabel('Text to Image · seed').fill('18446744073709551614');
      const pinned = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download workflow' }).click();
      expect(readFileSync(await (await pinned).path(), 'utf8')).toContain(
        '"widgets_values": ["a harbour at dawn", 18446744073709551614, "fixed", 12, 6.5, null]',
      );
      await page.context().close();
    }
  });
});
