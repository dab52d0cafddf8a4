import type { PublishedFileMatch, ResolvedModelFile } from '@lookbook/catalog';
import type { OfferEntity } from '@lookbook/licensing';
import type { RollupLine, RollupStatus } from './license-rollup.rules';
import { cheapestCovering, identify, judgePublished, missingTotals, verdictOf } from './license-rollup.rules';

const catalog = (matchedBy: 'SHA256' | 'FILE_NAME'): ResolvedModelFile => ({
  matchedBy,
  candidates: 1,
  modelId: 'm',
  modelName: 'Ink',
  versionId: 'v',
  versionName: 'v1',
  ownerId: 'o',
  fileName: 'flux1-dev.safetensors',
  sha256: 'a'.repeat(64),
});
const published = (
  matchedBy: 'SHA256' | 'FILE_NAME',
  license: Partial<PublishedFileMatch['license']> = {},
  change: Partial<PublishedFileMatch> = {},
): PublishedFileMatch => ({
  matchedBy,
  candidates: 1,
  licensesAgree: true,
  id: 'k',
  fileName: 'flux1-dev.safetensors',
  sha256: 'a'.repeat(64),
  kind: 'diffusion_model',
  title: 'FLUX.1 [dev]',
  baseModelId: 'flux.1-d',
  baseModelName: 'Flux.1 D',
  sourceUrl: 'https://huggingface.co/black-forest-labs/FLUX.1-dev',
  license: {
    name: 'FLUX.1 [dev] Non-Commercial License',
    url: 'https://huggingface.co/black-forest-labs/FLUX.1-dev/blob/main/LICENSE.md',
    conditions: 'Using the model commercially needs a licence from Black Forest Labs.',
    nonCommercial: true,
    ...license,
  },
  ...change,
});
const offer = (change: Partial<OfferEntity>): OfferEntity =>
  ({
    id: 'o',
    versionId: 'v',
    tier: 'COMMERCIAL',
    priceAmount: 1000,
    priceCurrency: 'USD',
    permissions: { commercialUse: 'UNLIMITED' },
    ...change,
  }) as OfferEntity;
const line = (name: string, status: RollupStatus, change: Partial<RollupLine> = {}): RollupLine => ({
  kind: 'checkpoint',
  name,
  slot: '4.ckpt_name',
  sha256: null,
  resolved: null,
  published: null,
  status,
  held: null,
  offer: null,
  reason: `${status} reason`,
  ...change,
});

describe('what a file is, when the catalog and the published files both know something', () => {
  it('an exact hash beats a name, and a publisher’s file beats a catalog upload of the same bytes or name', () => {
    expect(identify(catalog('SHA256'), published('SHA256'))).toEqual({ published: published('SHA256') });
    expect(identify(catalog('SHA256'), published('FILE_NAME'))).toEqual({ catalog: catalog('SHA256') });
    expect(identify(catalog('FILE_NAME'), published('FILE_NAME'))).toEqual({ published: published('FILE_NAME') });
    expect(identify(catalog('FILE_NAME'), null)).toEqual({ catalog: catalog('FILE_NAME') });
    expect(identify(null, published('FILE_NAME'))).toEqual({ published: published('FILE_NAME') });
    expect(identify(null, null)).toBeNull();
  });
});

describe('a well-known published file, judged by its public licence', () => {
  it('FLUX.1 [dev] for commercial use is not covered, naming its licence; for personal use it is allowed', () => {
    expect(judgePublished(published('SHA256'), 'COMMERCIAL')).toEqual({
      status: 'NOT_ALLOWED',
      reason:
        'Not covered: FLUX.1 [dev] Non-Commercial License does not allow commercial use. Using the model ' +
        'commercially needs a licence from Black Forest Labs.',
    });
    expect(judgePublished(published('FILE_NAME'), 'PERSONAL')).toEqual({
      status: 'OPEN_LICENSE',
      reason:
        'Published under the FLUX.1 [dev] Non-Commercial License, which allows personal use. Using the model ' +
        'commercially needs a licence from Black Forest Labs. (matched by file name)',
    });
  });

  it('an Apache-2.0 or RAIL file allows commercial use, with the licence’s own conditions said', () => {
    const schnell = published('SHA256', { name: 'Apache License 2.0', nonCommercial: false, conditions: null });
    expect(judgePublished({ ...schnell, title: 'FLUX.1 [schnell]' }, 'COMMERCIAL')).toEqual({
      status: 'OPEN_LICENSE',
      reason: 'Published under the Apache License 2.0, which allows commercial use',
    });
    const sd35 = published('FILE_NAME', {
      name: 'Stability AI Community License',
      nonCommercial: false,
      conditions: 'Free for commercial use below US$1M annual revenue.',
    });
    expect(judgePublished(sd35, 'COMMERCIAL').reason).toBe(
      'Published under the Stability AI Community License, which allows commercial use. Free for commercial use ' +
        'below US$1M annual revenue. (matched by file name)',
    );
  });

  it('a name several published files share under disagreeing licences is not checked, for any purpose', () => {
    const ambiguous = published('FILE_NAME', {}, { licensesAgree: false, candidates: 2 });
    for (const purpose of ['PERSONAL', 'COMMERCIAL'] as const) {
      const judged = judgePublished(ambiguous, purpose);
      expect(judged.status).toBe('UNKNOWN');
      expect(judged.reason).toMatch(/^Not checked: 2 published files are named flux1-dev\.safetensors/);
    }
  });
});

describe('the verdict', () => {
  const held = line('ink.safetensors', 'HELD');
  const open = line('sd_xl_base_1.0.safetensors', 'OPEN_LICENSE');
  const unknown = line('mystery.safetensors', 'UNKNOWN', { reason: 'Not checked: not in the Lookbook catalog' });
  const unused = line('off.safetensors', 'UNUSED');

  it('is COVERED only when every file is known and covered (unused files aside)', () => {
    expect(verdictOf('COMMERCIAL', [held, open, unused])).toEqual({
      verdict: 'COVERED',
      reasons: ['Commercial use is covered'],
    });
    expect(verdictOf('PERSONAL', [])).toMatchObject({ verdict: 'COVERED' });
  });

  it('is UNVERIFIED when nothing blocks but a file is unknown, naming every unknown file and never “covered”', () => {
    const other = line('other.ckpt', 'UNKNOWN', { reason: 'Not checked: not in the Lookbook catalog' });
    const result = verdictOf('COMMERCIAL', [held, unknown, open, other]);
    expect(result).toEqual({
      verdict: 'UNVERIFIED',
      reasons: [
        'mystery.safetensors: Not checked: not in the Lookbook catalog',
        'other.ckpt: Not checked: not in the Lookbook catalog',
      ],
    });
    expect(result.reasons.join(' ')).not.toMatch(/covered/i);
    // Only unknown files: still UNVERIFIED, never COVERED.
    expect(verdictOf('PERSONAL', [unknown]).verdict).toBe('UNVERIFIED');
  });

  it.each<RollupStatus>(['CLAIMABLE', 'AVAILABLE', 'NOT_OFFERED', 'NOT_ALLOWED'])(
    'is NOT_COVERED when a line is %s, blockers first, then the files that could not be checked',
    (status) => {
      const blocker = line('flux1-dev.safetensors', status, {
        reason: 'Not covered: FLUX.1 [dev] Non-Commercial License',
      });
      expect(verdictOf('COMMERCIAL', [unknown, held, blocker])).toEqual({
        verdict: 'NOT_COVERED',
        reasons: [
          'flux1-dev.safetensors: Not covered: FLUX.1 [dev] Non-Commercial License',
          'mystery.safetensors: Not checked: not in the Lookbook catalog',
        ],
      });
    },
  );
});

describe('what is missing, and what it costs', () => {
  it('sums the cheapest covering offer of every line still to license, per currency, free claims counted at 0', () => {
    const lines = [
      line('a', 'AVAILABLE', { offer: offer({ priceAmount: 1999, priceCurrency: 'USD' }) }),
      line('b', 'AVAILABLE', { offer: offer({ priceAmount: 1, priceCurrency: 'USD' }) }),
      line('c', 'AVAILABLE', { offer: offer({ priceAmount: 3000, priceCurrency: 'JPY' }) }),
      line('d', 'CLAIMABLE', { offer: offer({ tier: 'FREE', priceAmount: 0, priceCurrency: 'USD' }) }),
      line('e', 'HELD'),
      line('f', 'NOT_ALLOWED'),
      line('g', 'NOT_OFFERED'),
    ];
    expect(missingTotals(lines)).toEqual([
      { currency: 'JPY', amount: 3000, licenses: 1 },
      { currency: 'USD', amount: 2000, licenses: 3 },
    ]);
    expect(missingTotals([line('e', 'HELD'), line('u', 'UNKNOWN')])).toEqual([]);
  });

  it('picks the cheapest offer that covers the purpose, then the lower tier', () => {
    const offers = [
      offer({ id: 'personal', tier: 'PERSONAL', priceAmount: 100, permissions: { commercialUse: 'NONE' } as never }),
      offer({ id: 'enterprise', tier: 'ENTERPRISE', priceAmount: 900 }),
      offer({ id: 'commercial', tier: 'COMMERCIAL', priceAmount: 900 }),
      offer({ id: 'elsewhere', versionId: 'w', priceAmount: 1 }),
    ];
    expect(cheapestCovering(offers, 'v', 'COMMERCIAL')?.id).toBe('commercial');
    expect(cheapestCovering(offers, 'v', 'PERSONAL')?.id).toBe('personal');
    expect(cheapestCovering(offers, 'x', 'PERSONAL')).toBeNull();
  });
});
