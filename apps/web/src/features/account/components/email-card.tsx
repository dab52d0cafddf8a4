import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Badge, Button, Card, Inline, Notice, Stack, Text, TextField } from '@lookbook/web-ui';
import { ApiError, errorMessage } from '../../../lib/api-error';
import { execute } from '../../../lib/graphql-client';
import { RequestEmailChange, ResendVerificationEmail } from '../api/mutations';

/** Mails a new verification link (the older one stops working). */
export function ResendVerificationButton() {
  const resend = useMutation({ mutationFn: () => execute(ResendVerificationEmail) });
  return (
    <Stack gap={2}>
      <Button variant="secondary" onPress={() => resend.mutate()} isPending={resend.isPending}>
        Send a new verification link
      </Button>
      {resend.isSuccess && <Notice tone="good">A new link is on its way. Older links no longer work.</Notice>}
      {resend.isError && <Notice tone="bad">{errorMessage(resend.error)}</Notice>}
    </Stack>
  );
}

const CHANGE_FIELDS: Record<string, 'newEmail' | 'currentPassword'> = {
  INVALID_EMAIL: 'newEmail',
  EMAIL_TAKEN: 'newEmail',
  SAME_EMAIL: 'newEmail',
  WRONG_PASSWORD: 'currentPassword',
};

/** Your email address: whether it is verified, and changing it (a link to the new one, a notice to the current one). */
export function EmailCard({ email, verified }: { email: string; verified: boolean }) {
  const [newEmail, setNewEmail] = useState('');
  const [currentPassword, setCurrentPassword] = useState('');
  const change = useMutation({
    mutationFn: () => execute(RequestEmailChange, { input: { newEmail, currentPassword } }),
    onSuccess: () => setCurrentPassword(''),
  });
  const field = change.error instanceof ApiError ? CHANGE_FIELDS[change.error.code] : undefined;
  const errorFor = (name: string) => (field === name ? errorMessage(change.error) : null);
  return (
    <Card>
      <h2 className="mb-2 text-lg font-semibold">Email</h2>
      <Stack gap={4}>
        <Inline gap={2} className="flex-wrap">
          <Text as="span" tone="ink" className="font-medium break-all">
            {email}
          </Text>
          {verified ? <Badge tone="good">Verified</Badge> : <Badge tone="warn">Not verified</Badge>}
        </Inline>
        {!verified && (
          <Stack gap={2}>
            <Text tone="muted">Follow the link we mailed to this address to verify it. It works for 24 hours.</Text>
            <ResendVerificationButton />
          </Stack>
        )}
        <form
          className="flex flex-col gap-3 rounded-lg bg-raised p-4"
          onSubmit={(event) => {
            event.preventDefault();
            change.mutate();
          }}
          noValidate
        >
          <h3 className="text-base font-semibold">Change your email address</h3>
          {change.isError && !field && <Notice tone="bad">{errorMessage(change.error)}</Notice>}
          {change.isSuccess && (
            <Notice tone="good">
              Check {newEmail} for a confirmation link (it works for an hour). Nothing changes until you follow it; we
              also told {email}.
            </Notice>
          )}
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField
              label="New email"
              type="email"
              autoComplete="email"
              value={newEmail}
              onChange={setNewEmail}
              error={errorFor('newEmail')}
              isRequired
            />
            <TextField
              label="Current password"
              type="password"
              autoComplete="current-password"
              value={currentPassword}
              onChange={setCurrentPassword}
              error={errorFor('currentPassword')}
              isRequired
            />
          </div>
          <Button type="submit" variant="secondary" isPending={change.isPending} className="self-start">
            Send confirmation link
          </Button>
        </form>
      </Stack>
    </Card>
  );
}
