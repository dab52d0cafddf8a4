import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@lookbook/core';
import type { VersionFacts, VersionSummary } from '@lookbook/catalog';
import { CatalogFacade, versionUrn } from '@lookbook/catalog';
import type { Permissions, Tier } from '../offers/permissions';

/** What a licence can be for: a catalog model version, or a workflow template version. */
export const SUBJECT_KINDS = ['MODEL', 'TEMPLATE'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/**
 * One kind of licensable thing, as licensing sees it. `modelId`/`versionId` in the facts are the subject and its
 * version (a template and its version for templates); `fileSha256s` are the bytes a licence covers.
 */
export interface SubjectSource {
  /** The caller's own version, or that kind's not-found error. */
  owned(actor: Actor, versionId: string): Promise<VersionSummary>;
  /** A version the viewer may see, or not found. */
  visible(viewer: Actor | undefined, versionId: string): Promise<VersionSummary>;
  /** Locks the version (offers, publishing and grants of it serialise here) and returns its facts, or not found. */
  lock(manager: EntityManager, versionId: string): Promise<VersionFacts>;
  /** Owners of subjects (batched). */
  owners(subjectIds: readonly string[]): Promise<Map<string, string>>;
  urn(subjectId: string, versionId: string): string;
  /** Offers beyond the common compatibility rules (a remix's terms may forbid commercial licences). */
  checkOffers?(manager: EntityManager, facts: VersionFacts, offers: readonly OfferShape[]): Promise<void>;
  /** Who may download the bytes follows the offers (models only: a template's workflow is public once published). */
  setAccess?(manager: EntityManager, versionId: string, access: 'FREE' | 'LICENSED'): Promise<void>;
}

export interface OfferShape {
  tier: Tier;
  permissions: Permissions;
}

/**
 * The registry of licensable kinds. Models come from the catalog (below licensing); templates register themselves
 * from the templates domain (above it), so licensing never imports what it sells.
 */
@Injectable()
export class LicensableSubjects {
  private readonly sources = new Map<SubjectKind, SubjectSource>();

  constructor(catalog: CatalogFacade) {
    this.sources.set('MODEL', {
      owned: (actor, id) => catalog.ownedVersion(actor, id),
      visible: (viewer, id) => catalog.visibleVersion(viewer, id),
      lock: (manager, id) => catalog.lockVersion(manager, id),
      owners: (ids) => catalog.modelOwners(ids),
      urn: versionUrn,
      setAccess: (manager, id, access) => catalog.setVersionAccess(manager, id, access),
    });
  }

  register(kind: SubjectKind, source: SubjectSource): void {
    this.sources.set(kind, source);
  }

  of(kind: SubjectKind): SubjectSource {
    const source = this.sources.get(kind);
    // A programming error (the templates module is not loaded), not a user's: fail loudly.
    if (!source) throw new Error(`No licensable subject source for ${kind}`);
    return source;
  }
}
