import { Injectable } from '@nestjs/common';
import { CatalogFacade } from '@lookbook/catalog';
import type { Money } from '@lookbook/kernel';
import { IpRepository } from '../ips/ip.repository';
import type { LineageEntry, RoyaltyPlan } from '../lineage/royalty-cascade';
import { MAX_ROYALTY_DEPTH, royaltyPlan } from '../lineage/royalty-cascade';

/**
 * The royalty plan of a sale, over the sold subject's lineage as it stands now (commerce records it on the order, so
 * later lineage changes never alter a sale already made). Only approved edges count: a remix waiting for, or refused,
 * the IP owner's approval cannot be on sale anyway.
 */
@Injectable()
export class RoyaltyLineage {
  constructor(
    private readonly ips: IpRepository,
    private readonly catalog: CatalogFacade,
  ) {}

  async planFor(subjectId: string, sellerId: string, price: Money, platformFeeBps: number): Promise<RoyaltyPlan> {
    const nodes = await this.ips.royaltyLineage(subjectId, MAX_ROYALTY_DEPTH);
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
        ip: node.ipOwnerId && node.ipShareBps ? { ownerId: node.ipOwnerId, shareBps: node.ipShareBps } : undefined,
      });
    }
    // A share declared for a parent that cannot be paid stays with the child's author.
    for (const entry of lineage.values()) entry.parents = entry.parents.filter((p) => lineage.has(p.resourceId));
    return royaltyPlan(price, platformFeeBps, subjectId, sellerId, lineage);
  }
}
