import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import type { RemixTerms } from '../lineage/remix-terms';
import { IntellectualPropertyEntity } from './ip.entity';

/**
 * IPs, their template bindings (`templates.ip_binding`, with the terms and the locked subgraph) and the locks that
 * serialise decisions about one subgraph definition. What a binding does to the remixes below the template is the
 * lineage's (`LineageRepository.joinIp` / `leaveIp`).
 */
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

  /** Binds a template: the binding row, and the template takes the IP and its terms. */
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

  /** The binding of each of these templates that has one (its IP and locked subgraph). */
  async bindingsOf(templateIds: readonly string[], manager?: EntityManager): Promise<IpBindingRow[]> {
    if (!templateIds.length) return [];
    return (manager ?? this.dataSource).query(
      `SELECT template_id AS "templateId", ip_id AS "ipId", locked_subgraph AS "lockedSubgraph",
              created_at AS "boundAt"
         FROM templates.ip_binding WHERE template_id = ANY ($1::uuid[])`,
      [templateIds],
    );
  }

  /** Removes a template's binding (and with it the subgraph lock it holds). */
  async unbind(tx: EntityManager, templateId: string, ipId: string): Promise<void> {
    await tx.query(`DELETE FROM templates.ip_binding WHERE template_id = $1 AND ip_id = $2`, [templateId, ipId]);
  }

  /**
   * Serialises everything that decides who may carry these subgraph definitions (a lock, a publish): two
   * transactions touching one definition run one after the other, so a lock and a publish cannot both pass unseen.
   */
  async lockSubgraphs(tx: EntityManager, sha256s: readonly string[]): Promise<void> {
    if (!sha256s.length) return;
    await tx.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('templates.subgraph:' || h, 0))
         FROM (SELECT DISTINCT h FROM unnest($1::text[]) h ORDER BY h) s`,
      [sha256s],
    );
  }

  /** Bindings whose locked subgraph has one of these content hashes, with the IP's and the subgraph's names. */
  async lockedBindings(
    sha256s: readonly string[],
    manager?: EntityManager,
  ): Promise<{ ipId: string; ipName: string; subgraphName: string; templateId: string }[]> {
    if (!sha256s.length) return [];
    return (manager ?? this.dataSource).query(
      `SELECT b.ip_id AS "ipId", ip.name AS "ipName", b.locked_subgraph ->> 'name' AS "subgraphName",
              b.template_id AS "templateId"
         FROM templates.ip_binding b JOIN templates.intellectual_property ip ON ip.id = b.ip_id
        WHERE b.locked_subgraph IS NOT NULL AND b.locked_subgraph ->> 'sha256' = ANY ($1::text[])
        ORDER BY b.created_at, b.template_id`,
      [sha256s],
    );
  }
}

/** A template's binding to an IP. */
export interface IpBindingRow {
  templateId: string;
  ipId: string;
  lockedSubgraph: LockedSubgraphRow | null;
  boundAt: Date;
}

/** A locked subgraph as a binding stores it. */
export interface LockedSubgraphRow {
  id: string;
  name: string;
  revision: number | null;
  sha256: string;
}
