/** A mail as the development sink received it (its JSON file under `DATA_DIR/mail`). */
export interface ReceivedMail {
  /** From the Message-ID: stable, URL-safe. */
  id: string;
  messageId: string;
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  /** The `X-Lookbook-Kind` header (e.g. `identity.verify-email`), when the mail came from Lookbook. */
  kind: string | null;
  /** The `List-Unsubscribe` and `List-Unsubscribe-Post` headers (RFC 8058), as sent; absent on account mail. */
  listUnsubscribe?: string | null;
  listUnsubscribePost?: string | null;
}

/** The http(s) links in a text, in order, each once: the development inbox makes them clickable. */
export function linksIn(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[^\s<>"']+/g) ?? [])];
}
