import type { OnApplicationShutdown } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client } from 'pg';
import { DATABASE_URL } from './database.tokens';

/** Every write to a table anonymous catalog readers see notifies this channel (a statement trigger, on commit). */
export const PUBLIC_CATALOG_CHANNEL = 'public_catalog_changed';
const RECONNECT_MS = 1000;

/**
 * Tells in-process caches of public catalog data that it changed — whichever process or instance wrote it — through
 * Postgres LISTEN/NOTIFY. Connects on the first subscription (processes that cache nothing never hold a connection).
 * While disconnected, subscribers are told on every reconnect (a notification may have been missed) and their TTLs
 * bound the staleness.
 */
@Injectable()
export class PublicCatalogChanges implements OnApplicationShutdown {
  private readonly logger = new Logger(PublicCatalogChanges.name);
  private readonly subscribers = new Set<() => void>();
  private client: Client | undefined;
  private closed = false;
  private everConnected = false;
  private listening: Promise<void> | undefined;

  constructor(@Inject(DATABASE_URL) private readonly url: string) {}

  /** Calls `onChange` after every committed public catalog write; returns the unsubscribe function. */
  subscribe(onChange: () => void): () => void {
    this.subscribers.add(onChange);
    this.listening ??= this.listen();
    return () => this.subscribers.delete(onChange);
  }

  /** True while notifications are being received: caches store nothing they could not be told to drop. */
  get live(): boolean {
    return this.client !== undefined;
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await this.client?.end().catch(() => undefined);
  }

  private changed(): void {
    for (const subscriber of this.subscribers) subscriber();
  }

  private async listen(): Promise<void> {
    while (!this.closed) {
      const client = new Client({ connectionString: this.url, application_name: 'lookbook-cache-listener' });
      try {
        await client.connect();
        client.on('notification', () => this.changed());
        client.on('error', () => undefined);
        client.on('end', () => {
          if (this.client !== client || this.closed) return;
          this.client = undefined;
          this.listening = new Promise((resolve) => setTimeout(resolve, RECONNECT_MS)).then(() => this.listen());
        });
        await client.query(`LISTEN ${PUBLIC_CATALOG_CHANNEL}`);
        const reconnected = this.everConnected;
        this.everConnected = true;
        this.client = client;
        // Writes made while we were disconnected went unheard: drop everything once.
        if (reconnected) this.changed();
        return;
      } catch (error) {
        await client.end().catch(() => undefined);
        this.logger.warn(`cache invalidation listener unavailable: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
      }
    }
  }
}
