import { Injectable } from '@nestjs/common';
import { CatalogFacade } from '@lookbook/catalog';
import type { ModelDependency } from '@lookbook/comfyui';
import { detectDependencies } from '@lookbook/comfyui';
import type { Actor } from '@lookbook/core';
import { LicensingFacade } from '@lookbook/licensing';
import type { Use } from '../lineage/remix-terms';
import type { TemplateEntity, TemplateVersionEntity } from '../templates/template.entity';
import { TemplateRepository } from '../templates/template.repository';
import { TemplateService } from '../templates/template.service';
import { importWorkflow } from '../workflows/workflow-import';
import type { LicenseRollup, RollupLine } from './license-rollup.rules';
import {
  catalogReason,
  cheapestCovering,
  covers,
  identify,
  judgePublished,
  missingTotals,
  purposeWords,
  UNKNOWN_REASON,
  verdictOf,
} from './license-rollup.rules';

/**
 * The licence roll-up: what must be held to use a workflow for a purpose, and whether the viewer holds it — for a
 * template version (its lockfile, plus the template's own licence and IP terms) or for any dropped ComfyUI file (the
 * "Can I use this?" checker). Each file is a catalog version (judged by the viewer's licences and the offers on sale),
 * a well-known published file (judged by its public licence: SD 1.5, FLUX.1, T5…), or unknown — never covered.
 * Fixed queries: one catalog file resolution, one known-file read, one offers read, one licences read.
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
    const [resolved, published] = await Promise.all([
      this.catalog.resolveModelFiles(viewer, models),
      this.catalog.identifyPublishedFiles(models),
    ]);
    const identities = models.map((_, i) => identify(resolved[i] ?? null, published[i] ?? null));
    const versionIds = [
      ...new Set([
        ...identities.flatMap((id) => (id && 'catalog' in id ? [id.catalog.versionId] : [])),
        ...(own ? [own.version.id] : []),
      ]),
    ];
    const [offers, held] = await Promise.all([
      this.licensing.liveOffers(versionIds),
      viewer ? this.licensing.activeHeldBy(viewer, versionIds) : Promise.resolve([]),
    ]);
    const judge = (versionId: string, ownerId: string) => {
      if (viewer?.userId === ownerId) return { status: 'OWN' as const, held: null, offer: null };
      const licence = held.find((g) => g.versionId === versionId && covers(g.permissions, purpose)) ?? null;
      if (licence) return { status: 'HELD' as const, held: licence, offer: null };
      const offer = cheapestCovering(offers, versionId, purpose);
      return {
        status: offer ? (offer.tier === 'FREE' ? 'CLAIMABLE' : 'AVAILABLE') : 'NOT_OFFERED',
        held: null,
        offer,
      } as const;
    };

    const lines: RollupLine[] = models.map((dependency, i) => {
      const identity = identities[i]!;
      const base = {
        kind: dependency.kind,
        name: dependency.name,
        slot: dependency.slot,
        sha256: dependency.sha256,
        resolved: identity && 'catalog' in identity ? identity.catalog : null,
        published: identity && 'published' in identity ? identity.published : null,
        held: null,
        offer: null,
      };
      if (dependency.unused) return { ...base, status: 'UNUSED', reason: 'Wired in at strength 0: not used' };
      if (!identity) return { ...base, status: 'UNKNOWN', reason: UNKNOWN_REASON };
      if ('published' in identity) return { ...base, ...judgePublished(identity.published, purpose) };
      const judged = judge(identity.catalog.versionId, identity.catalog.ownerId);
      return { ...base, ...judged, reason: catalogReason(judged.status, judged, purpose, identity.catalog) };
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
        published: null,
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
      } else line.reason = catalogReason(line.status, line, purpose, null);
      lines.unshift(line);
    }

    return { purpose, ...verdictOf(purpose, lines), lines, missingTotals: missingTotals(lines) };
  }
}
