import { SampleImage, toPublishedLicense } from '@lookbook/catalog';
import type { UserSummary } from '@lookbook/identity';
import type { ParameterSlot, SlotType } from '@lookbook/comfyui';
import { parseJson, stringifyJson } from '@lookbook/comfyui';
import { toOffer } from '@lookbook/licensing';
import type { LicenseRollup } from '../sales/license-rollup.rules';
import { TemplateErrors } from '../templates.errors';
import type { TemplateEntity, TemplateImageEntity, TemplateVersionEntity } from '../templates/template.entity';
import type { LockedSubgraph } from '../workflows/workflow-graph';
import {
  HeldLicence,
  LicenseRollupLine,
  LicenseRollupObject,
  LicenseRollupTotal,
  PublishedModelFile,
  ResolvedModel,
} from './rollup.objects';
import {
  RenderedTemplate,
  TemplateOwner,
  TemplateSlot,
  TemplateSubgraph,
  TemplateVersion,
  WorkflowTemplate,
} from './template.objects';

/** A value sent as JSON text, read exactly (a seed's every digit: integers beyond 2^53 are bigints). */
const readJson = (text: string): unknown => {
  try {
    return parseJson(text).value;
  } catch {
    throw TemplateErrors.invalidParams();
  }
};

export function toTemplate(t: TemplateEntity): WorkflowTemplate {
  return Object.assign(new WorkflowTemplate(), {
    id: t.id,
    ownerId: t.ownerId,
    slug: t.slug,
    name: t.name,
    description: t.description,
    tags: t.tags,
    maturity: t.maturity,
    status: t.status,
    ipId: t.ipId,
    terms: t.terms,
    createdAt: t.createdAt,
  });
}

export const toTemplateOwner = (u: UserSummary): TemplateOwner =>
  Object.assign(new TemplateOwner(), { id: u.id, handle: u.handle, displayName: u.displayName });

export const toSubgraph = (s: LockedSubgraph): TemplateSubgraph =>
  Object.assign(new TemplateSubgraph(), { id: s.id, name: s.name, revision: s.revision, sha256: s.sha256 });

export const toRendered = (r: { workflow: string | null; prompt: string | null }): RenderedTemplate =>
  Object.assign(new RenderedTemplate(), { workflow: r.workflow, prompt: r.prompt });

export const toSlot = (s: ParameterSlot): TemplateSlot =>
  Object.assign(new TemplateSlot(), { ...s, default: stringifyJson(s.default) });

export function fromSlotInput(s: TemplateSlot): ParameterSlot {
  const value = readJson(s.default);
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'bigint' && typeof value !== 'boolean')
    throw TemplateErrors.invalidParams();
  const slot: ParameterSlot = {
    key: s.key,
    nodeId: s.nodeId,
    widget: s.widget,
    label: s.label,
    type: s.type as SlotType,
    default: value,
  };
  for (const k of ['min', 'max', 'options', 'pattern', 'maxLength'] as const)
    if (s[k] !== undefined && s[k] !== null) Object.assign(slot, { [k]: s[k] });
  return slot;
}

export function fromParams(params: readonly { key: string; value: string }[]): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const p of params) out[p.key] = readJson(p.value);
  return out;
}

export function toVersion(v: TemplateVersionEntity): TemplateVersion {
  return Object.assign(new TemplateVersion(), {
    id: v.id,
    templateId: v.templateId,
    label: v.label,
    status: v.status,
    hasWorkflow: v.uiWorkflow !== null,
    hasPrompt: v.apiPrompt !== null,
    slots: v.slots.map(toSlot),
    lockfile: v.lockfile,
    warnings: v.warnings,
    sourceSha256: v.sourceSha256,
    createdAt: v.createdAt,
    publishedAt: v.publishedAt,
  });
}

export const toRollup = (r: LicenseRollup): LicenseRollupObject =>
  Object.assign(new LicenseRollupObject(), {
    purpose: r.purpose,
    verdict: r.verdict,
    reasons: r.reasons,
    lines: r.lines.map((l) =>
      Object.assign(new LicenseRollupLine(), {
        ...l,
        resolved: l.resolved && Object.assign(new ResolvedModel(), l.resolved),
        published:
          l.published &&
          Object.assign(new PublishedModelFile(), {
            ...l.published,
            license: toPublishedLicense(l.published.license),
          }),
        held: l.held && Object.assign(new HeldLicence(), { id: l.held.id, tier: l.held.tier }),
        offer: l.offer && toOffer(l.offer),
      }),
    ),
    missingTotals: r.missingTotals.map((t) => Object.assign(new LicenseRollupTotal(), t)),
  });

/** A template image as the catalog's `SampleImage` type (no generation info or credited versions of its own). */
export const toTemplateImage = (image: TemplateImageEntity, mediaUrl: (key: string) => string): SampleImage =>
  Object.assign(new SampleImage(), {
    id: image.id,
    contentType: image.contentType,
    width: image.width,
    height: image.height,
    url: mediaUrl(image.storageKey),
    thumbnails: image.thumbnails.map((t) => ({ width: t.width, height: t.height, url: mediaUrl(t.key) })),
    placeholder: image.placeholder,
    generation: null,
    linkedVersionIds: [],
  });
