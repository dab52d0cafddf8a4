import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { In, Repository } from 'typeorm';
import type { NotificationKind } from '@lookbook/core';
import type { KindPreference } from '../inbox/notification-rules';
import { PreferenceEntity } from './preference.entity';

const toPreference = (row: PreferenceEntity): KindPreference => ({
  kind: row.kind,
  inApp: row.inApp,
  email: row.email,
});

@Injectable()
export class PreferenceRepository {
  constructor(@InjectRepository(PreferenceEntity) private readonly rows: Repository<PreferenceEntity>) {}

  /** The kinds the member chose for (the rest keep their defaults). */
  async chosenBy(userId: string, manager?: EntityManager): Promise<KindPreference[]> {
    const rows = await (manager?.getRepository(PreferenceEntity) ?? this.rows).findBy({ userId });
    return rows.map(toPreference);
  }

  /** The choices of many members at once (the digest). */
  async chosenByAll(userIds: readonly string[]): Promise<Map<string, KindPreference[]>> {
    const found = new Map<string, KindPreference[]>(userIds.map((id) => [id, []]));
    if (!userIds.length) return found;
    for (const row of await this.rows.findBy({ userId: In([...userIds]) }))
      found.get(row.userId)?.push(toPreference(row));
    return found;
  }

  /** Writes the given choices (others unchanged), in one statement. */
  async save(userId: string, choices: readonly KindPreference[], at: Date): Promise<void> {
    if (!choices.length) return;
    await this.rows.upsert(
      choices.map((c) => ({ userId, kind: c.kind, inApp: c.inApp, email: c.email, updatedAt: at })),
      ['userId', 'kind'],
    );
  }

  /** Turns mail off for these kinds, keeping the in-app choice (a kind never chosen stays shown in the bell). */
  async emailOff(userId: string, kinds: readonly NotificationKind[], at: Date): Promise<void> {
    if (!kinds.length) return;
    await this.rows.manager.query(
      `INSERT INTO notifications.preference (user_id, kind, in_app, email, updated_at)
       SELECT $1, k, true, 'OFF', $3 FROM unnest($2::text[]) AS k
        WHERE EXISTS (SELECT 1 FROM identity."user" WHERE id = $1)
       ON CONFLICT (user_id, kind) DO UPDATE SET email = 'OFF', updated_at = excluded.updated_at`,
      [userId, kinds, at],
    );
  }
}
