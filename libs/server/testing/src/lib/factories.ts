import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { gql } from './graphql-client';

export interface TestUser {
  id: string;
  handle: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
}

/** Strong enough for the password policy, unique per call. */
export function strongPassword(): string {
  return `Umber-quartz-${randomBytes(6).toString('hex')}-lantern`;
}

export function uniqueHandle(prefix = 'user'): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

const SIGN_UP = `mutation($input: SignUpInput!) {
  signUp(input: $input) { accessToken refreshToken user { id handle email } }
}`;

/** Signs a new user up through the public API and returns their credentials. */
export async function signUpUser(
  server: Server,
  overrides: Partial<{ handle: string; email: string; password: string }> = {},
): Promise<TestUser> {
  const handle = overrides.handle ?? uniqueHandle();
  const input = {
    handle,
    email: overrides.email ?? `${handle}@example.test`,
    password: overrides.password ?? strongPassword(),
    acceptTerms: true,
  };
  const response = await gql<{
    signUp: { accessToken: string; refreshToken: string; user: { id: string; handle: string; email: string } };
  }>(server, SIGN_UP, { input });
  if (!response.data?.signUp) throw new Error(`signUp failed: ${JSON.stringify(response.errors)}`);
  const { accessToken, refreshToken, user } = response.data.signUp;
  return { ...user, password: input.password, accessToken, refreshToken };
}
