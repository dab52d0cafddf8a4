import type { PublishedFileMatch, ResolvedModelFile } from '@lookbook/catalog';
import { CatalogFacade } from '@lookbook/catalog';
import type { LicenseSummary, OfferEntity } from '@lookbook/licensing';
import { LicensingFacade } from '@lookbook/licensing';
import { anActor, newTestService } from '@lookbook/testing';
import type { TemplateEntity, TemplateVersionEntity } from '../templates/template.entity';
import { TemplateRepository } from '../templates/template.repository';
import { TemplateService } from '../templates/template.service';
import { LicenseRollupService } from './license-rollup.service';

const buyer = anActor('00000000-0000-4000-8000-0000000000b1');
const creator = '00000000-0000-4000-8000-0000000000c1';
const FLUX_DEV = '4610115bb0c89560703c892c59ac2742fa821e60ef5871b33493ba544683abd7';

/** A FLUX.1 [dev] graph as an API prompt: the base files, a catalog LoRA, a LoRA at 0, and a ControlNet nobody knows. */
const prompt = Buffer.from(
  JSON.stringify({
    '12': { class_type: 'UNETLoader', inputs: { unet_name: 'flux1-dev.safetensors', weight_dtype: 'default' } },
    '11': {
      class_type: 'DualCLIPLoader',
      inputs: { clip_name1: 't5xxl_fp16.safetensors', clip_name2: 'clip_l.safetensors', type: 'flux' },
    },
    '10': { class_type: 'VAELoader', inputs: { vae_name: 'ae.safetensors' } },
    '20': {
      class_type: 'LoraLoaderModelOnly',
      inputs: { lora_name: 'ink.safetensors', strength_model: 0.8, model: ['12', 0] },
    },
    '21': {
      class_type: 'LoraLoaderModelOnly',
      inputs: { lora_name: 'off.safetensors', strength_model: 0, model: ['20', 0] },
    },
    '30': { class_type: 'ControlNetLoader', inputs: { control_net_name: 'mystery-canny.safetensors' } },
  }),
);

const published = (fileName: string, license: PublishedFileMatch['license'], title: string): PublishedFileMatch => ({
  matchedBy: 'FILE_NAME',
  candidates: 1,
  licensesAgree: true,
  id: fileName,
  fileName,
  sha256: null,
  kind: 'other',
  title,
  baseModelId: null,
  baseModelName: null,
  sourceUrl: 'https://example.test',
  license,
});
const NON_COMMERCIAL = {
  name: 'FLUX.1 [dev] Non-Commercial License',
  url: 'https://l.test/dev',
  conditions: null,
  nonCommercial: true,
};
const APACHE = { name: 'Apache License 2.0', url: null, conditions: null, nonCommercial: false };
const KNOWN: Record<string, PublishedFileMatch> = {
  'flux1-dev.safetensors': published('flux1-dev.safetensors', NON_COMMERCIAL, 'FLUX.1 [dev]'),
  't5xxl_fp16.safetensors': published('t5xxl_fp16.safetensors', APACHE, 'T5 XXL'),
  'clip_l.safetensors': published('clip_l.safetensors', { ...APACHE, name: 'MIT License' }, 'CLIP-L'),
  'ae.safetensors': published('ae.safetensors', APACHE, 'FLUX.1 autoencoder'),
};
const ink: ResolvedModelFile = {
  matchedBy: 'FILE_NAME',
  candidates: 1,
  modelId: 'm-ink',
  modelName: 'Ink Wash',
  versionId: 'v-ink',
  versionName: 'v1',
  ownerId: creator,
  fileName: 'ink.safetensors',
  sha256: 'i'.repeat(64),
};
const offer = (id: string, versionId: string, tier: OfferEntity['tier'], priceAmount: number, commercial: boolean) =>
  ({
    id,
    versionId,
    tier,
    priceAmount,
    priceCurrency: 'EUR',
    permissions: { commercialUse: commercial ? 'UNLIMITED' : 'NONE' },
  }) as OfferEntity;
const OFFERS = [
  offer('ink-personal', 'v-ink', 'PERSONAL', 500, false),
  offer('ink-commercial', 'v-ink', 'COMMERCIAL', 2400, true),
];

function setUp(
  held: LicenseSummary[] = [],
  catalogByName: Record<string, ResolvedModelFile> = { 'ink.safetensors': ink },
) {
  const t = newTestService(LicenseRollupService);
  t.mock(CatalogFacade).resolveModelFiles.mockImplementation((_viewer, refs) =>
    Promise.resolve(refs.map((r) => catalogByName[r.name] ?? null)),
  );
  t.mock(CatalogFacade).identifyPublishedFiles.mockImplementation((refs) =>
    Promise.resolve(refs.map((r) => KNOWN[r.name] ?? null)),
  );
  t.mock(LicensingFacade).liveOffers.mockResolvedValue(OFFERS);
  t.mock(LicensingFacade).activeHeldBy.mockResolvedValue(held);
  return t;
}
const rows = (lines: { name: string; slot: string | null; status: string }[]) =>
  lines.map((l) => [l.slot, l.name, l.status]);

describe('LicenseRollupService: the checker', () => {
  it('FLUX.1 [dev] for commercial use: not covered, naming the licence, with what the catalog LoRA costs', async () => {
    const { sut, mock } = setUp();
    const rollup = await sut.forFile(undefined, prompt, 'COMMERCIAL');
    expect(rows(rollup.lines)).toEqual([
      ['30.control_net_name', 'mystery-canny.safetensors', 'UNKNOWN'],
      ['12.unet_name', 'flux1-dev.safetensors', 'NOT_ALLOWED'],
      ['20.lora_name', 'ink.safetensors', 'AVAILABLE'],
      ['21.lora_name', 'off.safetensors', 'UNUSED'],
      ['11.clip_name2', 'clip_l.safetensors', 'OPEN_LICENSE'],
      ['11.clip_name1', 't5xxl_fp16.safetensors', 'OPEN_LICENSE'],
      ['10.vae_name', 'ae.safetensors', 'OPEN_LICENSE'],
    ]);
    expect(rollup.verdict).toBe('NOT_COVERED');
    expect(rollup.reasons).toEqual([
      'flux1-dev.safetensors: Not covered: FLUX.1 [dev] Non-Commercial License does not allow commercial use (matched by file name)',
      'ink.safetensors: You need the commercial licence (matched by file name)',
      expect.stringMatching(/^mystery-canny\.safetensors: Not checked/),
    ]);
    expect(rollup.lines[2]!.offer?.id).toBe('ink-commercial');
    expect(rollup.missingTotals).toEqual([{ currency: 'EUR', amount: 2400, licenses: 1 }]);
    // Offers and licences are read for catalog versions only, in one call each; nothing is held by nobody.
    expect(mock(LicensingFacade).liveOffers).toHaveBeenCalledWith(['v-ink']);
    expect(mock(LicensingFacade).activeHeldBy).not.toHaveBeenCalled();
  });

  it('for personal use with the LoRA held, nothing blocks, but the unknown ControlNet keeps it UNVERIFIED', async () => {
    const held = [
      { id: 'g', versionId: 'v-ink', tier: 'PERSONAL', permissions: { commercialUse: 'NONE' } } as LicenseSummary,
    ];
    const { sut } = setUp(held);
    const rollup = await sut.forFile(buyer, prompt, 'PERSONAL');
    expect(rollup.lines.find((l) => l.name === 'flux1-dev.safetensors')!.status).toBe('OPEN_LICENSE');
    expect(rollup.lines.find((l) => l.name === 'ink.safetensors')).toMatchObject({ status: 'HELD', held: { id: 'g' } });
    expect(rollup.verdict).toBe('UNVERIFIED');
    expect(rollup.reasons).toEqual([expect.stringMatching(/^mystery-canny\.safetensors: Not checked/)]);
    expect(rollup.missingTotals).toEqual([]);
  });

  it('is COVERED only when every file is known: the same graph without the unknown ControlNet', async () => {
    const { sut } = setUp([], { 'ink.safetensors': { ...ink, ownerId: buyer.userId } });
    const known = JSON.parse(prompt.toString()) as Record<string, unknown>;
    delete known['30'];
    const rollup = await sut.forFile(buyer, Buffer.from(JSON.stringify(known)), 'PERSONAL');
    expect(rollup.verdict).toBe('COVERED');
    expect(rollup.lines.find((l) => l.name === 'ink.safetensors')!.status).toBe('OWN');
  });

  it('a publisher’s file stated by hash wins over a catalog re-upload of the same bytes', async () => {
    const graph = { '1': { class_type: 'UNETLoader', inputs: { unet_name: 'dev.safetensors' } } };
    const reupload = { ...ink, matchedBy: 'SHA256' as const, sha256: FLUX_DEV };
    const { sut, mock } = setUp([], { 'dev.safetensors': reupload });
    mock(CatalogFacade).identifyPublishedFiles.mockResolvedValue([
      { ...KNOWN['flux1-dev.safetensors']!, matchedBy: 'SHA256', sha256: FLUX_DEV },
    ]);
    const rollup = await sut.forFile(undefined, Buffer.from(JSON.stringify(graph)), 'COMMERCIAL');
    expect(rollup.lines[0]).toMatchObject({
      status: 'NOT_ALLOWED',
      resolved: null,
      published: { title: 'FLUX.1 [dev]' },
    });
    expect(mock(LicensingFacade).liveOffers).toHaveBeenCalledWith([]);
  });
});

describe('LicenseRollupService: a template version', () => {
  const version = {
    id: 'tv',
    templateId: 't',
    sourceSha256: 's'.repeat(64),
    lockfile: {
      models: [
        {
          slot: '12.unet_name',
          kind: 'diffusion_model',
          folder: 'diffusion_models',
          name: 'flux1-dev.safetensors',
          sha256: null,
          url: null,
          unused: false,
        },
      ],
    },
  } as unknown as TemplateVersionEntity;
  const template = (terms: TemplateEntity['terms']) =>
    ({ id: 't', name: 'Harbour Cats', ownerId: creator, terms }) as TemplateEntity;

  it('puts the template first, judges its files, and the IP owner’s terms can forbid the purpose', async () => {
    const { sut, mock } = setUp();
    mock(TemplateService).visibleVersion.mockResolvedValue(version);
    mock(LicensingFacade).liveOffers.mockResolvedValue([offer('tpl', 'tv', 'COMMERCIAL', 9900, true)]);
    mock(TemplateRepository).byId.mockResolvedValue(template(null));
    const open = await sut.forTemplateVersion(buyer, 'tv', 'COMMERCIAL');
    expect(rows(open.lines)).toEqual([
      [null, 'Harbour Cats', 'AVAILABLE'],
      ['12.unet_name', 'flux1-dev.safetensors', 'NOT_ALLOWED'],
    ]);
    expect(open.missingTotals).toEqual([{ currency: 'EUR', amount: 9900, licenses: 1 }]);
    mock(TemplateRepository).byId.mockResolvedValue(template({ allowedUses: ['PERSONAL'] } as TemplateEntity['terms']));
    const forbidden = await sut.forTemplateVersion(buyer, 'tv', 'COMMERCIAL');
    expect(forbidden.lines[0]).toMatchObject({
      status: 'NOT_OFFERED',
      reason: 'The IP owner’s terms do not allow commercial use',
    });
    expect(forbidden.verdict).toBe('NOT_COVERED');
  });
});
