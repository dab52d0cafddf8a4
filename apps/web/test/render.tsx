import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';

/** Renders a component with its own query cache (no retries: a failure shows at once). */
export function renderWithQueries(ui: ReactElement) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
}

/** A fetch stand-in answering GraphQL by operation name; every call is recorded. */
export function graphqlFetch(answers: Record<string, (variables: Record<string, unknown>) => unknown>) {
  const calls: { operation: string; variables: Record<string, unknown> }[] = [];
  const fetch = jest.fn(async (url: string, init?: RequestInit) => {
    if (url !== '/graphql') throw new Error(`unexpected fetch ${url}`);
    const body = JSON.parse(init?.body as string) as { query: string; variables: Record<string, unknown> };
    const operation = /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? '';
    calls.push({ operation, variables: body.variables });
    const answer = answers[operation];
    if (!answer) throw new Error(`no answer for ${operation}`);
    const payload = answer(body.variables);
    // jsdom has no Response: the fields the client reads.
    return { ok: true, status: 200, statusText: 'OK', json: async () => payload };
  });
  return { fetch, calls };
}
