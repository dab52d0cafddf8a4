import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Badge,
  Button,
  Card,
  Checkbox,
  ConfirmButton,
  CopyButton,
  Detail,
  EmptyState,
  Inline,
  NativeSelect,
  Notice,
  PageHeader,
  RuledList,
  RuledListItem,
  SectionHeading,
  Stack,
  Text,
  TextField,
  TextLink,
} from '@lookbook/web-ui';
import { searchKeys, sessionKeys } from '../../api/keys';
import type { ApiScope, Maturity } from '../../gql/graphql';
import { errorMessage } from '../../lib/api-error';
import { formatDate, formatDateTime } from '../../lib/format';
import { execute } from '../../lib/graphql-client';
import { useMe } from '../../lib/session';
import { useTitle } from '../../lib/use-title';
import { accountKeys } from './api/keys';
import { ChangePassword, CreateApiKey, RevokeApiKey, RevokeSession, SetMaturity } from './api/mutations';
import { accountQuery } from './api/queries';

const MATURITY_CHOICES: { id: Maturity; label: string }[] = [
  { id: 'SFW', label: 'Safe for work only' },
  { id: 'SUGGESTIVE', label: 'Up to suggestive (the default)' },
  { id: 'MATURE', label: 'Up to mature' },
  { id: 'EXPLICIT', label: 'Everything, explicit included' },
];

const SCOPES: { id: ApiScope; label: string; description: string }[] = [
  { id: 'READ', label: 'Read', description: 'Read your library, orders and models.' },
  { id: 'WRITE', label: 'Write', description: 'Create and edit models, versions and offers (never keys or sessions).' },
  {
    id: 'DOWNLOAD',
    label: 'Download',
    description: 'Download files you hold licences for (for tools like ComfyUI managers).',
  },
  { id: 'ADMIN', label: 'Staff', description: 'Moderation and support operations (moderators and admins only).' },
];

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
      {me && <MaturityCard current={me.maxMaturity} />}
      <PasswordCard />
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

function NewApiKey({ onCreated, isStaff }: { onCreated: () => void; isStaff: boolean }) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiScope[]>(['READ']);
  const [days, setDays] = useState('90');
  const create = useMutation({
    mutationFn: () =>
      execute(CreateApiKey, { input: { name, scopes, expiresInDays: days.trim() ? Number(days) : undefined } }),
    onSuccess: () => {
      setName('');
      onCreated();
    },
  });
  return (
    <Stack
      as="form"
      className="rounded-lg bg-raised p-4"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate();
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Key name" value={name} onChange={setName} placeholder="ComfyUI on my laptop" isRequired />
        <TextField
          label="Expires after (days)"
          value={days}
          onChange={setDays}
          description="1–365; empty for never."
          inputMode="numeric"
        />
      </div>
      <Stack as="fieldset" gap={2}>
        <legend className="mb-1 text-sm font-medium">Scopes</legend>
        {SCOPES.filter((s) => s.id !== 'ADMIN' || isStaff).map((scope) => (
          <Checkbox
            key={scope.id}
            isSelected={scopes.includes(scope.id)}
            onChange={(on) =>
              setScopes((current) => (on ? [...current, scope.id] : current.filter((s) => s !== scope.id)))
            }
          >
            <span>
              <strong className="font-medium">{scope.label}</strong> —{' '}
              <Text as="span" size="inherit">
                {scope.description}
              </Text>
            </span>
          </Checkbox>
        ))}
      </Stack>
      {create.isError && <Notice tone="bad">{errorMessage(create.error)}</Notice>}
      {create.data && (
        <Notice tone="good">
          <p className="mb-2 font-medium">Copy your key now: it will not be shown again.</p>
          <Inline>
            <code className="rounded bg-surface px-2 py-1 text-xs break-all" data-testid="api-key-secret">
              {create.data.createApiKey.secret}
            </code>
            <CopyButton value={create.data.createApiKey.secret} label="Copy key" />
          </Inline>
        </Notice>
      )}
      <Button type="submit" className="self-start" isPending={create.isPending}>
        Create key
      </Button>
    </Stack>
  );
}

/** What search shows by default: every level up to this one (a search can still ask for more, shown as a chip). */
function MaturityCard({ current }: { current: Maturity }) {
  const client = useQueryClient();
  const [choice, setChoice] = useState<Maturity>(current);
  const save = useMutation({
    mutationFn: () => execute(SetMaturity, { maxMaturity: choice }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: sessionKeys.all });
      await client.invalidateQueries({ queryKey: searchKeys.all });
    },
  });
  return (
    <Card>
      <SectionHeading description="What search shows you unless you ask for more.">Content maturity</SectionHeading>
      <Stack
        as="form"
        className="max-w-md"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <NativeSelect
          label="Show models rated"
          value={choice}
          onChange={(value) => setChoice(value as Maturity)}
          options={MATURITY_CHOICES}
        />
        {save.isError && <Notice tone="bad">{errorMessage(save.error)}</Notice>}
        {save.isSuccess && <Notice tone="good">Saved. Search now follows this setting.</Notice>}
        <Button
          type="submit"
          variant="secondary"
          className="self-start"
          isPending={save.isPending}
          isDisabled={choice === current && !save.isError}
        >
          Save
        </Button>
      </Stack>
    </Card>
  );
}

function PasswordCard() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const change = useMutation({
    mutationFn: () => execute(ChangePassword, { input: { currentPassword: current, newPassword: next } }),
    onSuccess: () => {
      setCurrent('');
      setNext('');
    },
  });
  return (
    <Card>
      <SectionHeading>Password</SectionHeading>
      <Stack
        as="form"
        className="max-w-md"
        onSubmit={(event) => {
          event.preventDefault();
          change.mutate();
        }}
      >
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
          isRequired
        />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={setNext}
          isRequired
          description="At least 10 characters. Other devices are signed out."
        />
        {change.isError && <Notice tone="bad">{errorMessage(change.error)}</Notice>}
        {change.isSuccess && <Notice tone="good">Password changed. Your other devices were signed out.</Notice>}
        <Button type="submit" variant="secondary" className="self-start" isPending={change.isPending}>
          Change password
        </Button>
      </Stack>
    </Card>
  );
}
