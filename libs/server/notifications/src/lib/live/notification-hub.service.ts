import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import type { Listening } from './notification-listener.repository';
import { NotificationListenerRepository } from './notification-listener.repository';
import { NotificationService } from '../inbox/notification.service';

/** What the hub needs of a live connection: push an event, close it. */
export interface LiveStream {
  push(data: unknown, event: string): void;
  close(): void;
}

export interface HubOptions {
  /** Streams per member per process; a further one closes their oldest. */
  maxPerUser: number;
  /** Signals for one member within this window become one count read (storms). */
  debounceMs: number;
  reconnectMs: number;
}

export const HUB_OPTIONS: HubOptions = { maxPerUser: 5, debounceMs: 100, reconnectMs: 1_000 };

/**
 * The live bell of one API process: its members' open streams in memory (a set per member id), one LISTEN connection
 * (opened with the first stream, closed with the last) fanning each signal out to that member's local streams. On a
 * signal the member's unread count is read once (signals within `debounceMs` coalesce) and pushed to each of their
 * streams. A lost listener reconnects and pushes fresh counts (signals may have been missed meanwhile).
 */
@Injectable()
export class NotificationHub implements OnApplicationShutdown {
  private readonly log = new Logger('NotificationHub');
  private readonly streams = new Map<string, LiveStream[]>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private listening: Promise<Listening> | null = null;
  private reconnect: NodeJS.Timeout | null = null;
  options: HubOptions = HUB_OPTIONS;

  constructor(
    private readonly listener: NotificationListenerRepository,
    private readonly notifications: NotificationService,
  ) {}

  /** Registers a stream, sends its current count, and returns what to call when it disconnects. */
  async attach(userId: string, stream: LiveStream): Promise<() => void> {
    const mine = this.streams.get(userId) ?? [];
    mine.push(stream);
    this.streams.set(userId, mine);
    while (mine.length > this.options.maxPerUser) mine.shift()!.close();
    await this.ensureListening();
    await this.pushCount(userId, [stream]);
    return () => this.detach(userId, stream);
  }

  /** Open streams in this process (all members). */
  get size(): number {
    let n = 0;
    for (const list of this.streams.values()) n += list.length;
    return n;
  }

  /** A signal from the listener: the member's count changed somewhere. */
  signal(userId: string): void {
    if (!this.streams.has(userId) || this.pending.has(userId)) return;
    this.pending.set(
      userId,
      setTimeout(() => {
        this.pending.delete(userId);
        void this.pushCount(userId, this.streams.get(userId) ?? []);
      }, this.options.debounceMs),
    );
  }

  private detach(userId: string, stream: LiveStream): void {
    const mine = this.streams.get(userId);
    if (!mine) return;
    const left = mine.filter((s) => s !== stream);
    if (left.length) this.streams.set(userId, left);
    else this.streams.delete(userId);
    if (!this.streams.size) void this.stopListening();
  }

  private async pushCount(userId: string, targets: readonly LiveStream[]): Promise<void> {
    if (!targets.length) return;
    try {
      const count = await this.notifications.unreadCount(userId);
      for (const stream of targets) stream.push({ count }, 'unread');
    } catch (error) {
      this.log.warn(`could not push the count of ${userId}: ${(error as Error).message}`);
    }
  }

  private ensureListening(): Promise<Listening> {
    this.listening ??= this.listener
      .listen(
        (userId) => this.signal(userId),
        (error) => this.lost(error),
      )
      .catch((error: Error) => {
        this.listening = null;
        this.lost(error);
        throw error;
      });
    return this.listening.catch(() => ({ close: () => Promise.resolve() }));
  }

  private lost(error: Error): void {
    this.log.warn(`notification listener lost: ${error.message}; reconnecting`);
    this.listening = null;
    if (this.reconnect || !this.streams.size) return;
    this.reconnect = setTimeout(() => {
      this.reconnect = null;
      if (!this.streams.size) return;
      void this.ensureListening().then(() => {
        for (const [userId, list] of this.streams) void this.pushCount(userId, list);
      });
    }, this.options.reconnectMs);
  }

  private async stopListening(): Promise<void> {
    const listening = this.listening;
    this.listening = null;
    if (listening) await (await listening.catch(() => null))?.close();
  }

  async onApplicationShutdown(): Promise<void> {
    for (const timer of this.pending.values()) clearTimeout(timer);
    if (this.reconnect) clearTimeout(this.reconnect);
    for (const list of this.streams.values()) for (const stream of list) stream.close();
    this.streams.clear();
    await this.stopListening();
  }
}
