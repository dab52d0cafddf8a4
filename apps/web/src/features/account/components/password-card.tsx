import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Card, Notice, SectionHeading, Stack, TextField } from '@lookbook/web-ui';
import { errorMessage } from '../../../lib/api-error';
import { execute } from '../../../lib/graphql-client';
import { ChangePassword } from '../api/mutations';

export function PasswordCard() {
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
