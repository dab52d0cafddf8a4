import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  ConfirmButton,
  Notice,
  RuledList,
  RuledListItem,
  SectionHeading,
  Text,
  TextLink,
} from '@lookbook/web-ui';
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
      <SectionHeading>Waiting for your approval</SectionHeading>
      {decide.isError && <Notice tone="bad">{errorMessage(decide.error)}</Notice>}
      {queue.length === 0 ? (
        <Text>No remix is waiting for a decision.</Text>
      ) : (
        <RuledList className="text-sm" data-testid="remix-queue">
          {queue.map((edge) => (
            <RuledListItem key={edge.childId}>
              <span className="min-w-0 flex-1 basis-full sm:basis-0">
                <TextLink to="/templates/$id" params={{ id: edge.childId }} strong>
                  {edge.child?.name ?? 'A remix'}
                </TextLink>
                {edge.child?.owner && <> by {edge.child.owner.displayName}</>}, a remix of{' '}
                <TextLink to="/templates/$id" params={{ id: edge.parentId }}>
                  {edge.parent?.name ?? 'your template'}
                </TextLink>
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
            </RuledListItem>
          ))}
        </RuledList>
      )}
    </Card>
  );
}
