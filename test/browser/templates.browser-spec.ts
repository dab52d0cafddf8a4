import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { REFERENCE_DIR, referenceAvailable } from '@lookbook/testing';
import { startBrowserJourney } from './support/browser';
import { checkPage } from './support/pages';

const present = referenceAvailable('comfyui');

/**
 * Workflow templates as people use them: a creator imports a real ComfyUI image from the studio, picks the suggested
 * parameters and publishes; a visitor sets their own seed and steps and downloads the workflow with them.
 */
(present ? describe : describe.skip)('workflow template journey', () => {
  let journey: Awaited<ReturnType<typeof startBrowserJourney>>;
  let browser: Browser;
  let creator: Page;
  let visitor: Page;
  let templateUrl = '';

  beforeAll(async () => {
    journey = await startBrowserJourney({});
    browser = journey.browser;
    creator = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    visitor = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })
    ).newPage();
  });
  afterAll(() => journey?.close());

  const url = (path: string) => `${journey.baseUrl}${path}`;

  it('a creator imports a ComfyUI image, picks parameters and publishes', async () => {
    const handle = `wf-${Date.now() % 100000}`;
    await creator.goto(url('/sign-up'));
    await creator.getByLabel('Handle').fill(handle);
    await creator.getByLabel('Display name').fill('Workflow maker');
    await creator.getByLabel('Email').fill(`${handle}@example.test`);
    await creator.getByLabel('Password').fill('lantern-harbor-violet-93');
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
});
