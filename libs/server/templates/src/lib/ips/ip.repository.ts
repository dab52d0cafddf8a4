import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import { violatedConstraint } from '@lookbook/core';
import { ValidationError } from '@lookbook/kernel';
import type { RemixTerms } from '../lineage/remix-terms';
import type { LineageEdge } from './ip.entity';
import { IntellectualPropertyEntity } from './ip.entity';

export const LineageErrors = {
  cycle: () =>
    new ValidationError('LINEAGE_CYCLE', 'That would make a resource its own ancestor', { field: 'parentId' }),
  duplicate: () => new ValidationError('LINEAGE_EXISTS', 'This parent is declared already', { field: 'parentId' }),
};

interface EdgeRow {
  child_id: string;
  parent_id: string;
  relation: LineageEdge['relation'];
  share_bps: number;
  status: LineageEdge['status'];
  created_at: Date;
}
const toEdge = (r: EdgeRow): LineageEdge => ({
  childId: r.child_id,
  parentId: r.parent_id,
  relation: r.relation,
  shareBps: r.share_bps,
  status: r.status,
  createdAt: r.created_at,
});

/** IPs, template bindings and the lineage graph. */
@Injectable()
export class IpRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertIp(ip: IntellectualPropertyEntity): Promise<void> {
    await this.dataSource.getRepository(IntellectualPropertyEntity).insert(ip);
  }

  ipById(id: string, manager?: EntityManager): Promise<IntellectualPropertyEntity | null> {
    return (manager ?? this.dataSource).getRepository(IntellectualPropertyEntity).findOneBy({ id });
  }

  ipsOf(ownerId: string): Promise<IntellectualPropertyEntity[]> {
    return this.dataSource
      .getRepository(IntellectualPropertyEntity)
      .find({ where: { ownerId }, order: { createdAt: 'DESC' } });
  }

  async bind(
    tx: EntityManager,
    binding: { templateId: string; ipId: string; terms: RemixTerms; lockedSubgraph: object | null },
    at: Date,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO templates.ip_binding (template_id, ip_id, terms, ip_share_bps, approval, locked_subgraph, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        binding.templateId,
        binding.ipId,
        JSON.stringify(binding.terms),
        binding.terms.ipShareBps,
        binding.terms.approval,
        binding.lockedSubgraph && JSON.stringify(binding.lockedSubgraph),
        at,
      ],
    );
    await tx.query(`UPDATE templates.template SET terms = $2, ip_id = $3, updated_at = $4 WHERE id = $1`, [
      binding.templateId,
      JSON.stringify(binding.terms),
      binding.ipId,
      at,
    ]);
  }

  /** Template → template by default; a derived model is MODEL → MODEL. Cycles and duplicates are typed errors. */
  async insertEdge(tx: EntityManager, edge: LineageEdge, kind: 'TEMPLATE' | 'MODEL' = 'TEMPLATE'): Promise<void> {
    try {
      await tx.query(
        `INSERT INTO templates.lineage_edge (child_kind, child_id, parent_kind, parent_id, relation, share_bps, status,
                created_at)
         VALUES ($7, $1, $7, $2, $3, $4, $5, $6)`,
        [edge.childId, edge.parentId, edge.relation, edge.shareBps, edge.status, edge.createdAt, kind],
      );
    } catch (error) {
      const constraint = violatedConstraint(error);
      if (constraint === 'lineage_acyclic' || constraint === 'lineage_edge_check') throw LineageErrors.cycle();
      if (constraint === 'lineage_edge_pkey') throw LineageErrors.duplicate();
      throw error;
    }
  }

  async parentsOf(childId: string, manager?: EntityManager): Promise<LineageEdge[]> {
    const rows = await (manager ?? this.dataSource).query<EdgeRow[]>(
      `SELECT * FROM templates.lineage_edge WHERE child_id = $1 ORDER BY created_at, parent_id`,
      [childId],
    );
    return rows.map(toEdge);
  }

  /**
   * Decides a pending remix, once: the conditional update lets exactly one of two concurrent decisions through; the
   * other finds nothing pending.
   */
  async decide(childId: string, status: 'APPROVED' | 'REJECTED'): Promise<boolean> {
    const [, affected] = await this.dataSource.query<[unknown, number]>(
      `UPDATE templates.lineage_edge SET status = $2 WHERE child_id = $1 AND status = 'PENDING'`,
      [childId, status],
    );
    return affected > 0;
  }

  /** Pending remixes of the owner's IPs, oldest first (the approval queue). */
  async pendingFor(ownerId: string): Promise<LineageEdge[]> {
    const rows = await this.dataSource.query<EdgeRow[]>(
      `SELECT e.* FROM templates.lineage_edge e
         JOIN templates.template t ON t.id = e.child_id
         JOIN templates.intellectual_property ip ON ip.id = t.ip_id
        WHERE e.status = 'PENDING' AND ip.owner_id = $1
        ORDER BY e.created_at, e.child_id LIMIT 200`,
      [ownerId],
    );
    return rows.map(toEdge);
  }

  /** Ancestors (up) or descendants (down) within `depth` generations, nearest first. */
  async related(id: string, direction: 'up' | 'down', depth: number): Promise<(LineageEdge & { depth: number })[]> {
    const [from, to] = direction === 'up' ? ['child_id', 'parent_id'] : ['parent_id', 'child_id'];
    const rows = await this.dataSource.query<(EdgeRow & { depth: number })[]>(
      `WITH RECURSIVE walk AS (
         SELECT e.*, 1 AS depth FROM templates.lineage_edge e WHERE e.${from} = $1
         UNION ALL
         SELECT e.*, w.depth + 1 FROM templates.lineage_edge e JOIN walk w ON e.${from} = w.${to}
          WHERE w.depth < $2
       )
       SELECT * FROM walk ORDER BY depth, created_at LIMIT 500`,
      [id, depth],
    );
    return rows.map((r) => ({ ...toEdge(r), depth: r.depth }));
  }

  /**
   * Everything a sale's royalty plan needs, in one query: the subject and its approved ancestors up to `depth`
   * generations, each with its author (templates; models are left for the catalog to name), its IP binding, and the
   * shares it passes to its direct parents.
   */
  async royaltyLineage(id: string, depth: number): Promise<RoyaltyNode[]> {
    return this.dataSource.query<RoyaltyNode[]>(
      `WITH RECURSIVE up (id, depth) AS (
         SELECT $1::uuid, 0
         UNION
         SELECT e.parent_id, up.depth + 1 FROM templates.lineage_edge e JOIN up ON e.child_id = up.id
          WHERE e.status = 'APPROVED' AND up.depth < $2
       )
       SELECT n.id, t.owner_id AS "authorId", b.ip_share_bps AS "ipShareBps", ip.owner_id AS "ipOwnerId",
              coalesce((SELECT json_agg(json_build_object('resourceId', e.parent_id, 'shareBps', e.share_bps)
                                        ORDER BY e.created_at, e.parent_id)
                          FROM templates.lineage_edge e
                         WHERE e.child_id = n.id AND e.status = 'APPROVED' AND e.share_bps > 0), '[]') AS parents
         FROM (SELECT DISTINCT id FROM up) n
         LEFT JOIN templates.template t ON t.id = n.id
         LEFT JOIN templates.ip_binding b ON b.template_id = n.id
         LEFT JOIN templates.intellectual_property ip ON ip.id = b.ip_id`,
      [id, depth],
    );
  }

  /** Bindings whose locked subgraph has one of these content hashes, with the IP's and the subgraph's names. */
  async lockedBindings(
    sha256s: readonly string[],
    manager?: EntityManager,
  ): Promise<{ ipId: string; ipName: string; subgraphName: string }[]> {
    if (!sha256s.length) return [];
    return (manager ?? this.dataSource).query(
      `SELECT b.ip_id AS "ipId", ip.name AS "ipName", b.locked_subgraph ->> 'name' AS "subgraphName"
         FROM templates.ip_binding b JOIN templates.intellectual_property ip ON ip.id = b.ip_id
        WHERE b.locked_subgraph ->> 'sha256' = ANY ($1::text[])`,
      [sha256s],
    );
  }

  /** The nearest ancestor (any depth, approved edges) that a moderator took down, if any. */
  async takenDownAncestor(id: string, manager?: EntityManager): Promise<string | null> {
    const rows = await (manager ?? this.dataSource).query<{ id: string }[]>(
      `WITH RECURSIVE up (id, depth) AS (
         SELECT e.parent_id, 1 FROM templates.lineage_edge e WHERE e.child_id = $1 AND e.status = 'APPROVED'
         UNION
         SELECT e.parent_id, up.depth + 1 FROM templates.lineage_edge e JOIN up ON e.child_id = up.id
          WHERE e.status = 'APPROVED' AND up.depth < 50
       )
       SELECT t.id FROM up JOIN templates.template t ON t.id = up.id
        WHERE t.status = 'TAKEN_DOWN' ORDER BY up.depth LIMIT 1`,
      [id],
    );
    return rows[0]?.id ?? null;
  }
}

export interface RoyaltyNode {
  id: string;
  /** Null when the node is not a template (a model: its author comes from the catalog). */
  authorId: string | null;
  ipShareBps: number | null;
  ipOwnerId: string | null;
  parents: { resourceId: string; shareBps: number }[];
}
