import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Button, Card, ConfirmButton, Notice } from '@lookbook/web-ui';
import { TemplateOwnerFragment } from '../../../api/fragments';
import { readFragment } from '../../../gql';
import type { IpConsoleQuery } from '../../../gql/graphql';
import { errorMessage } from '../../../lib/api-error';
import { execute } from '../../../lib/graphql-client';
import { templateKeys } from '../api/keys';
import { DecideRemix } from '../api/mutations';

/** Remixes waiting for your approval, each approved or rejected (rejecting asks first). */
export function ApprovalQueue({ queue: masked }: { queue: IpConsoleQuery['remixQueue'] }) {
  // Each remix's author, read from the shared owner fragment.
  const queue = masked.map((edge) => ({
    ...edge,
    child: edge.child && { ...edge.child, owner: readFragment(TemplateOwnerFragment, edge.child.owner) },
  }));
  const client = useQueryClient();
  const decide = useMutation({
    mutationFn: (input: { templateId: string; approve: boolean }) => execute(DecideRemix, input),
    onSettled: () => void client.invalidateQueries({ queryKey: templateKeys.ipConsole() }),
  });
  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">Waiting for your approval</h2>
      {decide.isError && <Notice tone="bad">{errorMessage(decide.error)}</Notice>}
      {queue.length === 0 ? (
        <p className="text-sm text-muted">No remix is waiting for a decision.</p>
      ) : (
        <ul className="flex flex-col divide-y divide-line text-sm" data-testid="remix-queue">
          {queue.map((edge) => (
            <li key={edge.childId} className="flex flex-wrap items-center gap-3 py-2">
              <span className="min-w-0 flex-1 basis-full sm:basis-0">
                <Link to="/templates/$id" params={{ id: edge.childId }} className="font-medium text-accent underline">
                  {edge.child?.name ?? 'A remix'}
                </Link>
                {edge.child?.owner && <> by {edge.child.owner.displayName}</>}, a remix of{' '}
                <Link to="/templates/$id" params={{ id: edge.parentId }} className="text-accent underline">
                  {edge.parent?.name ?? 'your template'}
                </Link>
                , passing {edge.shareBps / 100}% of its sales up · {new Date(edge.createdAt).toLocaleDateString()}
              </span>
              <Button
                size="sm"
                onPress={() => decide.mutate({ templateId: edge.childId, approve: true })}
                isPending={decide.isPending && decide.variables.templateId === edge.childId && decide.variables.approve}
              >
                Approve
              </Button>
              <ConfirmButton
                label="Reject"
                title={`Reject ${edge.child?.name ?? 'this remix'}?`}
                confirmLabel="Reject remix"
                onConfirm={() => decide.mutateAsync({ templateId: edge.childId, approve: false })}
                error={decide.isError ? errorMessage(decide.error) : null}
              >
                The remix will not be published under your IP, and its author is told you declined.
              </ConfirmButton>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
