import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Card, NativeSelect, Notice, SectionHeading, Stack, TextField } from '@lookbook/web-ui';
import type { IpKind } from '../../../gql/graphql';
import { errorMessage } from '../../../lib/api-error';
import { execute } from '../../../lib/graphql-client';
import { templateKeys } from '../api/keys';
import { RegisterIp } from '../api/mutations';

/** A franchise or character of yours, registered so your templates can be bound to it. */
export function RegisterIpCard() {
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<IpKind>('FRANCHISE');
  const [description, setDescription] = useState('');
  const register = useMutation({
    mutationFn: () => execute(RegisterIp, { input: { name, kind, description } }),
    onSuccess: async () => {
      setName('');
      setDescription('');
      await client.invalidateQueries({ queryKey: templateKeys.ipConsole() });
    },
  });
  return (
    <Card>
      <SectionHeading>Register an IP</SectionHeading>
      <Stack
        as="form"
        onSubmit={(event) => {
          event.preventDefault();
          register.mutate();
        }}
      >
        <TextField label="Name" value={name} onChange={setName} isRequired />
        <NativeSelect
          label="Kind"
          value={kind}
          onChange={(v) => setKind(v as IpKind)}
          options={[
            { id: 'FRANCHISE', label: 'Franchise' },
            { id: 'CHARACTER', label: 'Character' },
          ]}
        />
        <TextField label="Description" value={description} onChange={setDescription} multiline rows={2} />
        {register.isError && <Notice tone="bad">{errorMessage(register.error)}</Notice>}
        <Button type="submit" className="self-start" isPending={register.isPending} isDisabled={!name.trim()}>
          Register
        </Button>
      </Stack>
    </Card>
  );
}
