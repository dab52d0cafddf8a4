import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { join } from 'node:path';
import type { MailSink } from '@lookbook/notifications';
import { startMailSink } from '@lookbook/notifications';
import { freePort, signUpUser } from '@lookbook/testing';
import { eventually } from './support/eventually';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { startTestWorker } from './support/test-worker';

interface OutboxRow {
  id: string;
  status: string;
  attempts: number;
  last_error: string | null;
}

/** SMTP faults: the relay down (retried later, nothing lost) and a crash between send and mark (nothing doubled). */
describe('mail faults at the SMTP boundary', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let sink: MailSink | undefined;
  let port: number;

  beforeAll(async () => {
    api = await startTestApi();
    port = await freePort();
    // Nothing listens on this port yet: the relay is down.
    worker = await startTestWorker(api.db.url, { env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
  });
  afterAll(async () => {
    await worker?.close();
    await sink?.stop();
    await api?.close();
  });

  const rowsTo = (email: string) =>
    api.db.query<OutboxRow>(
      `SELECT id, status, attempts, last_error FROM notifications.outbox_mail WHERE to_address = $1 ORDER BY created_at`,
      [email],
    );
  const received = async (email: string) =>
    ((await request(api.server).get('/api/dev/mail').query({ to: email })).body as { mails: { id: string }[] }).mails;

  it('keeps mail while SMTP is down and sends each exactly once when it is back, even if a send is repeated', async () => {
    const users = await Promise.all([1, 2, 3].map(() => signUpUser(api.server)));
    // Every attempt fails and is recorded on its row; nothing is lost, nothing is marked sent.
    for (const user of users) {
      const [row] = await eventually(
        async () => {
          const rows = await rowsTo(user.email);
          return rows[0] && rows[0].attempts >= 1 ? rows : undefined;
        },
        { what: `a failed attempt for ${user.email}` },
      );
      expect(row).toMatchObject({ status: 'PENDING' });
      expect(row!.last_error).toMatch(/ECONNREFUSED|connect/i);
    }

    sink = await startMailSink({ directory: join(api.dataDir, 'mail'), port, production: false });
    // The queue's backoff brings every job back; make it now rather than in a few seconds.
    await api.db.query(`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE task_id IN
      (SELECT id FROM graphile_worker._private_tasks WHERE identifier = 'notifications.send-mail')`);
    for (const user of users) {
      await eventually(async () => ((await rowsTo(user.email))[0]?.status === 'SENT' ? true : undefined), {
        what: `${user.email}'s mail sent`,
        timeoutMs: 30_000,
      });
      expect(await received(user.email)).toHaveLength(1);
    }

    // A crash after the relay accepted a mail but before its row was marked: the job runs again and sends it again,
    // with the same Message-ID, so the receiver still holds one message.
    expect(sink.counts()).toEqual({ delivered: 3, kept: 3 });
    const [row] = await rowsTo(users[0]!.email);
    await api.db.query(`UPDATE notifications.outbox_mail SET status = 'PENDING', sent_at = NULL WHERE id = $1`, [
      row!.id,
    ]);
    await api.db.query(
      `SELECT graphile_worker.add_job('notifications.send-mail', json_build_object('mailId', $1::text))`,
      [row!.id],
    );
    await eventually(async () => ((await rowsTo(users[0]!.email))[0]?.status === 'SENT' ? true : undefined), {
      what: 'the repeated send',
    });
    expect(await received(users[0]!.email)).toHaveLength(1);
    expect(sink.counts()).toEqual({ delivered: 4, kept: 3 });
    const [count] = await api.db.query<{ n: string }>(
      `SELECT count(*) AS n FROM notifications.outbox_mail WHERE to_address = ANY($1)`,
      [users.map((u) => u.email)],
    );
    expect(Number(count!.n)).toBe(3);
  });
});
