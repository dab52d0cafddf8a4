import { Link } from '@tanstack/react-router';
import { cn, EmptyState } from '@lookbook/web-ui';
import { formatDateTime } from '../../../lib/format';
import type { InboxMailSummary } from '../api/queries';

/** Received mails, newest first; the open one is marked. */
export function MailList({ mails, open, to }: { mails: InboxMailSummary[]; open?: string; to?: string }) {
  if (mails.length === 0)
    return (
      <EmptyState title="No mail yet">
        Mail this server sends (verification links, password resets, notices) lands here as soon as the worker sends it.
      </EmptyState>
    );
  return (
    <ul className="divide-y divide-line self-start rounded-card border border-line" data-testid="inbox-list">
      {mails.map((mail) => (
        <li key={mail.id}>
          <Link
            to="/dev/inbox"
            search={{ to, mail: mail.id }}
            className={cn('block px-4 py-3 hover:bg-raised', open === mail.id && 'bg-raised')}
            aria-current={open === mail.id ? 'true' : undefined}
            data-testid="inbox-mail"
          >
            <span className="block font-medium break-words text-ink">{mail.subject || '(no subject)'}</span>
            <span className="block text-xs break-all text-muted">
              to {mail.to.join(', ')} · {formatDateTime(mail.receivedAt)}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
