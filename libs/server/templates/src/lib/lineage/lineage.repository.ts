import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import { violatedConstraint } from '@lookbook/core';
import { LineageErrors } from '../templates.errors';
import type { LineageEdge } from './lineage-edge';

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

/**
 * The lineage graph (`templates.lineage_edge`): every statement that reads or writes an edge is here — edges and their
 * approvals, the walks up and down (the remix tree, takedowns, what joins or leaves an IP with its original) and the
 * royalty reads (declared shares up to a depth, the IP at any depth). The graph is acyclic (a trigger refuses cycles),
 * so the uncapped walks end.
 */
@Injectable()
export class LineageRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
  async decide(childId: string, status: 'APPROVED' | 'REJECTED', manager?: EntityManager): Promise<boolean> {
    const [, affected] = await (manager ?? this.dataSource).query<[unknown, number]>(
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
   * Everything a sale's declared shares need, in one query: the subject and its approved ancestors up to `depth`
   * generations, each with its author (templates; models are left for the catalog to name) and the shares it passes to
   * its direct parents (zero shares included: a parent passed nothing is still a parent). The IP is read apart, at any
   * depth (`ipUsedBy`).
   */
  async royaltyLineage(id: string, depth: number): Promise<RoyaltyNode[]> {
    return this.dataSource.query<RoyaltyNode[]>(
      `WITH RECURSIVE up (id, depth) AS (
         SELECT $1::uuid, 0
         UNION
         SELECT e.parent_id, up.depth + 1 FROM templates.lineage_edge e JOIN up ON e.child_id = up.id
          WHERE e.status = 'APPROVED' AND up.depth < $2
       )
       SELECT n.id, t.owner_id AS "authorId",
              coalesce((SELECT json_agg(json_build_object('resourceId', e.parent_id, 'shareBps', e.share_bps)
                                        ORDER BY e.created_at, e.parent_id)
                          FROM templates.lineage_edge e
                         WHERE e.child_id = n.id AND e.status = 'APPROVED'), '[]') AS parents
         FROM (SELECT DISTINCT id FROM up) n
         LEFT JOIN templates.template t ON t.id = n.id`,
      [id, depth],
    );
  }

  /**
   * The IP a sale of this subject pays, whatever the depth: the nearest binding among the subject and its approved
   * ancestors (no depth cap: the lineage is acyclic, so the walk ends); else an IP whose locked subgraph one of the
   * subject's published versions contains. The share is the binding's, or the subject's own terms' when they belong to
   * that IP and ask more (a remix may raise it, never lower it).
   */
  async ipUsedBy(id: string, manager?: EntityManager): Promise<UsedIp | null> {
    const [row] = await (manager ?? this.dataSource).query<UsedIp[]>(
      `WITH RECURSIVE up (id, depth) AS (
         SELECT $1::uuid, 0
         UNION
         SELECT e.parent_id, up.depth + 1 FROM templates.lineage_edge e JOIN up ON e.child_id = up.id
          WHERE e.status = 'APPROVED'
       ),
       found AS (
         (SELECT b.ip_id, b.ip_share_bps, 'LINEAGE' AS via, 0 AS rank
            FROM up JOIN templates.ip_binding b ON b.template_id = up.id
           ORDER BY up.depth, b.created_at, b.template_id LIMIT 1)
         UNION ALL
         (SELECT b.ip_id, b.ip_share_bps, 'SUBGRAPH', 1
            FROM templates.template_version v
            JOIN templates.ip_binding b
              ON b.locked_subgraph IS NOT NULL AND v.subgraph_sha256s @> ARRAY[b.locked_subgraph ->> 'sha256']
           WHERE v.template_id = $1 AND v.status = 'PUBLISHED'
           ORDER BY b.created_at, b.template_id LIMIT 1)
       )
       SELECT f.ip_id AS "ipId", ip.owner_id AS "ownerId", f.via,
              greatest(f.ip_share_bps,
                       CASE WHEN t.ip_id = f.ip_id THEN coalesce((t.terms ->> 'ipShareBps')::int, 0) ELSE 0 END)
                AS "shareBps"
         FROM found f
         JOIN templates.intellectual_property ip ON ip.id = f.ip_id
         LEFT JOIN templates.template t ON t.id = $1
        ORDER BY f.rank LIMIT 1`,
      [id],
    );
    return row ?? null;
  }

  /**
   * The nearest ancestor (any depth, approved edges: no cap, the lineage being acyclic) that a moderator took down, if
   * any — depth no more hides a takedown than it skips the IP owner.
   */
  async takenDownAncestor(id: string, manager?: EntityManager): Promise<string | null> {
    const rows = await (manager ?? this.dataSource).query<{ id: string }[]>(
      `WITH RECURSIVE up (id, depth) AS (
         SELECT e.parent_id, 1 FROM templates.lineage_edge e WHERE e.child_id = $1 AND e.status = 'APPROVED'
         UNION
         SELECT e.parent_id, up.depth + 1 FROM templates.lineage_edge e JOIN up ON e.child_id = up.id
          WHERE e.status = 'APPROVED'
       )
       SELECT t.id FROM up JOIN templates.template t ON t.id = up.id
        WHERE t.status = 'TAKEN_DOWN' ORDER BY up.depth LIMIT 1`,
      [id],
    );
    return rows[0]?.id ?? null;
  }

  /**
   * A template was just bound to an IP: remixes made before the binding use the IP too (they pay its share like any
   * remix). Every remix below it, at any depth, that belongs to no IP joins this one, keeping the terms it was made
   * under.
   */
  async joinIp(tx: EntityManager, templateId: string, ipId: string, at: Date): Promise<void> {
    await tx.query(
      `WITH RECURSIVE down (id) AS (
         SELECT e.child_id FROM templates.lineage_edge e WHERE e.parent_id = $1
         UNION
         SELECT e.child_id FROM templates.lineage_edge e JOIN down ON e.parent_id = down.id
       )
       UPDATE templates.template t SET ip_id = $2, updated_at = $3 FROM down WHERE t.id = down.id AND t.ip_id IS NULL`,
      [templateId, ipId, at],
    );
  }

  /**
   * A template was just unbound from its IP: it and every remix below it (any depth, any decision) that belongs to
   * the IP leave it — `ip_id` cleared, their terms kept but for what needs an IP owner (their share becomes 0,
   * approval automatic) — and remixes among them still waiting for the IP owner are approved, as nobody is left to
   * decide. Edges and declared shares stay. Returns how many remixes left the IP and how many were approved.
   */
  async leaveIp(
    tx: EntityManager,
    templateId: string,
    ipId: string,
    at: Date,
  ): Promise<{ releasedRemixes: number; approvedRemixes: number }> {
    const [counts] = await tx.query<{ released: number; approved: number }[]>(
      `WITH RECURSIVE down (id) AS (
         SELECT $1::uuid
         UNION
         SELECT e.child_id FROM templates.lineage_edge e JOIN down ON e.parent_id = down.id
       ),
       released AS (
         UPDATE templates.template t
            SET ip_id = NULL, updated_at = $3,
                terms = t.terms || jsonb_build_object('ipShareBps', 0, 'approval', 'AUTOMATIC')
           FROM down WHERE t.id = down.id AND t.ip_id = $2
         RETURNING t.id
       ),
       approved AS (
         UPDATE templates.lineage_edge e SET status = 'APPROVED'
           FROM released r WHERE e.child_id = r.id AND e.status = 'PENDING'
         RETURNING e.child_id
       )
       SELECT (SELECT count(*)::int FROM released WHERE id <> $1) AS released,
              (SELECT count(*)::int FROM approved) AS approved`,
      [templateId, ipId, at],
    );
    return { releasedRemixes: counts!.released, approvedRemixes: counts!.approved };
  }

  /**
   * A published template (not taken down) of someone other than the IP owner that contains this subgraph definition
   * — other than remixes, at any depth, of the template being bound or of a template already bound to the IP (those
   * carry it because they remix the IP's own work). The first published, if any: what stops a lock (`SubgraphLocks`).
   */
  async publishedByOthers(
    sha256: string,
    ip: { id: string; ownerId: string },
    templateId: string,
    manager?: EntityManager,
  ): Promise<{ templateId: string; name: string; status: string } | null> {
    const [row] = await (manager ?? this.dataSource).query<{ templateId: string; name: string; status: string }[]>(
      `SELECT t.id AS "templateId", t.name, t.status
         FROM templates.template_version v JOIN templates.template t ON t.id = v.template_id
        WHERE v.status = 'PUBLISHED' AND v.subgraph_sha256s @> ARRAY[$1]::text[]
          AND t.owner_id <> $2 AND t.status <> 'TAKEN_DOWN'
          AND NOT EXISTS (
            WITH RECURSIVE up (id) AS (
              SELECT t.id
              UNION
              SELECT e.parent_id FROM templates.lineage_edge e JOIN up ON e.child_id = up.id
            )
            SELECT 1 FROM up
             WHERE up.id = $4 OR up.id IN (SELECT b.template_id FROM templates.ip_binding b WHERE b.ip_id = $3)
          )
        ORDER BY v.published_at, v.id LIMIT 1`,
      [sha256, ip.ownerId, ip.id, templateId],
    );
    return row ?? null;
  }
}

export interface RoyaltyNode {
  id: string;
  /** Null when the node is not a template (a model: its author comes from the catalog). */
  authorId: string | null;
  parents: { resourceId: string; shareBps: number }[];
}

/** The IP a sale pays: found through the lineage (bound, or a bound ancestor) or a locked subgraph the subject holds. */
export interface UsedIp {
  ipId: string;
  ownerId: string;
  shareBps: number;
  via: 'LINEAGE' | 'SUBGRAPH';
}
