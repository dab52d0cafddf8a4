import { errorCode, gql, signUpUser } from '@lookbook/testing';
import type { TestUser } from '@lookbook/testing';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';

const SET = `mutation($v: UUID!, $offers: [LicenseOfferInput!]!) {
  setLicenseOffers(versionId: $v, offers: $offers) { id tier revision priceAmount priceCurrency termsSha256 termsText permissions { commercialUse creditLine } } }`;
type Offer = {
  id: string;
  tier: string;
  revision: number;
  priceAmount: number;
  termsSha256: string;
  termsText: string;
};

const personal = {
  tier: 'PERSONAL',
  priceAmount: 500,
  priceCurrency: 'EUR',
  permissions: {
    commercialUse: 'NONE',
    derivativesAllowed: true,
    derivativeMayChangeLicense: false,
    creditRequired: false,
  },
};
const commercial = {
  tier: 'COMMERCIAL',
  priceAmount: 4900,
  priceCurrency: 'EUR',
  permissions: {
    commercialUse: 'SELL_GENERATED_IMAGES',
    derivativesAllowed: true,
    derivativeMayChangeLicense: false,
    creditRequired: true,
    creditLine: 'Ink Wash by Ada',
  },
};

describe('licence offers', () => {
  let api: TestApi;
  let creator: TestUser;
  beforeAll(async () => {
    api = await startTestApi();
    creator = await signUpUser(api.server);
  });
  afterAll(() => api.close());

  const as = <T>(user: TestUser, query: string, variables: Record<string, unknown> = {}) =>
    gql<T>(api.server, query, variables, user.accessToken);
  async function draftVersion(baseModelId = 'sdxl-1.0') {
    const model = await as<{ createStyleModel: { id: string } }>(
      creator,
      `mutation($b: ID!, $n: String!) { createStyleModel(input: { name: $n, type: LORA, baseModelId: $b, maturity: SFW }) { id } }`,
      { b: baseModelId, n: `Offer test ${Math.random()}` },
    );
    const version = await as<{ createModelVersion: { id: string } }>(
      creator,
      `mutation($m: UUID!) { createModelVersion(modelId: $m, input: { name: "v1" }) { id } }`,
      { m: model.data!.createStyleModel.id },
    );
    return version.data!.createModelVersion.id;
  }

  it('sets offers with generated terms, keeps unchanged ones, and revises changed ones without rewriting the old', async () => {
    const versionId = await draftVersion();
    const first = await as<{ setLicenseOffers: Offer[] }>(creator, SET, {
      v: versionId,
      offers: [personal, commercial],
    });
    expect(first.errors).toBeUndefined();
    const [p1, c1] = first.data!.setLicenseOffers;
    expect([p1!.tier, c1!.tier, c1!.revision]).toEqual(['PERSONAL', 'COMMERCIAL', 1]);
    expect(c1!.termsText).toContain('\u201cInk Wash by Ada\u201d');
    expect(c1!.termsSha256).toMatch(/^[0-9a-f]{64}$/);

    const second = await as<{ setLicenseOffers: Offer[] }>(creator, SET, {
      v: versionId,
      offers: [personal, { ...commercial, priceAmount: 5900 }],
    });
    const [p2, c2] = second.data!.setLicenseOffers;
    expect(p2!.id).toBe(p1!.id); // unchanged → same row
    expect(c2!.id).not.toBe(c1!.id);
    expect(c2!.revision).toBe(2);
    const rows = await api.db.query<{ id: string; price_amount: string; retired_at: Date | null }>(
      `SELECT id, price_amount, retired_at FROM licensing.offer WHERE version_id = $1 AND tier = 'COMMERCIAL' ORDER BY revision`,
      [versionId],
    );
    expect(rows.map((r) => [r.price_amount, r.retired_at !== null])).toEqual([
      ['4900', true],
      ['5900', false],
    ]); // old terms kept intact

    const view = await as<{ modelVersion: { licenseOffers: { tier: string }[] } }>(
      creator,
      `query($v: UUID!) { modelVersion(id: $v) { licenseOffers { tier } } }`,
      { v: versionId },
    );
    expect(view.data!.modelVersion.licenseOffers.map((o) => o.tier)).toEqual(['PERSONAL', 'COMMERCIAL']);
    const cleared = await as<{ setLicenseOffers: Offer[] }>(creator, SET, { v: versionId, offers: [personal] });
    expect(cleared.data!.setLicenseOffers.map((o) => o.tier)).toEqual(['PERSONAL']);
  });

  it('offers no commercial tier on a non-commercial base model', async () => {
    const versionId = await draftVersion('flux.1-d');
    expect(errorCode(await as(creator, SET, { v: versionId, offers: [commercial] }))).toBe('NON_COMMERCIAL_BASE_MODEL');
    expect((await as(creator, SET, { v: versionId, offers: [personal] })).errors).toBeUndefined();
  });

  it.each([
    ['a negative price', { ...commercial, priceAmount: -1 }, 'INVALID_PRICE'],
    ['a fractional price', { ...commercial, priceAmount: 10.5 }, 'BAD_USER_INPUT'],
    ['a lowercase currency', { ...commercial, priceCurrency: 'eur' }, 'UNSUPPORTED_CURRENCY'],
    ['a made-up currency', { ...commercial, priceCurrency: 'ZZZ' }, 'UNSUPPORTED_CURRENCY'],
    ['a price below the minimum charge', { ...commercial, priceAmount: 49 }, 'INVALID_PRICE'],
    ['JPY below the minimum charge', { ...commercial, priceCurrency: 'JPY', priceAmount: 49 }, 'INVALID_PRICE'],
    ['KWD not in steps of 10 fils', { ...commercial, priceCurrency: 'KWD', priceAmount: 1005 }, 'INVALID_PRICE'],
    ['a negative price', { ...commercial, priceAmount: -100 }, 'INVALID_PRICE'],
    ['a priced FREE tier', { ...personal, tier: 'FREE', priceAmount: 100 }, 'INVALID_PRICE'],
    ['a zero-price paid tier', { ...commercial, priceAmount: 0 }, 'INVALID_PRICE'],
    [
      'commercial use in the personal tier',
      { ...personal, permissions: { ...personal.permissions, commercialUse: 'SELL_GENERATED_IMAGES' } },
      'INVALID_PERMISSIONS',
    ],
    [
      'credit required without a line',
      { ...commercial, permissions: { ...commercial.permissions, creditLine: null } },
      'INVALID_PERMISSIONS',
    ],
  ])('refuses %s and changes nothing', async (_name, offer, code) => {
    const versionId = await draftVersion();
    expect(errorCode(await as(creator, SET, { v: versionId, offers: [offer] }))).toBe(code);
    expect(await api.db.query('SELECT id FROM licensing.offer WHERE version_id = $1', [versionId])).toEqual([]);
  });

  it('refuses the same tier twice and other people’s versions', async () => {
    const versionId = await draftVersion();
    expect(errorCode(await as(creator, SET, { v: versionId, offers: [personal, personal] }))).toBe('DUPLICATE_TIER');
    const stranger = await signUpUser(api.server);
    expect(errorCode(await as(stranger, SET, { v: versionId, offers: [personal] }))).toBe('VERSION_NOT_FOUND');
  });
});
