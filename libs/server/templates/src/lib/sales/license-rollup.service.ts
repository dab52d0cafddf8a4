import { Injectable } from '@nestjs/common';
import type { ResolvedModelFile } from '@lookbook/catalog';
import { CatalogFacade } from '@lookbook/catalog';
import type { ModelDependency } from '@lookbook/comfyui';
import { detectDependencies } from '@lookbook/comfyui';
import type { Actor } from '@lookbook/core';
import type { LicenseSummary, OfferEntity, Permissions, Tier } from '@lookbook/licensing';
import { LicensingFacade } from '@lookbook/licensing';
import type { Use } from '../lineage/remix-terms';
import type { TemplateEntity, TemplateVersionEntity } from '../templates/template.entity';
import { TemplateRepository } from '../templates/template.repository';
import { TemplateService } from '../templates/template.service';
import { importWorkflow } from '../workflows/workflow-import';

/**
 * Per dependency, for one purpose:
 * - OWN: the viewer made it; HELD: they hold a licence that covers the purpose;
 * - CLAIMABLE: a free licence covers it (claim it to hold it); AVAILABLE: a paid offer covers it;
 * - NOT_OFFERED: in the catalog, but nothing on sale covers the purpose; UNKNOWN: not a file we know (a file from
 *   elsewhere: its licence cannot be checked here); UNUSED: wired in but doing nothing (a LoRA at strength 0).
 */
export const ROLLUP_STATUSES = ['OWN', 'HELD', 'CLAIMABLE', 'AVAILABLE', 'NOT_OFFERED', 'UNKNOWN', 'UNUSED'] as const;
export type RollupStatus = (typeof ROLLUP_STATUSES)[number];
export const ROLLUP_VERDICTS = ['COVERED', 'NOT_COVERED', 'UNVERIFIED'] as const;
export type RollupVerdict = (typeof ROLLUP_VERDICTS)[number];

export interface RollupLine {
  /** `template` for the template itself; otherwise the model kind (checkpoint, lora, …). */
  kind: string;
  name: string;
  /** Where the workflow loads it (`<node>.<input>`); null for the template itself. */
  slot: string | null;
  sha256: string | null;
  resolved: ResolvedModelFile | null;
  status: RollupStatus;
  held: LicenseSummary | null;
  /** The cheapest live offer that covers the purpose (none when held, own or unknown). */
  offer: OfferEntity | null;
  reason: string;
}

export interface LicenseRollup {
  purpose: Use;
  verdict: RollupVerdict;
  reasons: string[];
  lines: RollupLine[];
}

const covers = (permissions: Permissions, purpose: Use) =>
  purpose === 'PERSONAL' || permissions.commercialUse !== 'NONE';
const TIERS: Tier[] = ['FREE', 'PERSONAL', 'COMMERCIAL', 'ENTERPRISE', 'EXCLUSIVE'];
const purposeWords = (purpose: Use) => (purpose === 'COMMERCIAL' ? 'commercial use' : 'personal use');

/**
 * The licence roll-up: what must be held to use a workflow for a purpose, and whether the viewer holds it — for a
 * template version (its lockfile, plus the template's own licence and IP terms) or for any dropped ComfyUI file (the
 * "Can I use this?" checker). Fixed queries: one file resolution, one offers read, one licences read.
 */
@Injectable()
export class LicenseRollupService {
  constructor(
    private readonly catalog: CatalogFacade,
    private readonly licensing: LicensingFacade,
    private readonly templates: TemplateRepository,
    private readonly templateService: TemplateService,
  ) {}

  async forTemplateVersion(viewer: Actor | undefined, versionId: string, purpose: Use): Promise<LicenseRollup> {
    const version = await this.templateService.visibleVersion(viewer, versionId);
    const template = (await this.templates.byId(version.templateId))!;
    return this.rollup(viewer, version.lockfile.models, purpose, { template, version });
  }

  /** The checker: a dropped workflow or image (never stored). */
  async forFile(viewer: Actor | undefined, bytes: Buffer, purpose: Use): Promise<LicenseRollup> {
    const imported = await importWorkflow(bytes);
    return this.rollup(viewer, detectDependencies(imported.graph).models, purpose);
  }

  private async rollup(
    viewer: Actor | undefined,
    models: readonly ModelDependency[],
    purpose: Use,
    own?: { template: TemplateEntity; version: TemplateVersionEntity },
  ): Promise<LicenseRollup> {
    const resolved = await this.catalog.resolveModelFiles(viewer, models);
    const versionIds = [
      ...new Set([...resolved.flatMap((r) => (r ? [r.versionId] : [])), ...(own ? [own.version.id] : [])]),
    ];
    const [offers, held] = await Promise.all([
      this.licensing.liveOffers(versionIds),
      viewer ? this.licensing.activeHeldBy(viewer, versionIds) : Promise.resolve([]),
    ]);
    const judge = (versionId: string, ownerId: string) => {
      if (viewer?.userId === ownerId) return { status: 'OWN' as const, held: null, offer: null };
      const licence = held.find((g) => g.versionId === versionId && covers(g.permissions, purpose)) ?? null;
      if (licence) return { status: 'HELD' as const, held: licence, offer: null };
      const offer =
        offers
          .filter((o) => o.versionId === versionId && covers(o.permissions, purpose))
          .sort((a, b) => a.priceAmount - b.priceAmount || TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier))[0] ?? null;
      return {
        status: offer ? (offer.tier === 'FREE' ? 'CLAIMABLE' : 'AVAILABLE') : 'NOT_OFFERED',
        held: null,
        offer,
      } as const;
    };

    const lines: RollupLine[] = models.map((dependency, i) => {
      const match = resolved[i] ?? null;
      const base = { kind: dependency.kind, name: dependency.name, slot: dependency.slot, sha256: dependency.sha256 };
      if (dependency.unused)
        return {
          ...base,
          resolved: match,
          status: 'UNUSED',
          held: null,
          offer: null,
          reason: 'Wired in at strength 0: not used',
        };
      if (!match)
        return {
          ...base,
          resolved: null,
          status: 'UNKNOWN',
          held: null,
          offer: null,
          reason: 'Not a file in the Lookbook catalog: check its own licence where you got it',
        };
      const judged = judge(match.versionId, match.ownerId);
      return { ...base, resolved: match, ...judged, reason: reasonFor(judged.status, judged, purpose, match) };
    });

    if (own) {
      const templateOffers = offers.filter((o) => o.versionId === own.version.id);
      const terms = own.template.terms;
      const line: RollupLine = {
        kind: 'template',
        name: own.template.name,
        slot: null,
        sha256: own.version.sourceSha256,
        resolved: null,
        ...(templateOffers.length
          ? judge(own.version.id, own.template.ownerId)
          : { status: 'OWN' as const, held: null, offer: null }),
        reason: '',
      };
      if (terms && !terms.allowedUses.includes(purpose) && line.status !== 'OWN') {
        Object.assign(line, { status: 'NOT_OFFERED', held: null, offer: null });
        line.reason = `The IP owner’s terms do not allow ${purposeWords(purpose)}`;
      } else if (!templateOffers.length && viewer?.userId !== own.template.ownerId) {
        line.reason = 'The workflow itself is free to use under its terms';
        line.status = 'HELD';
      } else line.reason = reasonFor(line.status, line, purpose, null);
      lines.unshift(line);
    }

    const blocking = lines.filter((l) => ['CLAIMABLE', 'AVAILABLE', 'NOT_OFFERED'].includes(l.status));
    const unknown = lines.filter((l) => l.status === 'UNKNOWN');
    const verdict: RollupVerdict = blocking.length ? 'NOT_COVERED' : unknown.length ? 'UNVERIFIED' : 'COVERED';
    const reasons =
      verdict === 'COVERED'
        ? [`${capitalised(purposeWords(purpose))} is covered`]
        : [...blocking, ...unknown].map((l) => `${l.name}: ${l.reason}`);
    return { purpose, verdict, reasons, lines };
  }
}

const capitalised = (s: string) => s[0]!.toUpperCase() + s.slice(1);

function reasonFor(
  status: RollupStatus,
  judged: { held: LicenseSummary | null; offer: OfferEntity | null },
  purpose: Use,
  match: ResolvedModelFile | null,
): string {
  const guess = match?.matchedBy === 'FILE_NAME' ? ' (matched by file name)' : '';
  switch (status) {
    case 'OWN':
      return `You made it${guess}`;
    case 'HELD':
      return `Your ${judged.held!.tier.toLowerCase()} licence covers ${purposeWords(purpose)}${guess}`;
    case 'CLAIMABLE':
      return `Free: claim the licence to hold it${guess}`;
    case 'AVAILABLE':
      return `You need the ${judged.offer!.tier.toLowerCase()} licence${guess}`;
    case 'NOT_OFFERED':
      return `No licence on sale covers ${purposeWords(purpose)}${guess}`;
    case 'UNKNOWN':
    case 'UNUSED':
      return '';
  }
}
