import { ErrorState, PageHeader, Stack } from '@lookbook/web-ui';
import { useMe } from '../../lib/session';
import { useTitle } from '../../lib/use-title';
import { ReviewQueueCard } from './components/review-queue-card';
import { BlockHashCard, RevokeCard } from './components/moderation-cards';
import { RolesCard, BaseModelCard } from './components/admin-cards';

/** Moderators and admins: money that needs a person, blocked hashes, licence revocation; admins: base models, roles. */
export function StaffPage() {
  useTitle('Staff');
  const { me } = useMe();
  const isAdmin = !!me?.roles.includes('ADMIN');
  if (me && !me.roles.length)
    return <ErrorState title="Staff only" message="This page is for Lookbook's moderators and admins." />;
  return (
    <Stack gap={6}>
      <PageHeader title="Staff" subtitle="Support, moderation and catalog settings." />
      <ReviewQueueCard />
      <div className="grid gap-6 lg:grid-cols-2">
        <BlockHashCard />
        <RevokeCard />
        {isAdmin && <RolesCard />}
        {isAdmin && <BaseModelCard />}
      </div>
    </Stack>
  );
}
