import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { Suspense, useState } from 'react';
import { Button, LoadingState, Notice, PageHeader, TextField } from '@lookbook/web-ui';
import { useTitle } from '../../lib/use-title';
import { inboxQuery } from './api/queries';
import { MailList } from './components/mail-list';
import { MailView } from './components/mail-view';

const route = getRouteApi('/dev/inbox');

/** The development inbox: every mail the embedded SMTP sink received, with its links clickable. */
export function DevInboxPage() {
  useTitle('Development inbox');
  const { to, mail } = route.useSearch();
  const navigate = useNavigate();
  const { data } = useSuspenseQuery(inboxQuery(to));
  const [filter, setFilter] = useState(to ?? '');
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Development inbox" subtitle="Mail sent by this development server. Never on a live site." />
      <Notice tone="info">
        This server sends mail to a local sink instead of real mailboxes; nothing here left this machine.
      </Notice>
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          void navigate({ to: '/dev/inbox', search: { to: filter.trim() || undefined } });
        }}
      >
        <TextField label="To address" type="email" value={filter} onChange={setFilter} className="min-w-0 flex-1" />
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <MailList mails={data.mails} open={mail} to={to} />
        {mail && (
          <Suspense fallback={<LoadingState label="Loading the mail" />}>
            <MailView id={mail} />
          </Suspense>
        )}
      </div>
    </div>
  );
}
