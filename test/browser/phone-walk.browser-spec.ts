import type { INestApplicationContext } from '@nestjs/common';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO, DEMO_BUYER, seedDemoContent } from '../../tools/seed-demo';
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
    await walk(page, '/', 'browse', (p) => p.getByTestId('model-card').first().waitFor());
    await walk(page, '/?kind=template', 'browse-templates');
    await walk(page, '/?q=zzzzqqqq', 'browse-no-results');
    await walk(page, `/models/${ids['model']}`, 'model', (p) => p.getByTestId('permissions-matrix').waitFor());
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
    await walk(page, `/models/${ids['model']}`, 'model-buyer', (p) => p.getByTestId('permissions-matrix').waitFor());
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
    await walk(page, '/earnings', 'earnings', (p) => p.getByTestId('sale').first().waitFor());
    await walk(page, '/staff', 'staff');
    await walk(page, '/account', 'account', (p) => p.getByTestId('session').first().waitFor());
    noneTooWide();
  });
});
