import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Checkbox, CopyButton, Inline, Notice, Stack, Text, TextField } from '@lookbook/web-ui';
import type { ApiScope } from '../../../gql/graphql';
import { errorMessage } from '../../../lib/api-error';
import { execute } from '../../../lib/graphql-client';
import { CreateApiKey } from '../api/mutations';

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

export function NewApiKey({ onCreated, isStaff }: { onCreated: () => void; isStaff: boolean }) {
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
