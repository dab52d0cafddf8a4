import request from 'supertest';
import type { TestUser } from '@lookbook/testing';
import { gql, OFFERS } from '@lookbook/testing';
import { PaymentsDriver } from './support/payments';
import { comfyuiReferencePresent, referenceTemplate } from './support/templates';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { startTestWorker } from './support/test-worker';
import type { ReadyVersion } from './support/versions';
import { publishedVersion } from './support/versions';
import { world } from './support/world';

const SUBJECT = `subject { __typename ... on StyleModel { id name } ... on WorkflowTemplate { id name } }`;
const LICENCES = (withSubject: boolean) => `query { myLicenses(first: 50) { nodes {
  id subjectKind subjectId modelId versionId ${withSubject ? SUBJECT : ''} } } }`;
const ORDER = `query($id: UUID!) { order(id: $id) { id status modelId subjectKind subjectId ${SUBJECT}
  lines { position subjectKind subjectId modelId versionId licenseId ${SUBJECT} } } }`;
const SALES = `query { mySales { nodes { orderId itemName subjectId ${SUBJECT} } } }`;
const GIFT = `mutation($o: UUID!, $h: String!) { giftLicense(offerId: $o, licenseeHandle: $h) { id subjectId ${SUBJECT} } }`;
const SET_TEMPLATE_OFFERS = `mutation($v: UUID!, $o: [LicenseOfferInput!]!) {
  setTemplateLicenseOffers(versionId: $v, offers: $o) { id } }`;
const STATUS = `mutation($m: UUID!, $s: ModelStatus!) { changeStyleModelStatus(id: $m, status: $s) { status } }`;

interface Subject {
  __typename: 'StyleModel' | 'WorkflowTemplate';
  id: string;
  name: string;
}
interface Licence {
  id: string;
  subjectKind: string;
  subjectId: string;
  modelId: string;
  versionId: string;
  subject?: Subject | null;
}
interface OrderLine extends Omit<Licence, 'id'> {
  position: number;
  licenseId: string;
  subject: Subject | null;
}
interface Sale {
  orderId: string;
  itemName: string;
  subjectId: string;
  subject: Subject | null;
}

const dollars = (tier: 'personal' | 'commercial', priceAmount: number) => ({
  ...OFFERS[tier],
  priceAmount,
  priceCurrency: 'USD',
});

/**
 * What was licensed or sold is a subject — a style model or a workflow template — named by `subjectId` and resolved
 * as the `Subject` union on licences, order lines and sales, batched per request; the deprecated `modelId` still
 * answers with the same id; the REST licence check names `subjectId` beside it.
 */
(comfyuiReferencePresent ? describe : describe.skip)('sold subjects (subjectId and subject)', () => {
  let api: TestApi;
  let pay: PaymentsDriver;
  let alice: TestUser;
  let bob: TestUser;
  let tom: TestUser;
  let buyer: TestUser;
  let ink: ReadyVersion;
  let dusk: ReadyVersion;
  let tide: ReadyVersion;
  let flow: { id: string; versionId: string };
  let orderId: string;

  const as = <T>(user: TestUser | undefined, query: string, variables: Record<string, unknown> = {}) =>
    gql<T>(api.server, query, variables, user?.accessToken);
  const must = async <T>(user: TestUser, query: string, variables: Record<string, unknown> = {}) => {
    const result = await as<T>(user, query, variables);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data;
  };
  /** The query's data and how many SQL statements the API ran for it. */
  const counted = async <T>(user: TestUser, query: string) => {
    const response = await request(api.server)
      .post('/graphql')
      .set('authorization', `Bearer ${user.accessToken}`)
      .send({ query });
    if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
    return { data: response.body.data as T, statements: Number(response.headers['x-sql-statements']) };
  };
  const model = (v: ReadyVersion, name: string): Subject => ({ __typename: 'StyleModel', id: v.modelId, name });

  beforeAll(async () => {
    api = await startTestApi({ env: { PLATFORM_FEE_BPS: '1000' } });
    pay = new PaymentsDriver(api);
    [alice, bob, tom, buyer] = [
      await world(api).member(),
      await world(api).member(),
      await world(api).member(),
      await world(api).member(),
    ];
    const ingest = await startTestWorker(api.db.url);
    ink = await publishedVersion(api, alice, {
      name: 'Ink Wash',
      offers: [dollars('personal', 500), dollars('commercial', 2500)],
    });
    dusk = await publishedVersion(api, alice, { name: 'Dusk Glow', offers: [dollars('personal', 700)] });
    tide = await publishedVersion(api, bob, { name: 'Tide Line', offers: [dollars('personal', 900)] });
    await ingest.close();
    flow = await referenceTemplate(api, tom, 'Lighthouse Flow');
    for (const creator of [alice, tom]) await pay.onboard(creator);
  }, 180_000);
  afterAll(() => api.close());

  it('names both subjects of a two-line order (a model and a template) on its lines, and on the licences it granted', async () => {
    const { setTemplateLicenseOffers } = await must<{ setTemplateLicenseOffers: { id: string }[] }>(
      tom,
      SET_TEMPLATE_OFFERS,
      { v: flow.versionId, o: [dollars('commercial', 1000)] },
    );
    ({ orderId } = await pay.buyAll(buyer, [ink.offers['COMMERCIAL']!.id, setTemplateLicenseOffers[0]!.id]));
    await pay.settle();

    const { order } = await must<{
      order: {
        status: string;
        modelId: string;
        subjectKind: string;
        subjectId: string;
        subject: Subject | null;
        lines: OrderLine[];
      };
    }>(buyer, ORDER, { id: orderId });
    expect(order.status).toBe('PAID');
    expect(order.lines.map(({ licenseId: _, ...line }) => line)).toEqual([
      {
        position: 1,
        subjectKind: 'MODEL',
        subjectId: ink.modelId,
        modelId: ink.modelId,
        versionId: ink.versionId,
        subject: model(ink, 'Ink Wash'),
      },
      {
        position: 2,
        subjectKind: 'TEMPLATE',
        subjectId: flow.id,
        modelId: flow.id,
        versionId: flow.versionId,
        subject: { __typename: 'WorkflowTemplate', id: flow.id, name: 'Lighthouse Flow' },
      },
    ]);
    // The order's own (deprecated) fields are its first line's.
    expect([order.modelId, order.subjectKind, order.subjectId]).toEqual([ink.modelId, 'MODEL', ink.modelId]);
    expect(order.subject).toEqual(model(ink, 'Ink Wash'));

    const { myLicenses } = await must<{ myLicenses: { nodes: Licence[] } }>(buyer, LICENCES(true));
    const byId = new Map(myLicenses.nodes.map((l) => [l.id, l]));
    for (const line of order.lines) {
      expect(byId.get(line.licenseId)).toEqual({
        id: line.licenseId,
        subjectKind: line.subjectKind,
        subjectId: line.subjectId,
        modelId: line.subjectId,
        versionId: line.versionId,
        subject: line.subject,
      });
    }
  });

  it('answers the REST licence check with subjectId beside modelId, for a model and a template licence', async () => {
    const { order } = await must<{ order: { lines: OrderLine[] } }>(buyer, ORDER, { id: orderId });
    for (const line of order.lines) {
      const body = (await request(api.server).get(`/api/v1/licenses/${line.licenseId}/verify`).expect(200)).body as {
        license: { subjectKind: string; subjectId: string; modelId: string; versionId: string };
      };
      expect(body.license).toMatchObject({
        subjectKind: line.subjectKind,
        subjectId: line.subjectId,
        modelId: line.subjectId,
        versionId: line.versionId,
      });
    }
  });

  it('shows each creator the subject of their sale: the model to its seller, the template to its author', async () => {
    const sales = async (user: TestUser) =>
      (await must<{ mySales: { nodes: Sale[] } }>(user, SALES)).mySales.nodes.filter((s) => s.orderId === orderId);
    expect((await sales(alice)).map(({ subjectId, subject }) => ({ subjectId, subject }))).toEqual([
      { subjectId: ink.modelId, subject: model(ink, 'Ink Wash') },
    ]);
    expect((await sales(tom)).map(({ subjectId, subject }) => ({ subjectId, subject }))).toEqual([
      { subjectId: flow.id, subject: { __typename: 'WorkflowTemplate', id: flow.id, name: 'Lighthouse Flow' } },
    ]);
    expect(await sales(bob)).toEqual([]);
  });

  it('resolves every subject of a page at a fixed cost: one statement per kind, whatever the number of licences', async () => {
    // A buyer with one model licence, and the buyer above after two more (three models and a template in all).
    const single = await world(api).member();
    await must(alice, GIFT, { o: dusk.offers['PERSONAL']!.id, h: single.handle });
    await must(alice, GIFT, { o: dusk.offers['PERSONAL']!.id, h: buyer.handle });
    const gift = await must<{ giftLicense: Licence }>(bob, GIFT, { o: tide.offers['PERSONAL']!.id, h: buyer.handle });
    expect(gift.giftLicense.subject).toEqual(model(tide, 'Tide Line'));

    const cost = async (user: TestUser) => {
      const plain = await counted<{ myLicenses: { nodes: Licence[] } }>(user, LICENCES(false));
      const resolved = await counted<{ myLicenses: { nodes: Licence[] } }>(user, LICENCES(true));
      expect(resolved.data.myLicenses.nodes.every((l) => l.subject?.id === l.subjectId)).toBe(true);
      return { licences: resolved.data.myLicenses.nodes.length, extra: resolved.statements - plain.statements };
    };
    expect(await cost(single)).toEqual({ licences: 1, extra: 1 });
    expect(await cost(buyer)).toEqual({ licences: 4, extra: 2 });
  });

  it('keeps subjectId but hides the subject once the viewer may no longer see it; its owner still does', async () => {
    expect((await as(alice, STATUS, { m: ink.modelId, s: 'UNPUBLISHED' })).errors).toBeUndefined();
    const { order } = await must<{ order: { lines: OrderLine[] } }>(buyer, ORDER, { id: orderId });
    expect(order.lines.map((l) => [l.subjectId, l.subject?.id ?? null])).toEqual([
      [ink.modelId, null],
      [flow.id, flow.id],
    ]);
    const { myLicenses } = await must<{ myLicenses: { nodes: Licence[] } }>(buyer, LICENCES(true));
    expect(myLicenses.nodes.find((l) => l.subjectId === ink.modelId)?.subject).toBeNull();
    // The seller still sees their own (unpublished) model on the sale.
    const { mySales } = await must<{ mySales: { nodes: Sale[] } }>(alice, SALES);
    expect(mySales.nodes.find((s) => s.orderId === orderId)?.subject).toEqual(model(ink, 'Ink Wash'));
  });
});
