import { useQuery } from '@tanstack/react-query';
import { Link, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { buttonStyles, cn, ErrorState, Spinner, TextButton } from '@lookbook/web-ui';
import { errorMessage } from '../../../lib/api-error';
import { useLiveUnreadCount } from '../api/live-count';
import { useMarkAllRead, useMarkRead } from '../api/mutations';
import { latestNotificationsQuery } from '../api/queries';
import { NotificationItem } from './notification-item';

/** The header's bell: the unread count (live), and a popover with the newest few, "Mark all read" and the page. */
export function NotificationBell() {
  const count = useLiveUnreadCount(true);
  const [open, setOpen] = useState(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !panel.current?.contains(event.target as Node))
        setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  const unread = count ?? 0;
  const label = unread ? `Notifications, ${unread} unread` : 'Notifications';
  return (
    <div className="relative" ref={panel}>
      <button
        type="button"
        className={cn(buttonStyles('quiet', 'sm'), 'relative')}
        aria-label={label}
        aria-expanded={open}
        aria-haspopup="dialog"
        data-testid="notification-bell"
        onClick={() => setOpen((o) => !o)}
      >
        <BellIcon />
        {unread > 0 && (
          <span
            className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-accent px-1 text-center text-xs font-semibold leading-5 text-accent-ink"
            data-testid="notification-count"
          >
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && <BellPanel />}
    </div>
  );
}

function BellPanel() {
  const latest = useQuery(latestNotificationsQuery());
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const items = latest.data?.notifications.nodes ?? [];
  return (
    <div
      role="dialog"
      aria-label="Latest notifications"
      className="fixed inset-x-2 top-16 z-50 rounded-card border border-line bg-surface shadow-lg sm:absolute sm:inset-x-auto sm:right-0 sm:top-full sm:mt-2 sm:w-96"
    >
      <div className="flex items-center justify-between border-b border-line px-3 py-2">
        <span className="text-sm font-semibold text-ink">Notifications</span>
        <TextButton onClick={() => markAll.mutate()} disabled={markAll.isPending || !items.some((i) => !i.read)}>
          Mark all read
        </TextButton>
      </div>
      {latest.isPending ? (
        <div className="flex justify-center p-6">
          <Spinner label="Loading notifications" />
        </div>
      ) : latest.isError ? (
        <div className="p-3">
          <ErrorState message={errorMessage(latest.error)} onRetry={() => void latest.refetch()} />
        </div>
      ) : items.length === 0 ? (
        <p className="p-6 text-center text-sm text-muted">
          Nothing yet. Follows, likes, sales and replies show up here.
        </p>
      ) : (
        <ul className="flex max-h-96 flex-col divide-y divide-line overflow-y-auto">
          {items.map((item) => (
            <NotificationItem key={item.id} item={item} compact onOpen={(i) => !i.read && markRead.mutate([i.id])} />
          ))}
        </ul>
      )}
      <div className="flex justify-between border-t border-line px-3 py-2 text-sm">
        <Link to="/notifications" className="font-medium text-accent hover:underline">
          All notifications
        </Link>
        <Link to="/settings/notifications" className="text-muted hover:underline">
          Settings
        </Link>
      </div>
    </div>
  );
}

function BellIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden className="size-5 fill-none stroke-current" strokeWidth="2">
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinejoin="round" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" />
    </svg>
  );
}
