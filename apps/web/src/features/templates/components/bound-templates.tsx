import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Button,
  Card,
  Dialog,
  Notice,
  RuledList,
  RuledListItem,
  SectionHeading,
  Stack,
  TextLink,
} from '@lookbook/web-ui';
import type { IpConsoleQuery } from '../../../gql/graphql';
import { errorMessage } from '../../../lib/api-error';
import { execute } from '../../../lib/graphql-client';
import { templateKeys } from '../api/keys';
import { UnbindTemplate } from '../api/mutations';

type ConsoleTemplate = IpConsoleQuery['myTemplates'][number];

const remixesLeft = (released: number, approved: number) =>
  released === 0
    ? 'It had no remixes.'
    : `${released} ${released === 1 ? 'remix' : 'remixes'} left the IP` +
      (approved ? `; ${approved} waiting for your approval ${approved === 1 ? 'was' : 'were'} approved.` : '.');

/** Templates bound to your IPs, with Unbind: a confirmation says what happens to their remixes before anything does. */
export function BoundTemplates({
  ips,
  templates,
}: {
  ips: IpConsoleQuery['myIntellectualProperties'];
  templates: ConsoleTemplate[];
}) {
  const client = useQueryClient();
  const [confirming, setConfirming] = useState<ConsoleTemplate | null>(null);
  const unbind = useMutation({
    mutationFn: (templateId: string) => execute(UnbindTemplate, { templateId }),
    onSuccess: async () => {
      setConfirming(null);
      await client.invalidateQueries({ queryKey: templateKeys.ipConsole() });
    },
  });
  if (!templates.length && !unbind.isSuccess) return null;
  const ipName = (t: ConsoleTemplate) => ips.find((ip) => ip.id === t.ipBinding?.ipId)?.name ?? 'your IP';
  const share = (t: ConsoleTemplate) => `${(t.terms?.ipShareBps ?? 0) / 100}%`;
  const lock = confirming?.ipBinding?.lockedSubgraph?.name;
  return (
    <Card>
      <SectionHeading>Bound templates</SectionHeading>
      {unbind.isSuccess && (
        <Notice tone="good" className="mb-3">
          Unbound “{unbind.data.unbindTemplateFromIp.template.name}”.{' '}
          {remixesLeft(
            unbind.data.unbindTemplateFromIp.releasedRemixes,
            unbind.data.unbindTemplateFromIp.approvedRemixes,
          )}
        </Notice>
      )}
      <RuledList className="text-sm" data-testid="bound-templates">
        {templates.map((t) => (
          <RuledListItem key={t.id}>
            <span className="min-w-0 flex-1 break-words">
              <TextLink to="/templates/$id" params={{ id: t.id }} strong>
                {t.name}
              </TextLink>{' '}
              · {ipName(t)} · your share {share(t)} of each remix sale
              {t.ipBinding?.lockedSubgraph && <> · locks “{t.ipBinding.lockedSubgraph.name}”</>}
            </span>
            <Button
              size="sm"
              variant="secondary"
              onPress={() => {
                unbind.reset();
                setConfirming(t);
              }}
            >
              Unbind…
            </Button>
          </RuledListItem>
        ))}
      </RuledList>
      <Dialog
        title={confirming ? `Unbind “${confirming.name}” from ${ipName(confirming)}?` : 'Unbind'}
        isOpen={!!confirming}
        onOpenChange={(open) => {
          if (!open) setConfirming(null);
        }}
      >
        {confirming && (
          <Stack gap={4} className="text-sm" data-testid="unbind-confirmation">
            <ul className="list-disc space-y-1 pl-5">
              {lock && <li>The lock on “{lock}” is released: anyone may use that subgraph again.</li>}
              <li>
                This template and its remixes, at any depth, leave {ipName(confirming)}: they stop paying your{' '}
                {share(confirming)} from their next sale. Sales already made are unchanged.
              </li>
              <li>Remixes keep their lineage: the share each passes to its parent is still paid, to you too.</li>
              <li>
                Remixes waiting for your approval are approved (nobody is left to decide), and their terms stay — credit
                lines, uses, maturity — without your share.
              </li>
              <li>You can bind this template again later.</li>
            </ul>
            {unbind.isError && <Notice tone="bad">{errorMessage(unbind.error)}</Notice>}
            <Stack direction="row" gap={2} justify="end">
              <Button variant="secondary" onPress={() => setConfirming(null)}>
                Keep it bound
              </Button>
              <Button variant="danger" onPress={() => unbind.mutate(confirming.id)} isPending={unbind.isPending}>
                Unbind
              </Button>
            </Stack>
          </Stack>
        )}
      </Dialog>
    </Card>
  );
}
