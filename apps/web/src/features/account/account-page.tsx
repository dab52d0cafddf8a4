import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
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
  NativeSelect,
  Notice,
  PageHeader,
  TextField,
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
import { EmailCard } from './components/email-card';

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
    <div className="flex flex-col gap-6">
      <PageHeader title="Account" subtitle={me ? `Signed in as @${me.handle}` : undefined} />
      {me && (
        <Card>
          <h2 className="mb-2 text-lg font-semibold">Profile</h2>
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
          <Link
            to="/u/$handle"
            params={{ handle: me.handle }}
            className="text-sm text-accent underline underline-offset-2 hover:no-underline"
          >
            See your public profile
          </Link>
        </Card>
      )}
      {me && <EmailCard email={me.email} verified={me.emailVerified} />}
      {me && <MaturityCard current={me.maxMaturity} />}
      <PasswordCard />
      <Card>
        <h2 className="mb-3 text-lg font-semibold">Where you are signed in</h2>
        {revokeSession.isError && <Notice tone="bad">{errorMessage(revokeSession.error)}</Notice>}
        <ul className="divide-y divide-line">
          {account.data.mySessions.nodes.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-3" data-testid="session">
              <div className="min-w-0 text-sm">
                <p className="font-medium break-all">{s.userAgent ?? 'Unknown device'}</p>
                <p className="text-xs text-muted">
                  Signed in {formatDateTime(s.createdAt)} · last active {formatDateTime(s.lastUsedAt)}
                </p>
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
            </li>
          ))}
        </ul>
      </Card>
      <Card>
        <h2 className="mb-1 text-lg font-semibold">API keys</h2>
        <p className="mb-4 text-sm text-muted">For scripts and tools. A key is shown once, when you create it.</p>
        <NewApiKey onCreated={refresh} isStaff={!!me?.roles.length} />
        {revokeKey.isError && <Notice tone="bad">{errorMessage(revokeKey.error)}</Notice>}
        {account.data.myApiKeys.nodes.length === 0 ? (
          <EmptyState title="No API keys yet">Create one above to use Lookbook from a script.</EmptyState>
        ) : (
          <ul className="mt-4 divide-y divide-line">
            {account.data.myApiKeys.nodes.map((key) => (
              <li key={key.id} className="flex flex-wrap items-center justify-between gap-2 py-3" data-testid="api-key">
                <div className="min-w-0 text-sm">
                  <p className="font-medium break-all">
                    {key.name} <code className="text-xs text-muted">{key.displayPrefix}…</code>
                  </p>
                  <p className="text-xs text-muted">
                    {key.scopes.map((s) => s.toLowerCase()).join(', ')} · created {formatDate(key.createdAt)}
                    {key.lastUsedAt ? ` · last used ${formatDateTime(key.lastUsedAt)}` : ' · never used'}
                    {key.expiresAt ? ` · expires ${formatDate(key.expiresAt)}` : ''}
                  </p>
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
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
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
    <form
      className="flex flex-col gap-3 rounded-lg bg-raised p-4"
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
      <fieldset className="flex flex-col gap-2">
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
              <span className="text-muted">{scope.description}</span>
            </span>
          </Checkbox>
        ))}
      </fieldset>
      {create.isError && <Notice tone="bad">{errorMessage(create.error)}</Notice>}
      {create.data && (
        <Notice tone="good">
          <p className="mb-2 font-medium">Copy your key now: it will not be shown again.</p>
          <div className="flex flex-wrap items-center gap-2">
            <code className="rounded bg-surface px-2 py-1 text-xs break-all" data-testid="api-key-secret">
              {create.data.createApiKey.secret}
            </code>
            <CopyButton value={create.data.createApiKey.secret} label="Copy key" />
          </div>
        </Notice>
      )}
      <Button type="submit" className="self-start" isPending={create.isPending}>
        Create key
      </Button>
    </form>
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
      <h2 className="mb-1 text-lg font-semibold">Content maturity</h2>
      <p className="mb-3 text-sm text-muted">What search shows you unless you ask for more.</p>
      <form
        className="flex max-w-md flex-col gap-3"
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
      </form>
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
      <h2 className="mb-3 text-lg font-semibold">Password</h2>
      <form
        className="flex max-w-md flex-col gap-3"
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
      </form>
    </Card>
  );
}
