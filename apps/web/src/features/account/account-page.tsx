import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import {
  Badge,
  Card,
  ConfirmButton,
  Detail,
  EmptyState,
  Notice,
  PageHeader,
  RuledList,
  RuledListItem,
  SectionHeading,
  Stack,
  Text,
  TextLink,
} from '@lookbook/web-ui';
import { errorMessage } from '../../lib/api-error';
import { formatDate, formatDateTime } from '../../lib/format';
import { execute } from '../../lib/graphql-client';
import { useMe } from '../../lib/session';
import { useTitle } from '../../lib/use-title';
import { accountKeys } from './api/keys';
import { RevokeApiKey, RevokeSession } from './api/mutations';
import { accountQuery } from './api/queries';
import { NewApiKey } from './components/new-api-key';
import { MaturityCard } from './components/maturity-card';
import { PasswordCard } from './components/password-card';
import { EmailCard } from './components/email-card';
import { BlockedUsersCard } from './components/blocked-users-card';

/** Your account: profile, password, signed-in devices, and API keys for tools. */
export function AccountPage() {
  useTitle('Account');
  const { me } = useMe();
  const client = useQueryClient();
  const account = useSuspenseQuery(accountQuery());
  const refresh = () => void client.invalidateQueries({ queryKey: accountKeys.security() });
  const revokeSession = useMutation({ mutationFn: (id: string) => execute(RevokeSession, { id }), onSuccess: refresh });
  const revokeKey = useMutation({ mutationFn: (id: string) => execute(RevokeApiKey, { id }), onSuccess: refresh });

  return (
    <Stack gap={6}>
      <PageHeader title="Account" subtitle={me ? `Signed in as @${me.handle}` : undefined} />
      {me && (
        <Card>
          <SectionHeading>Profile</SectionHeading>
          <dl>
            <Detail term="Display name">{me.displayName}</Detail>
            <Detail term="Handle">@{me.handle}</Detail>
            <Detail term="Email">{me.email}</Detail>
            <Detail term="Member since">{formatDate(me.createdAt)}</Detail>
            {me.roles.length > 0 && (
              <Detail term="Roles">
                {me.roles.map((r) => (
                  <Badge key={r} tone="accent" className="mr-1">
                    {r.toLowerCase()}
                  </Badge>
                ))}
              </Detail>
            )}
          </dl>
          <TextLink to="/u/$handle" params={{ handle: me.handle }} className="text-sm">
            See your public profile
          </TextLink>
        </Card>
      )}
      {me && <EmailCard email={me.email} verified={me.emailVerified} />}
      {me && <MaturityCard current={me.maxMaturity} />}
      <PasswordCard />
      {me && <BlockedUsersCard />}
      <Card>
        <SectionHeading>Where you are signed in</SectionHeading>
        {revokeSession.isError && <Notice tone="bad">{errorMessage(revokeSession.error)}</Notice>}
        <RuledList>
          {account.data.mySessions.nodes.map((s) => (
            <RuledListItem key={s.id} data-testid="session">
              <div className="min-w-0 text-sm">
                <p className="font-medium break-all">{s.userAgent ?? 'Unknown device'}</p>
                <Text size="xs">
                  Signed in {formatDateTime(s.createdAt)} · last active {formatDateTime(s.lastUsedAt)}
                </Text>
              </div>
              {s.current ? (
                <Badge tone="good">This device</Badge>
              ) : (
                <ConfirmButton
                  label="Sign out this device"
                  title="Sign out this device?"
                  confirmLabel="Sign out"
                  onConfirm={() => revokeSession.mutateAsync(s.id)}
                  error={revokeSession.isError ? errorMessage(revokeSession.error) : null}
                >
                  {s.userAgent ?? 'That device'} will need your password to use Lookbook again.
                </ConfirmButton>
              )}
            </RuledListItem>
          ))}
        </RuledList>
      </Card>
      <Card>
        <SectionHeading description="For scripts and tools. A key is shown once, when you create it.">
          API keys
        </SectionHeading>
        <NewApiKey onCreated={refresh} isStaff={!!me?.roles.length} />
        {revokeKey.isError && <Notice tone="bad">{errorMessage(revokeKey.error)}</Notice>}
        {account.data.myApiKeys.nodes.length === 0 ? (
          <EmptyState title="No API keys yet" level={3}>
            Create one above to use Lookbook from a script.
          </EmptyState>
        ) : (
          <RuledList className="mt-4">
            {account.data.myApiKeys.nodes.map((key) => (
              <RuledListItem key={key.id} data-testid="api-key">
                <div className="min-w-0 text-sm">
                  <p className="font-medium break-all">
                    {key.name} <code className="text-xs text-muted">{key.displayPrefix}…</code>
                  </p>
                  <Text size="xs">
                    {key.scopes.map((s) => s.toLowerCase()).join(', ')} · created {formatDate(key.createdAt)}
                    {key.lastUsedAt ? ` · last used ${formatDateTime(key.lastUsedAt)}` : ' · never used'}
                    {key.expiresAt ? ` · expires ${formatDate(key.expiresAt)}` : ''}
                  </Text>
                </div>
                {key.revokedAt ? (
                  <Badge tone="bad">Revoked</Badge>
                ) : (
                  <ConfirmButton
                    label="Revoke"
                    title={`Revoke the key “${key.name}”?`}
                    confirmLabel="Revoke key"
                    onConfirm={() => revokeKey.mutateAsync(key.id)}
                    error={revokeKey.isError ? errorMessage(revokeKey.error) : null}
                  >
                    Scripts and tools using it stop working at once. This cannot be undone: create a new key to replace
                    it.
                  </ConfirmButton>
                )}
              </RuledListItem>
            ))}
          </RuledList>
        )}
      </Card>
    </Stack>
  );
}
