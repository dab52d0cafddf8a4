import { useMutation } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { ButtonLink, Button, Card, EmptyState, Notice, Stack, TextField, TextLink } from '@lookbook/web-ui';
import { ApiError, errorMessage, errorSentence } from '../../lib/api-error';
import { execute } from '../../lib/graphql-client';
import { useTitle } from '../../lib/use-title';
import { ResetPassword } from './api/mutations';

const route = getRouteApi('/reset-password');
const PASSWORD_CODES = new Set(['PASSWORD_TOO_SHORT', 'PASSWORD_TOO_LONG', 'PASSWORD_TOO_WEAK']);

/** The page's address carries a secret: it must not leave in a Referer header (to a link or an image elsewhere). */
function useNoReferrer() {
  useEffect(() => {
    const meta = document.createElement('meta');
    meta.name = 'referrer';
    meta.content = 'no-referrer';
    document.head.appendChild(meta);
    return () => meta.remove();
  }, []);
}

/** The link in the reset mail: choose a new password; every device is then signed out. */
export function ResetPasswordPage() {
  useTitle('Choose a new password');
  useNoReferrer();
  const { token } = route.useSearch();
  const [password, setPassword] = useState('');
  const reset = useMutation({
    mutationFn: () => execute(ResetPassword, { input: { token: token ?? '', newPassword: password } }),
  });
  const passwordError =
    reset.error instanceof ApiError && PASSWORD_CODES.has(reset.error.code) ? errorMessage(reset.error) : null;
  if (!token)
    return (
      <EmptyState
        title="Choose a new password"
        action={<ButtonLink to="/forgot-password">Ask for a reset link</ButtonLink>}
      >
        This page opens from the link in a password reset mail; this address has no link in it.
      </EmptyState>
    );
  return (
    <Card className="mx-auto w-full max-w-md">
      <h1 className="mb-1 text-2xl font-semibold">Choose a new password</h1>
      <p className="mb-6 text-sm text-muted">Every device signed in to your account will be signed out.</p>
      {reset.isSuccess ? (
        <Stack gap={3}>
          <Notice tone="good">Your password is changed, and every device was signed out.</Notice>
          <ButtonLink to="/sign-in">Sign in with your new password</ButtonLink>
        </Stack>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            reset.mutate();
          }}
          className="flex flex-col gap-4"
          noValidate
        >
          {reset.isError && !passwordError && (
            <Notice tone="bad">
              {errorSentence(reset.error)} <TextLink to="/forgot-password">Ask for a new link</TextLink>
            </Notice>
          )}
          <TextField
            label="New password"
            name="password"
            type="password"
            autoComplete="new-password"
            description="At least 10 characters; a few unrelated words work well."
            value={password}
            onChange={setPassword}
            error={passwordError}
            isRequired
          />
          <Button type="submit" isPending={reset.isPending}>
            Set new password
          </Button>
        </form>
      )}
    </Card>
  );
}
