import { Injectable } from '@nestjs/common';
import { CatalogFacade } from '@lookbook/catalog';
import type { Money } from '@lookbook/kernel';
import { LineageRepository } from '../lineage/lineage.repository';
import { SubgraphLocks } from '../ips/subgraph-locks.service';
import type { LineageEntry, SplitPlan } from '../lineage/royalty-cascade';
import { MAX_ROYALTY_DEPTH, royaltyPlan } from '../lineage/royalty-cascade';

/**
 * The royalty plan of a sale, over the sold subject's lineage as it stands now (commerce records it on the order, so
 * later lineage changes never alter a sale already made). Only approved edges count: a remix waiting for, or refused,
 * the IP owner's approval cannot be on sale anyway.
 *
 * Two reads: the declared shares, capped at `MAX_ROYALTY_DEPTH` generations, and the IP the subject uses, at any
 * depth (bound, a bound ancestor however far up, or a locked subgraph it contains): depth never skips the IP owner.
 */
@Injectable()
export class RoyaltyLineage {
  constructor(
    private readonly lineage: LineageRepository,
    private readonly locks: SubgraphLocks,
    private readonly catalog: CatalogFacade,
  ) {}

  async planFor(subjectId: string, sellerId: string, price: Money, platformFeeBps: number): Promise<SplitPlan> {
    // Versions stored before subgraph hashes were kept are hashed first (a no-op once done).
    await this.locks.hashStoredVersions();
    const [nodes, ip] = await Promise.all([
      this.lineage.royaltyLineage(subjectId, MAX_ROYALTY_DEPTH),
      this.lineage.ipUsedBy(subjectId),
    ]);
    // Models in a lineage (a template built on a fine-tune, a merge of models) are authored by their catalog owner.
    const models = nodes.filter((n) => n.authorId === null).map((n) => n.id);
    const modelOwners = models.length ? await this.catalog.modelOwners(models) : new Map<string, string>();
    const lineage = new Map<string, LineageEntry>();
    for (const node of nodes) {
      const authorId = node.authorId ?? modelOwners.get(node.id) ?? (node.id === subjectId ? sellerId : null);
      if (!authorId) continue; // an ancestor that no longer exists is left out, and so is its share (checked below)
      lineage.set(node.id, {
        resourceId: node.id,
        authorId,
        parents: node.parents,
        // The IP was resolved over the whole lineage: it sits on the subject.
        ip: node.id === subjectId && ip ? { ownerId: ip.ownerId, shareBps: ip.shareBps } : undefined,
      });
    }
    // A share declared for a parent that cannot be paid stays with the child's author.
    for (const entry of lineage.values()) entry.parents = entry.parents.filter((p) => lineage.has(p.resourceId));
    return royaltyPlan(price, platformFeeBps, subjectId, sellerId, lineage);
  }
}
