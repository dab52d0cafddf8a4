import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import { Card, EmptyState, LoadingState, Notice, Stack, Text } from '@lookbook/web-ui';
import { ApiError, errorMessage } from '../../../lib/api-error';

/** Codes that mean "this link will not work again": the page offers a way to get a new one. */
const DEAD_LINK = new Set(['TOKEN_INVALID', 'TOKEN_EXPIRED', 'TOKEN_USED', 'TOKEN_SUPERSEDED', 'TOKEN_WRONG_PURPOSE']);

export interface TokenLinkPageProps<T> {
  title: string;
  /** The token from the link (absent: the page was opened without one). */
  token: string | undefined;
  /** Uses the token once (a mutation, never a query: following a link changes something). */
  run: (token: string) => Promise<T>;
  pending: string;
  success: (result: T) => ReactNode;
  /** What to offer when the link is dead (a new link) or missing. */
  recovery: ReactNode;
}

/**
 * A page a mailed link opens: it uses the token once on arrival (guarded against React's double effects), then says
 * what happened — done, the link is dead (with a way to get a new one), or something else went wrong.
 */
export function TokenLinkPage<T>({ title, token, run, pending, success, recovery }: TokenLinkPageProps<T>) {
  const use = useMutation({ mutationFn: run });
  const started = useRef(false);
  useEffect(() => {
    if (!token || started.current) return;
    started.current = true;
    use.mutate(token);
  }, [token, use]);

  if (!token)
    return (
      <EmptyState title={title} level={2}>
        <Stack gap={3}>
          <Text>This page opens from the link in a mail Lookbook sent you; this address has no link in it.</Text>
          {recovery}
        </Stack>
      </EmptyState>
    );
  const dead = use.error instanceof ApiError && DEAD_LINK.has(use.error.code);
  return (
    <Card className="mx-auto w-full max-w-md">
      <h1 className="mb-4 text-2xl font-semibold">{title}</h1>
      {(use.isIdle || use.isPending) && <LoadingState label={pending} rows={2} />}
      {use.isSuccess && <Notice tone="good">{success(use.data)}</Notice>}
      {use.isError && (
        <Stack gap={3}>
          <Notice tone="bad">{errorMessage(use.error)}</Notice>
          {dead && recovery}
        </Stack>
      )}
    </Card>
  );
}
