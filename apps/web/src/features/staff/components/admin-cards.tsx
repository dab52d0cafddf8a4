import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Checkbox, Text, TextField } from '@lookbook/web-ui';
import { baseModelsQuery } from '../../../api/base-models';
import { baseModelKeys } from '../../../api/keys';
import type { Role } from '../../../gql/graphql';
import { sentenceCase } from '../../../lib/format';
import { execute } from '../../../lib/graphql-client';
import { SetRoles, UpsertBaseModel, UserByHandle } from '../api/mutations';
import { ActionCard } from './action-card';

export function RolesCard() {
  const [handle, setHandle] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const set = useMutation({
    mutationFn: async () => {
      const { user } = await execute(UserByHandle, { handle: handle.trim() });
      await execute(SetRoles, { userId: user.id, roles });
      return user;
    },
  });
  return (
    <ActionCard
      title="Set roles"
      onSubmit={() => set.mutate()}
      pending={set.isPending}
      error={set.error}
      done={
        set.data ? `@${set.data.handle} now has: ${roles.map((r) => r.toLowerCase()).join(', ') || 'no roles'}.` : null
      }
    >
      <TextField label="Handle" value={handle} onChange={setHandle} isRequired />
      {(['MODERATOR', 'ADMIN'] as Role[]).map((role) => (
        <Checkbox
          key={role}
          isSelected={roles.includes(role)}
          onChange={(on) => setRoles((r) => (on ? [...r, role] : r.filter((x) => x !== role)))}
        >
          {sentenceCase(role)}
        </Checkbox>
      ))}
    </ActionCard>
  );
}

export function BaseModelCard() {
  const client = useQueryClient();
  const baseModels = useQuery(baseModelsQuery());
  const [form, setForm] = useState({ id: '', name: '', ecosystem: '', licenseName: '', nonCommercial: false });
  const upsert = useMutation({
    mutationFn: () => execute(UpsertBaseModel, { input: form }),
    onSuccess: () => client.invalidateQueries({ queryKey: baseModelKeys.all }),
  });
  const set = (key: 'id' | 'name' | 'ecosystem' | 'licenseName') => (value: string) =>
    setForm((f) => ({ ...f, [key]: value }));
  return (
    <ActionCard
      title="Save base model"
      onSubmit={() => upsert.mutate()}
      pending={upsert.isPending}
      error={upsert.error}
      done={upsert.isSuccess ? 'Saved.' : null}
    >
      <Text>{baseModels.data?.baseModels.map((b) => b.name).join(', ') ?? 'Loading base models…'}</Text>
      <div className="grid grid-cols-2 gap-3">
        <TextField
          label="Id"
          value={form.id}
          onChange={set('id')}
          isRequired
          description="e.g. sdxl-1.0 (existing id: edit)"
        />
        <TextField label="Name" value={form.name} onChange={set('name')} isRequired />
        <TextField label="Ecosystem" value={form.ecosystem} onChange={set('ecosystem')} isRequired />
        <TextField label="Licence" value={form.licenseName} onChange={set('licenseName')} isRequired />
      </div>
      <Checkbox isSelected={form.nonCommercial} onChange={(nonCommercial) => setForm((f) => ({ ...f, nonCommercial }))}>
        Non-commercial licence (derivatives cannot be sold for commercial use)
      </Checkbox>
    </ActionCard>
  );
}
