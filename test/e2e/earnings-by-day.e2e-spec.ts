import type { TestUser } from '@lookbook/testing';
import { errorCode, gql, OFFERS } from '@lookbook/testing';
import { PaymentsDriver } from './support/payments';
import { comfyuiReferencePresent, publishTemplateVersion, referenceTemplate, remixOf } from './support/templates';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { world } from './support/world';

const BIND = `mutation($t: UUID!, $ip: UUID!, $terms: RemixTermsInput!) { bindTemplateToIp(templateId: $t, ipId: $ip, terms: $terms) { id } }`;
const SET_OFFERS = `mutation($v: UUID!, $o: [LicenseOfferInput!]!) { setTemplateLicenseOffers(versionId: $v, offers: $o) { id tier } }`;
const BY_DAY = `query($d: Int) { myEarningsByDay(days: $d) { currency total days { day amount } } }`;
const SALES = `query { mySales(first: 50) { nodes { orderId price yourShare splits { amount recipient { handle } } } } }`;
const REFUND = `mutation($id: UUID!) { refundOrder(orderId: $id) { amount } }`;

interface Series {
  currency: string;
  total: number;
  days: { day: string; amount: number }[];
}

const DAY_MS = 86_400_000;
const utcDay = (offset: number) => new Date(Date.now() - offset * DAY_MS).toISOString().slice(0, 10);

/**
 * Earnings by day are the viewer's own share: an IP owner's template is remixed by an artist (20 % to the original,
 * 15 % to the IP owner), the artist sells three licences at different prices on different days; each party's series
 * holds exactly their splits of each day's sales (never the price, never the other parties' parts), on every day of
 * the window with zeros where nothing sold, and a refund takes the clawed-back part out. Bad windows are typed errors.
 */
(comfyuiReferencePresent ? describe : describe.skip)('earnings by day: your own share, day by day', () => {
  let api: TestApi;
  let pay: PaymentsDriver;
  let owner: TestUser;
  let artist: TestUser;
  let offerIds: string[] = [];
  const orders: { id: string; price: number; daysAgo: number }[] = [];

  const as = <T>(user: TestUser, query: string, variables: Record<string, unknown> = {}) =>
    gql<T>(api.server, query, variables, user.accessToken);
  const splitOf = async (orderId: string, user: TestUser) => {
    const [row] = await api.db.query<{ amount: string; clawed_back: string }>(
      `SELECT amount, clawed_back FROM commerce.order_split WHERE order_id = $1 AND recipient_id = $2`,
      [orderId, user.id],
    );
    return row ? Number(row.amount) - Number(row.clawed_back) : 0;
  };
  const series = async (user: TestUser, days?: number) => {
    const result = await as<{ myEarningsByDay: Series[] }>(user, BY_DAY, days === undefined ? {} : { d: days });
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.myEarningsByDay;
  };

  beforeAll(async () => {
    api = await startTestApi({ env: { PLATFORM_FEE_BPS: '1000' } });
    pay = new PaymentsDriver(api);
    [owner, artist] = [await world(api).member(), await world(api).member()];
    for (const user of [owner, artist]) await pay.onboard(user);
    const original = await referenceTemplate(api, owner, 'Lighthouse Cats', { draft: true });
    const ip = await as<{ registerIntellectualProperty: { id: string } }>(
      owner,
      `mutation { registerIntellectualProperty(input: { name: "Lighthouse Cats", kind: FRANCHISE }) { id } }`,
    );
    const terms = {
      remixAllowed: true,
      changeableSlots: null,
      allowedUses: ['PERSONAL', 'COMMERCIAL'],
      attribution: ['Lighthouse Cats © Owner'],
      ipShareBps: 1500,
      maxMaturity: 'SUGGESTIVE',
      requiredTags: [],
      approval: 'AUTOMATIC',
    };
    expect(
      errorCode(await as(owner, BIND, { t: original.id, ip: ip.data!.registerIntellectualProperty.id, terms })),
    ).toBeUndefined();
    await publishTemplateVersion(api, owner, original.versionId);
    const remix = await remixOf(api, artist, original.id, 'Lighthouse Cats at Night', 2000);
    await publishTemplateVersion(api, artist, remix.versionId);
    const credited = { creditRequired: true, creditLine: 'Lighthouse Cats © Owner' };
    const offered = await as<{ setTemplateLicenseOffers: { id: string; tier: string }[] }>(artist, SET_OFFERS, {
      v: remix.versionId,
      o: [
        {
          ...OFFERS.personal,
          priceAmount: 997,
          priceCurrency: 'USD',
          permissions: { ...OFFERS.personal.permissions, ...credited },
        },
        {
          ...OFFERS.commercial,
          priceAmount: 4590,
          priceCurrency: 'USD',
          permissions: { ...OFFERS.commercial.permissions, ...credited },
        },
      ],
    });
    if (!offered.data) throw new Error(JSON.stringify(offered.errors));
    offerIds = offered.data.setTemplateLicenseOffers.map((o) => o.id);

    // Three buyers: 997 five days ago, 4,590 and 997 today.
    for (const [offer, price, daysAgo] of [
      [0, 997, 5],
      [1, 4590, 0],
      [0, 997, 0],
    ] as const) {
      const { orderId } = await pay.buy(await world(api).member(), offerIds[offer]!);
      orders.push({ id: orderId, price, daysAgo });
    }
    await pay.settle();
    // The first sale happened days ago (the sale itself is unchanged; only when it was paid).
    await api.db.query(`UPDATE commerce."order" SET paid_at = paid_at - interval '5 days' WHERE id = $1`, [
      orders[0]!.id,
    ]);
  });
  afterAll(() => api?.close());

  it('gives each party exactly their own splits per day, not the price', async () => {
    for (const user of [artist, owner]) {
      const [usd, ...others] = await series(user, 30);
      expect(others).toEqual([]);
      expect(usd!.currency).toBe('USD');
      expect(usd!.days).toHaveLength(30);
      expect(usd!.days.at(-1)!.day).toBe(utcDay(0));
      expect(usd!.days[0]!.day).toBe(utcDay(29));
      const expected = new Map<string, number>();
      for (const order of orders) {
        const day = utcDay(order.daysAgo);
        expected.set(day, (expected.get(day) ?? 0) + (await splitOf(order.id, user)));
      }
      for (const point of usd!.days)
        expect([point.day, point.amount]).toEqual([point.day, expected.get(point.day) ?? 0]);
      expect(usd!.total).toBe([...expected.values()].reduce((a, b) => a + b, 0));
      // Zero days are there, and the days with sales are the two sale days only.
      expect(usd!.days.filter((d) => d.amount > 0).map((d) => d.day)).toEqual([utcDay(5), utcDay(0)]);
    }
    // Neither party's series is the price: together (with the platform's 10 %) they make it up.
    const today = async (user: TestUser) => (await series(user, 1))[0]!.days[0]!.amount;
    const [artistToday, ownerToday] = [await today(artist), await today(owner)];
    expect(artistToday).toBeLessThan(4590 + 997);
    expect(ownerToday).toBeGreaterThan(0);
    const [paid] = await api.db.query<{ net: string }>(
      `SELECT sum(amount - platform_fee) AS net FROM commerce."order" WHERE id = ANY($1::uuid[])`,
      [[orders[1]!.id, orders[2]!.id]],
    );
    expect(artistToday + ownerToday).toBe(Number(paid!.net));
  });

  it('names your share on each sale, equal to your split', async () => {
    for (const user of [artist, owner]) {
      const sales = await as<{ mySales: { nodes: { orderId: string; price: number; yourShare: number }[] } }>(
        user,
        SALES,
      );
      expect(sales.data!.mySales.nodes).toHaveLength(3);
      for (const sale of sales.data!.mySales.nodes) {
        expect(sale.yourShare).toBe(await splitOf(sale.orderId, user));
        expect(sale.yourShare).toBeLessThan(sale.price);
      }
    }
  });

  it('takes a refunded sale out of the day it was made', async () => {
    const before = (await series(owner, 7))[0]!;
    const refunded = orders[2]!;
    const share = await splitOf(refunded.id, owner);
    expect(errorCode(await as(artist, REFUND, { id: refunded.id }))).toBeUndefined();
    await pay.settle();
    const after = (await series(owner, 7))[0]!;
    expect(after.days.at(-1)!.amount).toBe(before.days.at(-1)!.amount - share);
    expect(after.days.at(-6)!.amount).toBe(before.days.at(-6)!.amount);
  });

  it('covers 1 to 366 days (90 by default); other windows are a typed error', async () => {
    expect((await series(artist))[0]!.days).toHaveLength(90);
    expect((await series(artist, 1))[0]!.days).toEqual([{ day: utcDay(0), amount: expect.any(Number) }]);
    expect((await series(artist, 366))[0]!.days).toHaveLength(366);
    for (const days of [0, -1, 367, 10_000]) {
      const result = await as(artist, BY_DAY, { d: days });
      expect(errorCode(result)).toBe('INVALID_EARNINGS_DAYS');
    }
    // Someone who never sold has no series.
    expect(await series(await world(api).member())).toEqual([]);
  });
});
