import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Badge,
  Button,
  Card,
  Checkbox,
  ConfirmButton,
  Dialog,
  EmptyState,
  ErrorState,
  Inline,
  LoadingState,
  NativeSelect,
  Notice,
  PageHeader,
  PercentField,
  RuledList,
  RuledListItem,
  SectionHeading,
  Stack,
  Text,
  TextField,
  TextLink,
  parsePercent,
} from '@lookbook/web-ui';
import type { IpConsoleQuery, IpKind, Maturity, RemixApproval, TemplateUse } from '../../gql/graphql';
import { errorMessage, isRetryable } from '../../lib/api-error';
import { execute } from '../../lib/graphql-client';
import { useTitle } from '../../lib/use-title';
import { explainTerms } from './explain-terms';
import {
  BindTemplate,
  DecideRemix,
  IpConsole,
  RegisterIp,
  TemplateSubgraphs,
  UnbindTemplate,
} from './template-queries';

const words = (text: string) =>
  text
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);

/**
 * The IP owner's console: register a franchise or character, bind your templates to it with the terms fans remix
 * under (explained live, in plain words, as you edit), unbind them (saying first what that does to their remixes),
 * and decide the remixes waiting for your approval.
 */
export function IpConsolePage() {
  useTitle('Your IPs');
  const page = useQuery({ queryKey: ['ip-console'], queryFn: () => execute(IpConsole) });
  if (page.isPending) return <LoadingState label="Loading your IPs" />;
  if (page.isError)
    return (
      <ErrorState
        message={errorMessage(page.error)}
        onRetry={isRetryable(page.error) ? () => void page.refetch() : undefined}
      />
    );
  const { myIntellectualProperties: ips, myTemplates, remixQueue } = page.data;
  return (
    <Stack gap={6}>
      <PageHeader
        title="Your IPs"
        subtitle="Franchises and characters you own: the terms fans remix them under, and the remixes waiting for you."
      />
      <ApprovalQueue queue={remixQueue} />
      <div className="grid gap-6 lg:grid-cols-2">
        <RegisterIpCard />
        <Card>
          <SectionHeading>Registered</SectionHeading>
          {ips.length === 0 ? (
            <EmptyState title="No IP yet" level={3}>
              Register a franchise or character to set the terms fans remix under.
            </EmptyState>
          ) : (
            <Stack as="ul" gap={2} className="text-sm" data-testid="ip-list">
              {ips.map((ip) => (
                <Inline as="li" key={ip.id}>
                  <span className="font-medium">{ip.name}</span>
                  <Badge>{ip.kind.toLowerCase()}</Badge>
                  <Text as="span" size="inherit">
                    {boundCount(myTemplates, ip.id)}
                  </Text>
                </Inline>
              ))}
            </Stack>
          )}
        </Card>
      </div>
      <BoundTemplates ips={ips} templates={myTemplates.filter((t) => t.ipBinding)} />
      {ips.length > 0 && <BindCard ips={ips} templates={myTemplates.filter((t) => !t.ipId)} />}
    </Stack>
  );
}

function ApprovalQueue({ queue }: { queue: IpConsoleQuery['remixQueue'] }) {
  const client = useQueryClient();
  const decide = useMutation({
    mutationFn: (input: { templateId: string; approve: boolean }) => execute(DecideRemix, input),
    onSettled: () => void client.invalidateQueries({ queryKey: ['ip-console'] }),
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

type ConsoleTemplate = IpConsoleQuery['myTemplates'][number];

const remixesLeft = (released: number, approved: number) =>
  released === 0
    ? 'It had no remixes.'
    : `${released} ${released === 1 ? 'remix' : 'remixes'} left the IP` +
      (approved ? `; ${approved} waiting for your approval ${approved === 1 ? 'was' : 'were'} approved.` : '.');

/** Templates bound to your IPs, with Unbind: a confirmation says what happens to their remixes before anything does. */
function BoundTemplates({
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
      await client.invalidateQueries({ queryKey: ['ip-console'] });
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

function RegisterIpCard() {
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<IpKind>('FRANCHISE');
  const [description, setDescription] = useState('');
  const register = useMutation({
    mutationFn: () => execute(RegisterIp, { input: { name, kind, description } }),
    onSuccess: async () => {
      setName('');
      setDescription('');
      await client.invalidateQueries({ queryKey: ['ip-console'] });
    },
  });
  return (
    <Card>
      <SectionHeading>Register an IP</SectionHeading>
      <Stack
        as="form"
        onSubmit={(event) => {
          event.preventDefault();
          register.mutate();
        }}
      >
        <TextField label="Name" value={name} onChange={setName} isRequired />
        <NativeSelect
          label="Kind"
          value={kind}
          onChange={(v) => setKind(v as IpKind)}
          options={[
            { id: 'FRANCHISE', label: 'Franchise' },
            { id: 'CHARACTER', label: 'Character' },
          ]}
        />
        <TextField label="Description" value={description} onChange={setDescription} multiline rows={2} />
        {register.isError && <Notice tone="bad">{errorMessage(register.error)}</Notice>}
        <Button type="submit" className="self-start" isPending={register.isPending} isDisabled={!name.trim()}>
          Register
        </Button>
      </Stack>
    </Card>
  );
}

const MATURITIES: Maturity[] = ['SFW', 'SUGGESTIVE', 'MATURE', 'EXPLICIT'];

/** Bind one of your templates to an IP, editing its terms with their consequences spelled out as you go. */
function BindCard({
  ips,
  templates,
}: {
  ips: IpConsoleQuery['myIntellectualProperties'];
  templates: IpConsoleQuery['myTemplates'];
}) {
  const client = useQueryClient();
  const [ipId, setIpId] = useState(ips[0]!.id);
  const [chosen, setTemplateId] = useState(templates[0]?.id ?? '');
  // A template just bound leaves the list: fall back to the next one.
  const templateId = templates.some((t) => t.id === chosen) ? chosen : (templates[0]?.id ?? '');
  const [remixAllowed, setRemixAllowed] = useState(true);
  const [slots, setSlots] = useState('');
  const [uses, setUses] = useState<TemplateUse[]>(['PERSONAL', 'COMMERCIAL']);
  const [share, setShare] = useState('15');
  const [maturity, setMaturity] = useState<Maturity>('SFW');
  const [tags, setTags] = useState('');
  const [credit, setCredit] = useState('');
  const [approval, setApproval] = useState<RemixApproval>('MANUAL');
  const [lockedChoice, setLocked] = useState('');
  const chosenGraph = useQuery({
    queryKey: ['template', templateId, 'subgraphs'],
    queryFn: () => execute(TemplateSubgraphs, { id: templateId }),
    enabled: !!templateId,
  });
  const subgraphs = chosenGraph.data?.template.versions[0]?.subgraphs ?? [];
  const locked = subgraphs.some((s) => s.id === lockedChoice) ? lockedChoice : '';
  // Entered in percent, checked in percent, sent in basis points.
  const shareBps = parsePercent(share, { maxBps: 5000 }).bps ?? 0;
  const shareError = parsePercent(share, { maxBps: 5000 }).error ?? undefined;
  const terms = {
    remixAllowed,
    changeableSlots: slots.trim() ? words(slots) : null,
    allowedUses: uses,
    attribution: credit.trim() ? [credit.trim()] : [],
    ipShareBps: shareError ? 0 : shareBps,
    maxMaturity: maturity,
    requiredTags: words(tags).map((t) => t.toLowerCase()),
    approval,
  };
  const bind = useMutation({
    mutationFn: () => execute(BindTemplate, { templateId, ipId, terms, lockedSubgraphId: locked || null }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['ip-console'] }),
  });
  const toggleUse = (use: TemplateUse, on: boolean) =>
    setUses((list) => (on ? [...new Set([...list, use])] : list.filter((u) => u !== use)));

  return (
    <Card>
      <SectionHeading>Bind a template</SectionHeading>
      {bind.isSuccess && (
        <Notice tone="good" className="mb-3">
          Bound. Fans now remix it under these terms.
        </Notice>
      )}
      {templates.length === 0 ? (
        <EmptyState title="No template to bind" level={3}>
          <TextLink to="/studio/templates/new">Import a workflow template</TextLink> first: an original of yours, not a
          remix.
        </EmptyState>
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">
          <Stack
            as="form"
            data-testid="bind-form"
            onSubmit={(event) => {
              event.preventDefault();
              bind.mutate();
            }}
          >
            <NativeSelect
              label="IP"
              value={ipId}
              onChange={setIpId}
              options={ips.map((ip) => ({ id: ip.id, label: ip.name }))}
            />
            <NativeSelect
              label="Template"
              value={templateId}
              onChange={setTemplateId}
              options={templates.map((t) => ({ id: t.id, label: `${t.name} (${t.status.toLowerCase()})` }))}
            />
            {subgraphs.length > 0 && (
              <Stack gap={1}>
                <NativeSelect
                  label="Lock a subgraph to this IP"
                  value={locked}
                  onChange={setLocked}
                  options={[{ id: '', label: 'None' }, ...subgraphs.map((s) => ({ id: s.id, label: s.name }))]}
                />
                <Text size="xs">
                  Only a subgraph nobody else has published, and no other IP has locked. Unbinding releases it.
                </Text>
              </Stack>
            )}
            <Checkbox isSelected={remixAllowed} onChange={setRemixAllowed}>
              Fans may remix it
            </Checkbox>
            <TextField
              label="Parameters fans may change"
              description="Slot keys, comma-separated; empty: every parameter."
              value={slots}
              onChange={setSlots}
            />
            <fieldset className="flex flex-col gap-2">
              <legend className="text-sm font-medium text-ink">Allowed uses</legend>
              <Checkbox isSelected={uses.includes('PERSONAL')} onChange={(on) => toggleUse('PERSONAL', on)}>
                Personal
              </Checkbox>
              <Checkbox isSelected={uses.includes('COMMERCIAL')} onChange={(on) => toggleUse('COMMERCIAL', on)}>
                Commercial
              </Checkbox>
            </fieldset>
            <PercentField label="Your share of each remix sale" value={share} onChange={setShare} maxBps={5000} />
            <NativeSelect
              label="Highest maturity"
              value={maturity}
              onChange={(v) => setMaturity(v as Maturity)}
              options={MATURITIES.map((m) => ({ id: m, label: m.toLowerCase() }))}
            />
            <TextField label="Required tags" description="Comma-separated." value={tags} onChange={setTags} />
            <TextField label="Credit line every remix shows" value={credit} onChange={setCredit} />
            <NativeSelect
              label="Approval"
              value={approval}
              onChange={(v) => setApproval(v as RemixApproval)}
              options={[
                { id: 'MANUAL', label: 'I approve each remix' },
                { id: 'AUTOMATIC', label: 'Automatic' },
              ]}
            />
            {bind.isError && <Notice tone="bad">{errorMessage(bind.error)}</Notice>}
            <Button type="submit" className="self-start" isPending={bind.isPending} isDisabled={!!shareError}>
              Bind to IP
            </Button>
          </Stack>
          <section aria-labelledby="terms-explained" className="rounded-lg bg-raised p-4 text-sm">
            <SectionHeading level={3} size="sm" id="terms-explained">
              What fans may do
            </SectionHeading>
            <ul className="list-disc pl-5" data-testid="terms-explained">
              {explainTerms(terms).map((line) => (
                <li key={line}>{line}</li>
              ))}
              {locked && (
                <li>
                  Any workflow containing “{subgraphs.find((s) => s.id === locked)?.name}” uses this IP: only its
                  templates and their remixes may carry it.
                </li>
              )}
            </ul>
          </section>
        </div>
      )}
    </Card>
  );
}

/** "1 template bound", "3 templates bound" (bound itself: remixes of yours belong to it through their parent). */
function boundCount(templates: readonly { ipBinding?: { ipId: string } | null }[], ipId: string): string {
  const n = templates.filter((t) => t.ipBinding?.ipId === ipId).length;
  return `${n} ${n === 1 ? 'template' : 'templates'} bound`;
}
