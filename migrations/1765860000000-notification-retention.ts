import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notification retention: the daily sweep walks notifications oldest first in bounded batches (read ones after 90
 * days, any after 365 by default), by this index on when they were written (with the id, so a batch boundary inside
 * one instant neither skips nor repeats a row).
 */
export class NotificationRetention1765860000000 implements MigrationInterface {
  name = 'NotificationRetention1765860000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX notification_created_idx ON notifications.notification (created_at, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX notifications.notification_created_idx`);
  }
}
