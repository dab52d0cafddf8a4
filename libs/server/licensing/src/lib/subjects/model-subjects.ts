import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { VersionFacts, VersionSummary } from '@lookbook/catalog';
import { CatalogFacade, versionUrn } from '@lookbook/catalog';
import type { Actor } from '@lookbook/core';
import type { SubjectSource } from './licensable-subjects';
import type { Subject, SubjectSummary } from './subject';

/** A catalog version as a subject. */
export const modelSubjectSummary = (v: VersionSummary): SubjectSummary => ({
  kind: 'MODEL',
  subjectId: v.modelId,
  versionId: v.versionId,
  name: v.modelName,
  versionLabel: v.versionName,
  status: v.modelStatus,
  versionStatus: v.versionStatus,
  ownerId: v.ownerId,
});

/** A catalog version's facts (read under its lock) as a subject. */
export const modelSubject = (v: VersionFacts): Subject => ({
  ...modelSubjectSummary(v),
  contentSha256s: v.fileSha256s,
  parents: v.declaredParents,
  baseModel: { id: v.baseModelId, nonCommercial: v.baseModelNonCommercial },
});

/** Style model versions as licensing sees them: the catalog's facts, adapted. Who may download follows the offers. */
@Injectable()
export class ModelSubjects implements SubjectSource {
  constructor(private readonly catalog: CatalogFacade) {}

  async owned(actor: Actor, versionId: string): Promise<SubjectSummary> {
    return modelSubjectSummary(await this.catalog.ownedVersion(actor, versionId));
  }

  async visible(viewer: Actor | undefined, versionId: string): Promise<SubjectSummary> {
    return modelSubjectSummary(await this.catalog.visibleVersion(viewer, versionId));
  }

  async lock(manager: EntityManager, versionId: string): Promise<Subject> {
    return modelSubject(await this.catalog.lockVersion(manager, versionId));
  }

  owners(modelIds: readonly string[]): Promise<Map<string, string>> {
    return this.catalog.modelOwners(modelIds);
  }

  urn(modelId: string, versionId: string): string {
    return versionUrn(modelId, versionId);
  }

  setAccess(manager: EntityManager, versionId: string, access: 'FREE' | 'LICENSED'): Promise<void> {
    return this.catalog.setVersionAccess(manager, versionId, access);
  }
}
