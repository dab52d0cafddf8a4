import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@lookbook/core';
import type { Permissions, Tier } from '../offers/permissions';
import { ModelSubjects } from './model-subjects';
import type { Subject, SubjectKind, SubjectSummary } from './subject';

/** One kind of licensable thing, adapted to licensing's `Subject` contract by the domain that owns it. */
export interface SubjectSource {
  /** The caller's own version, or that kind's not-found error. */
  owned(actor: Actor, versionId: string): Promise<SubjectSummary>;
  /** A version the viewer may see, or not found. */
  visible(viewer: Actor | undefined, versionId: string): Promise<SubjectSummary>;
  /** Locks the version (offers, publishing and grants of it serialise here) and returns it, or not found. */
  lock(manager: EntityManager, versionId: string): Promise<Subject>;
  /** Owners of subjects (batched). */
  owners(subjectIds: readonly string[]): Promise<Map<string, string>>;
  urn(subjectId: string, versionId: string): string;
  /** Offers beyond the common compatibility rules (a remix's terms may forbid commercial licences). */
  checkOffers?(manager: EntityManager, subject: Subject, offers: readonly OfferShape[]): Promise<void>;
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

  constructor(models: ModelSubjects) {
    this.sources.set('MODEL', models);
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
