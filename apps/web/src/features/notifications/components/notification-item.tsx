import { Link } from '@tanstack/react-router';
import { cn } from '@lookbook/web-ui';
import { formatDateTime } from '../../../lib/format';

export interface NotificationLine {
  id: string;
  kind: string;
  text: string;
  url: string;
  count: number;
  read: boolean;
  createdAt: string;
}

/**
 * One line of notifications (a single one, or a storm grouped: "Ada and 39 others liked Neon Harbour"). The text is
 * plain and rendered as text (React escapes it); following the link marks the line read.
 */
export function NotificationItem({
  item,
  onOpen,
  compact = false,
}: {
  item: NotificationLine;
  onOpen: (item: NotificationLine) => void;
  compact?: boolean;
}) {
  return (
    <li className={cn('flex items-start gap-3', compact ? 'px-3 py-2' : 'px-4 py-3')} data-testid="notification">
      <span
        aria-hidden
        className={cn('mt-1.5 size-2 shrink-0 rounded-full', item.read ? 'bg-transparent' : 'bg-accent')}
      />
      <div className="min-w-0 flex-1">
        <Link
          to={item.url}
          onClick={() => onOpen(item)}
          className={cn('block break-words text-sm hover:underline', item.read ? 'text-muted' : 'font-medium text-ink')}
        >
          {item.text}
        </Link>
        <span className="text-xs text-muted">
          {formatDateTime(item.createdAt)}
          {!item.read && <span className="sr-only"> · unread</span>}
        </span>
      </div>
    </li>
  );
}
