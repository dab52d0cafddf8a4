import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { FollowableKind, LikeableKind, OwnedSubject, SubjectDescription } from './subject';

/**
 * What community reads of other domains' tables (docs/decisions/0021-community-reads-across-domains.md): whether a
 * subject exists and is public, and who owns it. Published models and templates, sample images of published versions
 * of published models, IPs, and users (through `identity.public_profile`).
 */
@Injectable()
export class SubjectRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The subject with its owner when it exists and is public (or, with `anyStatus`, exists at all: taking a like
   * back credits the owner whatever became of the item), else null. One statement.
   */
  async publicSubject(
    kind: LikeableKind | FollowableKind,
    id: string,
    anyStatus = false,
  ): Promise<OwnedSubject | null> {
    const [row] = await this.dataSource.query<{ owner_id: string }[]>(
      `SELECT m.owner_id FROM catalog.style_model m WHERE $1 = 'MODEL' AND m.id = $2 AND ($3 OR m.status = 'PUBLISHED')
       UNION ALL
       SELECT t.owner_id FROM templates.template t WHERE $1 = 'TEMPLATE' AND t.id = $2 AND ($3 OR t.status = 'PUBLISHED')
       UNION ALL
       SELECT m.owner_id
         FROM catalog.sample_image i
         JOIN catalog.model_version v ON v.id = i.version_id AND ($3 OR v.status = 'PUBLISHED')
         JOIN catalog.style_model m ON m.id = v.model_id AND ($3 OR m.status = 'PUBLISHED')
        WHERE $1 = 'IMAGE' AND i.id = $2
       UNION ALL
       SELECT p.owner_id FROM templates.intellectual_property p WHERE $1 = 'IP' AND p.id = $2
       UNION ALL
       SELECT u.id FROM identity.public_profile u WHERE $1 = 'USER' AND u.id = $2`,
      [kind, id, anyStatus],
    );
    return row ? { kind, id, ownerId: row.owner_id } : null;
  }

  /**
   * How a notification about an act on a subject reads: the actor's public name and handle, and the subject's name
   * and page (an image reads as its model's). One statement; null when the actor has no public profile.
   */
  async describe(kind: LikeableKind | FollowableKind, id: string, actorId: string): Promise<SubjectDescription | null> {
    const [row] = await this.dataSource.query<
      { actor_name: string; actor_handle: string; name: string | null; url: string | null }[]
    >(
      `SELECT a.display_name AS actor_name, a.handle AS actor_handle, s.name, s.url
         FROM identity.public_profile a
         LEFT JOIN LATERAL (
           SELECT m.name, '/models/' || m.id AS url FROM catalog.style_model m WHERE $1 = 'MODEL' AND m.id = $2
           UNION ALL
           SELECT t.name, '/templates/' || t.id FROM templates.template t WHERE $1 = 'TEMPLATE' AND t.id = $2
           UNION ALL
           SELECT m.name, '/models/' || m.id
             FROM catalog.sample_image i
             JOIN catalog.model_version v ON v.id = i.version_id
             JOIN catalog.style_model m ON m.id = v.model_id
            WHERE $1 = 'IMAGE' AND i.id = $2
           UNION ALL
           SELECT p.name, '/studio/ips' FROM templates.intellectual_property p WHERE $1 = 'IP' AND p.id = $2
           UNION ALL
           SELECT u.display_name, '/u/' || u.handle FROM identity.public_profile u WHERE $1 = 'USER' AND u.id = $2
         ) s ON true
        WHERE a.id = $3
        LIMIT 1`,
      [kind, id, actorId],
    );
    return row
      ? { actorName: row.actor_name, actorHandle: row.actor_handle, name: row.name ?? '', url: row.url ?? '/' }
      : null;
  }
}
