import { Inject, Injectable } from '@nestjs/common';
import { Client } from 'pg';
import { DATABASE_URL } from '@lookbook/core';
import { NOTIFY_CHANNEL } from '../inbox/notification.repository';

/** An open LISTEN: close it to stop. */
export interface Listening {
  close(): Promise<void>;
}

/**
 * The one connection per API process that listens for notification signals (`pg_notify` in the writing transaction,
 * so a signal arrives only when that transaction committed, and never for one rolled back). Each signal's payload is
 * the recipient's id. `onLost` is called once when the connection drops (the caller reconnects).
 */
@Injectable()
export class NotificationListenerRepository {
  constructor(@Inject(DATABASE_URL) private readonly url: string) {}

  async listen(onSignal: (recipientId: string) => void, onLost: (error: Error) => void): Promise<Listening> {
    const client = new Client({ connectionString: this.url, application_name: 'lookbook-notification-listener' });
    let closing = false;
    let lost = false;
    const lose = (error: Error) => {
      if (closing || lost) return;
      lost = true;
      onLost(error);
    };
    client.on('notification', (message) => {
      if (message.channel === NOTIFY_CHANNEL && message.payload) onSignal(message.payload);
    });
    client.on('error', lose);
    client.on('end', () => lose(new Error('listener connection ended')));
    await client.connect();
    await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
    return {
      close: async () => {
        closing = true;
        await client.end().catch(() => undefined);
      },
    };
  }
}
