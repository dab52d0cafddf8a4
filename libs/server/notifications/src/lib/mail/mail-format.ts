/** The parts of a mail that are pure functions of its outbox row: its Message-ID and its HTML. */

/** The address inside `Name <address>` (or the bare address). */
export function addressOf(from: string): string {
  return /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from.trim();
}

/**
 * The Message-ID of an outbox mail: the same for every attempt, so a mail sent again after a crash (between the
 * relay accepting it and the row being marked) is the same message to the receiver, which keeps one.
 */
export function messageIdFor(mailId: string, from: string): string {
  const domain = addressOf(from).split('@')[1] ?? 'lookbook.localhost';
  return `<${mailId}@${domain}>`;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Plain text as HTML: everything escaped, http(s) links made clickable, paragraphs kept. Nothing else is markup. */
export function htmlFromText(text: string): string {
  const paragraphs = text.split(/\n{2,}/).map((paragraph) =>
    paragraph
      .split(/(https?:\/\/[^\s<>"']+)/)
      .map((part, i) => (i % 2 === 1 ? `<a href="${escapeHtml(part)}">${escapeHtml(part)}</a>` : escapeHtml(part)))
      .join('')
      .replace(/\n/g, '<br>'),
  );
  return `<!doctype html><html><body>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</body></html>`;
}
