import type { INestApplicationContext } from '@nestjs/common';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO, DEMO_BUYER, seedDemoContent } from '@lookbook/demo';
import { startTestWorker } from '../e2e/support/test-worker';
import { startBrowserJourney } from './support/browser';
import { horizontalOverflow, screenshots, settled } from './support/pages';

/**
 * Every page of the client on a phone: the demo catalog (made through the API the way `npm start` makes it: five
 * creators, paid and free licences, sales and payouts, an IP with an approved and a waiting remix) is walked at 390 px,
 * signed out and as the person each page is for, and no page may be wider than the screen. The failure names the
 * elements that stick out. Each page is photographed at 390 and 1280 px (dist/screenshots/walk-*).
 */
describe('every page on a 390 px phone', () => {
  let journey: Awaited<ReturnType<typeof startBrowserJourney>>;
  let worker: INestApplicationContext;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const ids: Record<string, string> = {};

  const gql = async <T>(token: string | null, query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${journey.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (!body.data) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const signIn = async (person: { email: string; password: string }) =>
    (
      await gql<{ signIn: { accessToken: string; accessTokenExpiresAt: string; refreshToken: string } }>(
        null,
        `mutation($i: SignInInput!) { signIn(input: $i) { accessToken accessTokenExpiresAt refreshToken } }`,
        { i: { login: person.email, password: person.password } },
      )
    ).signIn;

  /** A phone-sized page, signed in as `person` (its session put where the client keeps it) or signed out. */
  async function phone(person?: { email: string; password: string }): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    contexts.push(context);
    if (person) {
      const tokens = await signIn(person);
      // Where the client keeps a session; set once, so the client's own refreshes are not undone on the next page.
      await context.addInitScript(
        `if (!localStorage.getItem('lookbook.session')) localStorage.setItem('lookbook.session', ${JSON.stringify(JSON.stringify(tokens))});`,
      );
    }
    return context.newPage();
  }

  beforeAll(async () => {
    journey = await startBrowserJourney({ env: { PLATFORM_FEE_BPS: '1000' } });
    worker = await startTestWorker(journey.api.db.url, {
      env: {
        LOCAL_GATEWAY_WEBHOOK_URL: `${journey.baseUrl}/webhooks/stripe`,
        PLATFORM_FEE_BPS: '1000',
        DATA_DIR: journey.api.dataDir,
      },
    });
    browser = journey.browser;
    await seedDemoContent(journey.baseUrl, journey.api.db.url);

    const ada = await signIn(DEMO);
    const grace = await signIn(DEMO_BUYER);
    ids['adaToken'] = ada.accessToken;
    const { styleModels } = await gql<{
      styleModels: { nodes: { id: string; name: string; versions: { id: string }[] }[] };
    }>(null, `{ styleModels(first: 100) { nodes { id name versions { id } } } }`);
    const inkWash = styleModels.nodes.find((m) => m.name === 'Ink Wash')!;
    ids['model'] = inkWash.id;
    ids['version'] = inkWash.versions[0]!.id;
    const { myTemplates } = await gql<{ myTemplates: { id: string; name: string }[] }>(
      ada.accessToken,
      `{ myTemplates { id name } }`,
    );
    ids['template'] = myTemplates.find((t) => t.name !== 'Harbour Cats in Neon')!.id;
    const { myOrders } = await gql<{ myOrders: { nodes: { id: string; status: string }[] } }>(
      grace.accessToken,
      `{ myOrders(first: 50) { nodes { id status } } }`,
    );
    ids['order'] = myOrders.nodes.find((o) => o.status === 'FULFILLED')?.id ?? myOrders.nodes[0]!.id;
    const { myLicenses } = await gql<{ myLicenses: { nodes: { certificate: string | null }[] } }>(
      grace.accessToken,
      `{ myLicenses(first: 5) { nodes { certificate } } }`,
    );
    ids['certificate'] = myLicenses.nodes.find((l) => l.certificate)!.certificate!;
  }, 600_000);
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await worker?.close();
    await journey?.close();
  });

  const url = (path: string) => `${journey.baseUrl}${path}`;

  /** Opens the page, waits until it has settled, photographs it, and fails with the offenders if it is too wide. */
  async function walk(page: Page, path: string, name: string, ready?: (page: Page) => Promise<unknown>) {
    await page.goto(url(path));
    await settled(page);
    if (ready) await ready(page);
    await settled(page);
    const offenders = await horizontalOverflow(page);
    await screenshots(page, `walk-${name}`);
    if (offenders.length) tooWide[path] = offenders;
  }
  /** Every page too wide, with what sticks out on each (all of them, not just the first). */
  const tooWide: Record<string, string[]> = {};
  const noneTooWide = () => {
    const found = { ...tooWide };
    for (const key of Object.keys(tooWide)) delete tooWide[key];
    expect(found).toEqual({});
  };

  it('signed out: browse, model, version, template, profile, check, verify, sign-in, sign-up, 404', async () => {
    const page = await phone();
    await walk(page, '/browse', 'browse', (p) => p.getByTestId('model-card').first().waitFor());
    await walk(page, '/browse?kind=template', 'browse-templates');
    await walk(page, '/browse?q=zzzzqqqq', 'browse-no-results');
    await walk(page, `/models/${ids['model']}`, 'model', (p) => p.getByTestId('permissions-cards').waitFor());
    await walk(page, `/versions/${ids['version']}`, 'version', (p) => p.getByTestId('model-page').waitFor());
    await walk(page, `/templates/${ids['template']}`, 'template');
    await walk(page, '/u/ada', 'profile', (p) => p.getByTestId('model-card').first().waitFor());
    await walk(page, '/check', 'check');
    await walk(page, '/verify', 'verify');
    await walk(page, `/verify#${ids['certificate']}`, 'verify-valid', (p) =>
      p.locator('[data-testid=verify-result]').waitFor(),
    );
    await walk(page, '/sign-in', 'sign-in');
    await walk(page, '/sign-up', 'sign-up');
    await walk(page, '/this-does-not-exist', 'not-found');
    await walk(page, `/models/00000000-0000-4000-8000-000000000000`, 'model-missing');
    noneTooWide();
  });

  it('as the buyer: library, order, account, model page with a bought licence', async () => {
    const page = await phone(DEMO_BUYER);
    await walk(page, '/library', 'library', (p) => p.getByTestId('licence').first().waitFor());
    await walk(page, `/orders/${ids['order']}`, 'order');
    await walk(page, '/account', 'account-buyer', (p) => p.getByTestId('session').first().waitFor());
    await walk(page, `/models/${ids['model']}`, 'model-buyer', (p) => p.getByTestId('permissions-cards').waitFor());
    await walk(page, `/templates/${ids['template']}`, 'template-buyer');
    noneTooWide();
  });

  it('as the creator (an admin with an IP): studio, editors, IP console, earnings, staff, account', async () => {
    const page = await phone(DEMO);
    await walk(page, '/studio', 'studio');
    await walk(page, '/studio/new', 'studio-new');
    await walk(page, `/studio/models/${ids['model']}`, 'studio-model');
    await walk(page, `/studio/versions/${ids['version']}`, 'studio-version');
    await walk(page, '/studio/templates/new', 'studio-new-template');
    await walk(page, '/studio/ips', 'ip-console');
    await walk(page, `/templates/${ids['template']}`, 'template-author');
    await walk(page, '/earnings', 'earnings', (p) =>
      p.locator('[data-testid=earnings-chart] .recharts-bar-rectangle').first().waitFor(),
    );
    await chartIsOwnShareOnTimeAxis(page);
    await walk(page, '/staff', 'staff');
    await walk(page, '/account', 'account', (p) => p.getByTestId('session').first().waitFor());
    noneTooWide();
  });

  /**
   * The earnings chart: the viewer's own share (the API's figure for them, not the sum of every party's split), one
   * slot per day of the window so dates sit where their time is, evenly spaced date labels, today's bar at the right.
   */
  async function chartIsOwnShareOnTimeAxis(page: Page) {
    const { myEarningsByDay } = await gql<{ myEarningsByDay: { currency: string; total: number }[] }>(
      ids['adaToken']!,
      `{ myEarningsByDay(days: 90) { currency total } }`,
    );
    const chart = await page.evaluate<{
      days: string;
      label: string;
      legend: string;
      bars: { left: number; height: number }[];
      ticks: number[];
      width: number;
    }>(`(() => {
      const c = document.querySelector('[data-testid=earnings-chart]');
      const box = c.getBoundingClientRect();
      return {
        days: c.dataset.days,
        label: c.getAttribute('aria-label'),
        legend: c.querySelector('.recharts-legend-wrapper').textContent,
        bars: [...c.querySelectorAll('.recharts-bar-rectangle path')].map((p) => p.getBoundingClientRect())
          .filter((r) => r.height > 0).map((r) => ({ left: r.left - box.left, height: r.height })),
        ticks: [...c.querySelectorAll('.recharts-xAxis .recharts-cartesian-axis-tick line')]
          .map((t) => t.getBoundingClientRect().left - box.left),
        width: box.width,
      };
    })()`);
    const usd = myEarningsByDay.find((s) => s.currency === 'USD')!;
    expect(chart.days).toBe('90');
    expect(chart.legend).toBe('Your share (USD)');
    expect(chart.label).toContain(`$${(usd.total / 100).toFixed(2)}`);
    // The demo's sales are all today: one bar, at the right end of a 90-day axis.
    expect(chart.bars).toHaveLength(1);
    expect(chart.bars[0]!.left).toBeGreaterThan(chart.width * 0.85);
    expect(chart.ticks.length).toBeGreaterThanOrEqual(4);
    const gaps = chart.ticks.slice(1).map((x, i) => x - chart.ticks[i]!);
    for (const gap of gaps) expect(Math.abs(gap - gaps[0]!)).toBeLessThan(2);
  }

  it('a refund asks first, with a reason; cancelling changes nothing', async () => {
    const page = await phone(DEMO_BUYER);
    await page.goto(url('/library'));
    const row = page.getByTestId('order-row').filter({ has: page.getByRole('button', { name: 'Request refund' }) });
    await row.first().waitFor();
    const orderId = (await row.first().getByRole('link').first().getAttribute('href'))!.split('/').pop()!;
    const refunds = async () =>
      Number(
        (
          await journey.api.db.query<{ n: string }>(`SELECT count(*) AS n FROM commerce.refund WHERE order_id = $1`, [
            orderId,
          ])
        )[0]!.n,
      );
    await row.first().getByRole('button', { name: 'Request refund' }).click();
    const dialog = page.getByRole('dialog', { name: 'Refund this order?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/goes back to how you paid/);
    await screenshots(page, 'walk-refund-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await refunds()).toBe(0);

    await row.first().getByRole('button', { name: 'Request refund' }).click();
    await dialog.getByLabel('Why are you asking for a refund? (optional)').fill('Bought the wrong tier');
    await dialog.getByRole('button', { name: /^Refund / }).click();
    await page.getByText('Refund requested. The licence ends when the refund goes through.').waitFor();
    expect(await refunds()).toBe(1);
  });

  it('a revoked licence offers no downloads, only what still works', async () => {
    const grace = await signIn(DEMO_BUYER);
    const { myLicenses } = await gql<{
      myLicenses: { nodes: { id: string; status: string; resourceName: string; subjectKind: string }[] };
    }>(grace.accessToken, `{ myLicenses(first: 50) { nodes { id status resourceName subjectKind } } }`);
    const licence = myLicenses.nodes.find((l) => l.status === 'ACTIVE' && l.subjectKind === 'MODEL')!;
    await gql(ids['adaToken']!, `mutation($id: UUID!) { revokeLicense(id: $id, reason: TERMS_VIOLATION) { id } }`, {
      id: licence.id,
    });
    const page = await phone(DEMO_BUYER);
    await page.goto(url('/library'));
    const card = page.getByTestId('licence').filter({ hasText: licence.resourceName });
    await card.getByText('Revoked: Terms violation.').waitFor();
    for (const name of ['Downloads', 'Download certificate', 'Copy verification link'])
      expect(await card.getByRole(name === 'Downloads' ? 'link' : 'button', { name }).count()).toBe(0);
    await card.getByRole('link', { name: 'View model' }).waitFor();
    await card.getByTestId('verify-link').waitFor();
    const active = page.getByTestId('licence').filter({ hasNot: page.getByText(/^Revoked/) });
    await active
      .first()
      .getByRole('link', { name: /Downloads|Template/ })
      .waitFor();
    await screenshots(page, 'walk-library-revoked');
  });

  it('a refused model file says why in a sentence, offers no useless Retry, and no format the API refuses', async () => {
    const { createModelVersion } = await gql<{ createModelVersion: { id: string } }>(
      ids['adaToken']!,
      `mutation($m: UUID!) { createModelVersion(modelId: $m, input: { name: "v3.0-draft" }) { id } }`,
      { m: ids['model'] },
    );
    const page = await phone(DEMO);
    await page.goto(url(`/studio/versions/${createModelVersion.id}`));
    const input = page.locator('input[type=file][accept=".safetensors"]');
    await input.waitFor({ state: 'attached' });
    await page.getByText('.safetensors files up to 20 GB.').waitFor();
    // A format the API does not take is refused before any upload starts.
    await input.setInputFiles({
      name: 'ink_wash.gguf',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('GGUF'),
    });
    await page
      .getByText(
        'ink_wash.gguf: Lookbook takes safetensors model files only. Convert the file to that format and choose it again.',
      )
      .waitFor();
    // A name the API refuses: its sentence, never "[object Object]", and no Retry (it would fail the same way).
    await input.setInputFiles({
      name: '.hidden.safetensors',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('x'),
    });
    const error = page.getByTestId('upload-error');
    await error.waitFor();
    expect(await error.textContent()).toBe(
      'Lookbook takes safetensors model files, with a name of 1–200 characters that does not start with a dot or contain folders or control characters.',
    );
    expect(await page.getByRole('button', { name: 'Retry' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Dismiss' }).waitFor();
    expect(await horizontalOverflow(page)).toEqual([]);
    await screenshots(page, 'walk-upload-refused');
  });
});
