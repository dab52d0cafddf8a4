import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Notice, PageHeader, Stack, Table, TableBody, TableHead, TableRow, Td, Th } from '@lookbook/web-ui';
import { errorMessage } from '../../lib/api-error';
import { execute } from '../../lib/graphql-client';
import { useTitle } from '../../lib/use-title';
import { notificationKeys } from './api/keys';
import { preferencesQuery, UpdatePreferences } from './api/queries';

type Email = 'OFF' | 'IMMEDIATE' | 'DIGEST';
interface Preference {
  kind: string;
  inApp: boolean;
  email: Email;
}

const KIND_LABELS: Record<string, string> = {
  FOLLOW: 'New followers',
  LIKE: 'Likes of your work',
  REVIEW: 'Reviews of your work',
  REVIEW_REPLY: 'Replies to your reviews',
  COMMENT: 'Comments on your work',
  COMMENT_REPLY: 'Replies to your comments',
  MENTION: 'Mentions',
  SALE: 'Sales',
  REMIX_REQUEST: 'Remix requests',
  REMIX_DECISION: 'Remix decisions',
  LICENSE_REVOKED: 'Revoked licences',
  SAVED_SEARCH_MATCH: 'Saved-search matches',
  COLLECTION_INVITE: 'Collection invitations',
};
const EMAIL_LABELS: Record<Email, string> = { IMMEDIATE: 'Right away', DIGEST: 'Daily digest', OFF: 'Never' };

/** How you hear of each kind of notification: in the bell or not, and by mail right away, in the digest or never. */
export function NotificationSettingsPage() {
  const preferences = useSuspenseQuery(preferencesQuery());
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: async (change: Preference) =>
      (await execute(UpdatePreferences, { preferences: [change as never] })).updateNotificationPreferences,
    onSuccess: (all) => client.setQueryData(notificationKeys.preferences(), all),
    onSettled: () => void client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
  useTitle('Notification settings');
  const rows = preferences.data as Preference[];
  return (
    <Stack gap={6}>
      <PageHeader
        title="Notification settings"
        subtitle="Choose what shows in your bell and what Lookbook mails you. Every mail has a one-click unsubscribe link."
      />
      {save.isError && <Notice tone="bad">{errorMessage(save.error)}</Notice>}
      {save.isSuccess && !save.isPending && <Notice tone="good">Saved.</Notice>}
      <Table caption="Notification preferences" captionHidden data-testid="notification-preferences">
        <TableHead>
          <TableRow>
            <Th scope="col">Kind</Th>
            <Th scope="col">In the bell</Th>
            <Th scope="col">By mail</Th>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((p) => {
            const label = KIND_LABELS[p.kind] ?? p.kind;
            return (
              <TableRow key={p.kind} data-kind={p.kind}>
                <Th scope="row" strong>
                  {label}
                </Th>
                <Td>
                  <input
                    type="checkbox"
                    className="size-4 accent-[var(--color-accent)]"
                    aria-label={`${label} in the bell`}
                    checked={p.inApp}
                    disabled={save.isPending}
                    onChange={(event) => save.mutate({ ...p, inApp: event.target.checked })}
                  />
                </Td>
                <Td>
                  <select
                    aria-label={`${label} by mail`}
                    className="rounded-md border border-line bg-surface px-2 py-1 text-sm"
                    value={p.email}
                    disabled={save.isPending}
                    onChange={(event) => save.mutate({ ...p, email: event.target.value as Email })}
                  >
                    {(Object.keys(EMAIL_LABELS) as Email[]).map((value) => (
                      <option key={value} value={value}>
                        {EMAIL_LABELS[value]}
                      </option>
                    ))}
                  </select>
                </Td>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Stack>
  );
}
