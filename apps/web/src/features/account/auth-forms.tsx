import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { Button, Card, Checkbox, Notice, Stack, Text, TextField, TextLink } from '@lookbook/web-ui';
import { ApiError, errorMessage } from '../../lib/api-error';
import { execute } from '../../lib/graphql-client';
import { sessionStore } from '../../lib/session-store';
import { useTitle } from '../../lib/use-title';
import { SignIn, SignUp } from './api/mutations';

const signInRoute = getRouteApi('/sign-in');
const signUpRoute = getRouteApi('/sign-up');

/** Only paths on this site are followed after signing in (no open redirect). */
export const safeNext = (next: string | undefined) =>
  next && next.startsWith('/') && !next.startsWith('//') ? next : '/';

function useSignedIn(next: string | undefined) {
  const client = useQueryClient();
  const navigate = useNavigate();
  return async (tokens: { accessToken: string; accessTokenExpiresAt: string; refreshToken: string }) => {
    sessionStore.set(tokens);
    await client.resetQueries();
    await navigate({ to: safeNext(next) });
  };
}

/** Field errors by the server's `field` (or by code when it names one field); the rest shows above the form. */
function fieldOf(error: unknown, fields: Record<string, string[]>): string | null {
  if (!(error instanceof ApiError)) return null;
  if (error.field && error.field in fields) return error.field;
  return Object.entries(fields).find(([, codes]) => codes.includes(error.code))?.[0] ?? null;
}

export function SignInPage() {
  const { next } = signInRoute.useSearch();
  useTitle('Sign in');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const signedIn = useSignedIn(next);
  const signIn = useMutation({
    mutationFn: () => execute(SignIn, { input: { login, password } }),
    onSuccess: (data) => signedIn(data.signIn),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate();
  };
  return (
    <Card className="mx-auto w-full max-w-md">
      <h1 className="mb-1 text-2xl font-semibold">Sign in</h1>
      <Text className="mb-6">
        New here?{' '}
        <TextLink to="/sign-up" search={{ next }}>
          Create an account
        </TextLink>
      </Text>
      <Stack as="form" gap={4} onSubmit={submit} noValidate>
        {signIn.isError && <Notice tone="bad">{errorMessage(signIn.error)}</Notice>}
        <TextField
          label="Email or handle"
          name="login"
          autoComplete="username"
          value={login}
          onChange={setLogin}
          isRequired
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          isRequired
        />
        <Button type="submit" isPending={signIn.isPending}>
          Sign in
        </Button>
        <TextLink to="/forgot-password" className="self-start text-sm">
          Forgot your password?
        </TextLink>
      </Stack>
    </Card>
  );
}

const SIGN_UP_FIELDS = {
  handle: ['HANDLE_TAKEN', 'HANDLE_RESERVED', 'INVALID_HANDLE'],
  email: ['EMAIL_TAKEN', 'INVALID_EMAIL'],
  password: ['PASSWORD_TOO_SHORT', 'PASSWORD_TOO_LONG', 'PASSWORD_TOO_WEAK'],
  displayName: ['INVALID_DISPLAY_NAME'],
  acceptTerms: ['TERMS_NOT_ACCEPTED'],
};

export function SignUpPage() {
  const { next } = signUpRoute.useSearch();
  useTitle('Create an account');
  const [form, setForm] = useState({ handle: '', email: '', displayName: '', password: '' });
  const [acceptTerms, setAcceptTerms] = useState(false);
  const signedIn = useSignedIn(next);
  const signUp = useMutation({
    mutationFn: () =>
      execute(SignUp, {
        input: { ...form, displayName: form.displayName.trim() || undefined, acceptTerms },
      }),
    onSuccess: (data) => signedIn(data.signUp),
  });
  const field = fieldOf(signUp.error, SIGN_UP_FIELDS);
  const errorFor = (name: string) => (field === name ? errorMessage(signUp.error) : null);
  const set = (name: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [name]: value }));
  return (
    <Card className="mx-auto w-full max-w-md">
      <h1 className="mb-1 text-2xl font-semibold">Create your account</h1>
      <Text className="mb-6">
        Already have one?{' '}
        <TextLink to="/sign-in" search={{ next }}>
          Sign in
        </TextLink>
      </Text>
      <Stack
        as="form"
        gap={4}
        onSubmit={(event) => {
          event.preventDefault();
          signUp.mutate();
        }}
        noValidate
      >
        {signUp.isError && !field && <Notice tone="bad">{errorMessage(signUp.error)}</Notice>}
        <TextField
          label="Handle"
          name="handle"
          autoComplete="username"
          description="Your public name in links: lookbook/u/handle. Letters, digits, - and _."
          value={form.handle}
          onChange={set('handle')}
          error={errorFor('handle')}
          isRequired
        />
        <TextField
          label="Display name"
          name="displayName"
          autoComplete="name"
          value={form.displayName}
          onChange={set('displayName')}
          error={errorFor('displayName')}
        />
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          value={form.email}
          onChange={set('email')}
          error={errorFor('email')}
          isRequired
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          description="At least 10 characters; a few unrelated words work well."
          value={form.password}
          onChange={set('password')}
          error={errorFor('password')}
          isRequired
        />
        <div className="flex flex-col gap-1">
          <Checkbox isSelected={acceptTerms} onChange={setAcceptTerms} name="acceptTerms">
            I accept the terms of service and the privacy notice
          </Checkbox>
          {errorFor('acceptTerms') && (
            <p className="text-xs text-bad" data-testid="field-error" role="alert">
              {errorFor('acceptTerms')}
            </p>
          )}
        </div>
        <p className="text-xs text-muted">We mail you a link to verify your address.</p>
        <Button type="submit" isPending={signUp.isPending}>
          Create account
        </Button>
      </Stack>
    </Card>
  );
}
