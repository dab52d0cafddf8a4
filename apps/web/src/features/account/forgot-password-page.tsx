import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Card, Notice, TextField, TextLink } from '@lookbook/web-ui';
import { errorMessage } from '../../lib/api-error';
import { execute } from '../../lib/graphql-client';
import { useTitle } from '../../lib/use-title';
import { RequestPasswordReset } from './api/mutations';

/** Ask for a reset link. The answer is the same whether or not an account has the address. */
export function ForgotPasswordPage() {
  useTitle('Forgot your password');
  const [email, setEmail] = useState('');
  const request = useMutation({ mutationFn: (address: string) => execute(RequestPasswordReset, { email: address }) });
  return (
    <Card className="mx-auto w-full max-w-md">
      <h1 className="mb-1 text-2xl font-semibold">Forgot your password?</h1>
      <p className="mb-6 text-sm text-muted">
        We mail a link to set a new one. Remembered it? <TextLink to="/sign-in">Sign in</TextLink>
      </p>
      {request.isSuccess ? (
        <Notice tone="good">
          If an account uses {request.variables}, a link to reset its password is on its way. It works once, for 30
          minutes.
        </Notice>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            request.mutate(email.trim());
          }}
          className="flex flex-col gap-4"
          noValidate
        >
          {request.isError && <Notice tone="bad">{errorMessage(request.error)}</Notice>}
          <TextField
            label="Email"
            name="email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={setEmail}
            isRequired
          />
          <Button type="submit" isPending={request.isPending}>
            Send reset link
          </Button>
        </form>
      )}
    </Card>
  );
}
