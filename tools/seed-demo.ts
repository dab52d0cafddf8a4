import { Client } from 'pg';

export const DEMO = { handle: 'ada', email: 'ada@demo.lookbook.local', password: 'violet-harbor-lantern-42' };

/**
 * Demo content for a local run, created through the public API like a real user would (idempotent: an existing demo
 * account is left as it is). The demo user is made an admin directly in the database, as an operator would.
 */
export async function seedDemoContent(
  graphqlUrl: string,
  databaseUrl: string,
): Promise<{ login: string; password: string }> {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation($input: SignUpInput!) { signUp(input: $input) { user { id } } }`,
      variables: {
        input: { handle: DEMO.handle, email: DEMO.email, password: DEMO.password, displayName: 'Ada (demo)' },
      },
    }),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string }; message: string }[] };
  const error = body.errors?.[0];
  if (error && error.extensions?.code !== 'HANDLE_TAKEN' && error.extensions?.code !== 'EMAIL_TAKEN') {
    throw new Error(`seeding the demo account failed: ${error.message}`);
  }
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`UPDATE identity.user SET roles = '{admin}' WHERE handle = $1`, [DEMO.handle]);
  } finally {
    await client.end();
  }
  return { login: DEMO.email, password: DEMO.password };
}
