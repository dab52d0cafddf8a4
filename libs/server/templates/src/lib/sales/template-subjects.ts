import type { OnModuleInit } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@lookbook/core';
import { ValidationError } from '@lookbook/kernel';
import type { OfferShape, Subject, SubjectSource, SubjectSummary } from '@lookbook/licensing';
import { LicensableSubjects } from '@lookbook/licensing';
import { LineageRepository } from '../lineage/lineage.repository';
import { TemplateErrors } from '../templates.errors';
import type { TemplateEntity, TemplateVersionEntity } from '../templates/template.entity';
import { TemplateRepository } from '../templates/template.repository';
import { TemplateService } from '../templates/template.service';

/** `urn:lookbook:template:<templateId>:version:<versionId>` — the resource a template licence names. */
export const templateUrn = (templateId: string, versionId: string): string =>
  `urn:lookbook:template:${templateId}:version:${versionId}`;

export const TemplateSaleErrors = {
  parentTakenDown: () =>
    new ValidationError(
      'REMIX_PARENT_TAKEN_DOWN',
      'A template this remix is built on was taken down, so the remix cannot be licensed until it is restored',
    ),
  termsForbidCommercial: (tier: string) =>
    new ValidationError(
      'TERMS_FORBID_COMMERCIAL',
      'The IP owner’s terms allow personal use only, so no commercial licence can be offered',
      { tier },
    ),
  termsForbidDerivatives: (tier: string) =>
    new ValidationError(
      'TERMS_FORBID_DERIVATIVES',
      'The IP owner’s terms do not allow remixes, so no licence may allow derivatives',
      { tier },
    ),
  termsRequireCredit: (tier: string) =>
    new ValidationError('TERMS_REQUIRE_CREDIT', 'The IP owner’s terms require credit: every licence must require it', {
      tier,
    }),
};

const summary = (template: TemplateEntity, version: TemplateVersionEntity): SubjectSummary => ({
  kind: 'TEMPLATE',
  subjectId: template.id,
  versionId: version.id,
  name: template.name,
  versionLabel: version.label,
  status: template.status,
  versionStatus: version.status,
  ownerId: template.ownerId,
});

/**
 * Template versions as licensing sees them: licensable like model versions, under the template's remix terms. A
 * licence covers the exact workflow file imported (its SHA-256).
 */
@Injectable()
export class TemplateSubjects implements SubjectSource, OnModuleInit {
  constructor(
    private readonly subjects: LicensableSubjects,
    private readonly templates: TemplateRepository,
    private readonly templateService: TemplateService,
    private readonly lineage: LineageRepository,
  ) {}

  onModuleInit(): void {
    this.subjects.register('TEMPLATE', this);
  }

  async owned(actor: Actor, versionId: string): Promise<SubjectSummary> {
    const version = await this.templates.versionById(versionId);
    const template = version && (await this.templates.byId(version.templateId));
    if (!version || !template || template.ownerId !== actor.userId) throw TemplateErrors.versionNotFound();
    return summary(template, version);
  }

  async visible(viewer: Actor | undefined, versionId: string): Promise<SubjectSummary> {
    const version = await this.templateService.visibleVersion(viewer, versionId);
    return summary((await this.templates.byId(version.templateId))!, version);
  }

  /**
   * Locks the template (publishing its versions serialises on the same row). A remix whose ancestor was taken down is
   * not for sale: quoting fails with why, and a checkout paid meanwhile is refunded by fulfilment.
   */
  async lock(manager: EntityManager, versionId: string): Promise<Subject> {
    const found = await this.templates.versionById(versionId, manager);
    const template = found && (await this.templates.lock(manager, found.templateId));
    if (!found || !template) throw TemplateErrors.versionNotFound();
    const version = (await this.templates.versionById(versionId, manager))!;
    if (await this.lineage.takenDownAncestor(template.id, manager)) throw TemplateSaleErrors.parentTakenDown();
    // A template's remix parents are royalty lineage, not declared parents; and it runs on no base model of its own
    // (what it loads is in the lockfile, licensed separately).
    return { ...summary(template, version), contentSha256s: [version.sourceSha256], parents: [], baseModel: null };
  }

  async owners(templateIds: readonly string[]): Promise<Map<string, string>> {
    return this.templates.owners(templateIds);
  }

  urn(templateId: string, versionId: string): string {
    return templateUrn(templateId, versionId);
  }

  /** The remix terms bind every licence of the template: what fans may not do, buyers may not be sold. */
  async checkOffers(manager: EntityManager, subject: Subject, offers: readonly OfferShape[]): Promise<void> {
    const terms = (await this.templates.byId(subject.subjectId, manager))?.terms;
    if (!terms) return;
    for (const offer of offers) {
      if (offer.permissions.commercialUse !== 'NONE' && !terms.allowedUses.includes('COMMERCIAL'))
        throw TemplateSaleErrors.termsForbidCommercial(offer.tier);
      if (offer.permissions.derivativesAllowed && !terms.remixAllowed)
        throw TemplateSaleErrors.termsForbidDerivatives(offer.tier);
      if (terms.attribution.length && !offer.permissions.creditRequired)
        throw TemplateSaleErrors.termsRequireCredit(offer.tier);
    }
  }
}
