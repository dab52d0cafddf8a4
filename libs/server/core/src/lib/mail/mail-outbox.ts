import type { EntityManager } from 'typeorm';

/** A mail to send, as the domain that causes it words it. The notifications domain stores, sends and retries it. */
export interface OutgoingMail {
  /**
   * One mail per key, whatever happens: a retried request, a double click or a replayed job queueing the same key
   * again changes nothing. Name it after its cause, e.g. `identity.verify-email:<token id>`.
   */
  idempotencyKey: string;
  /** `<domain>.<what>`: shown in the development inbox and the logs. */
  kind: string;
  to: string;
  subject: string;
  /** Plain text; http(s) links on their own are made clickable in the HTML part. */
  text: string;
  /**
   * Extra headers, e.g. `List-Unsubscribe` and `List-Unsubscribe-Post` (RFC 8058) on notification mail. Names are
   * plain header names; no value may hold a line break.
   */
  headers?: Record<string, string>;
}

/**
 * The mail outbox port. `queue` writes the mail in the caller's transaction (pass its EntityManager), so the mail
 * exists if and only if the thing that caused it commits; sending happens later, in a job, with retries. Provided by
 * the notifications domain, so any domain can send mail without importing it.
 */
export abstract class MailOutbox {
  abstract queue(manager: EntityManager, mail: OutgoingMail): Promise<void>;
}
