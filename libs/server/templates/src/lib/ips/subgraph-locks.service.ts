import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LineageRepository } from '../lineage/lineage.repository';
import { TemplateErrors } from '../templates.errors';
import { TemplateRepository } from '../templates/template.repository';
import type { LockedSubgraph } from '../workflows/workflow-graph';
import { hashesOf } from '../workflows/workflow-graph';
import type { IntellectualPropertyEntity } from './ip.entity';
import { IpRepository } from './ip.repository';

const HASH_BATCH = 100;

/**
 * Who may lock a subgraph definition to an IP, and who may carry a locked one (docs/architecture/templates.md, "Lineage and
 * royalties"). Definitions are compared by content hash, whatever their id or revision.
 *
 * - An IP owner may lock a definition only if no other user's published template already contains it (other than
 *   remixes of the IP's own templates), and no other IP has locked it: nobody can squat what someone else published
 *   first, and a definition belongs to one IP.
 * - Once locked, only templates of that IP (bound to it, or remixes of one) may import or publish a version that
 *   contains it; another user's draft that contains it can no longer be published (`TemplateService`).
 * - Locks and publishes of one definition are serialised (`IpRepository.lockSubgraphs`), so a lock and a publish
 *   cannot both pass unseen.
 */
@Injectable()
export class SubgraphLocks {
  constructor(
    private readonly ips: IpRepository,
    private readonly lineage: LineageRepository,
    private readonly templates: TemplateRepository,
  ) {}

  /** Refuses, typed, a lock the rules above forbid. Runs in the binding's transaction. */
  async assertMayLock(
    tx: EntityManager,
    ip: Pick<IntellectualPropertyEntity, 'id' | 'ownerId'>,
    templateId: string,
    subgraph: LockedSubgraph,
  ): Promise<void> {
    await this.ips.lockSubgraphs(tx, [subgraph.sha256]);
    const elsewhere = (await this.ips.lockedBindings([subgraph.sha256], tx)).find((b) => b.ipId !== ip.id);
    if (elsewhere) throw TemplateErrors.subgraphLockedToOtherIp(subgraph.name, elsewhere.ipName);
    await this.hashStoredVersions();
    const published = await this.lineage.publishedByOthers(subgraph.sha256, ip, templateId, tx);
    // Name the other template only while it is public.
    if (published)
      throw TemplateErrors.subgraphPublishedByOthers(
        subgraph.name,
        published.status === 'PUBLISHED' ? published.name : null,
      );
  }

  /**
   * Hashes the subgraphs of versions stored before hashes were kept (the migration left them `NULL`), so every
   * published version is comparable. A no-op (one indexed read) once done.
   */
  async hashStoredVersions(): Promise<void> {
    for (;;) {
      const batch = await this.templates.unhashedVersions(HASH_BATCH);
      for (const version of batch) await this.templates.setSubgraphHashes(version.id, hashesOf(version));
      if (batch.length < HASH_BATCH) return;
    }
  }
}
