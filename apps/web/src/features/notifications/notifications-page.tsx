import { useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { Button, ButtonLink, cn, EmptyState, PageHeader, RuledList, Stack } from '@lookbook/web-ui';
import { useTitle } from '../../lib/use-title';
import { useMarkAllRead, useMarkRead } from './api/mutations';
import { notificationsQuery } from './api/queries';
import { NotificationItem } from './components/notification-item';

const TAB = 'rounded-md px-3 py-1.5 text-sm font-medium';

/** Your notifications, newest first, storms grouped; all or unread only. */
export function NotificationsPage() {
  const { tab } = useSearch({ from: '/notifications' });
  const unreadOnly = tab === 'unread';
  const navigate = useNavigate();
  const list = useSuspenseInfiniteQuery(notificationsQuery(unreadOnly));
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const items = list.data.pages.flatMap((p) => p.notifications.nodes);
  useTitle('Notifications');
  return (
    <Stack gap={6}>
      <PageHeader
        title="Notifications"
        subtitle="Follows, likes, sales, reviews and replies — grouped when many come at once."
        actions={
          <Button variant="secondary" size="sm" isPending={markAll.isPending} onPress={() => markAll.mutate()}>
            Mark all read
          </Button>
        }
      />
      <div className="flex flex-wrap items-center gap-2">
        <div className="flex gap-2" role="tablist" aria-label="Show">
          {(['all', 'unread'] as const).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={(name === 'unread') === unreadOnly}
              className={cn(
                TAB,
                (name === 'unread') === unreadOnly ? 'bg-raised text-ink' : 'text-muted hover:text-ink',
              )}
              onClick={() =>
                void navigate({ to: '/notifications', search: name === 'unread' ? { tab: 'unread' } : {} })
              }
            >
              {name === 'all' ? 'All' : 'Unread'}
            </button>
          ))}
        </div>
        <Link to="/settings/notifications" className="ml-auto text-sm text-muted hover:underline">
          Notification settings
        </Link>
      </div>
      {items.length === 0 ? (
        <EmptyState
          title={unreadOnly ? 'All caught up' : 'No notifications yet'}
          action={
            <ButtonLink to="/" size="sm">
              Browse models
            </ButtonLink>
          }
        >
          {unreadOnly
            ? 'Nothing unread. New follows, likes and sales will show up here.'
            : 'When someone follows you, likes or buys your work, or replies to you, it shows up here.'}
        </EmptyState>
      ) : (
        <RuledList framed data-testid="notifications">
          {items.map((item) => (
            <NotificationItem key={item.id} item={item} onOpen={(i) => !i.read && markRead.mutate([i.id])} />
          ))}
        </RuledList>
      )}
      {list.hasNextPage && (
        <Button
          variant="secondary"
          className="self-start"
          isPending={list.isFetchingNextPage}
          onPress={() => void list.fetchNextPage()}
        >
          Show older
        </Button>
      )}
    </Stack>
  );
}
