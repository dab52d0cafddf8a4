import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Button,
  Card,
  Checkbox,
  EmptyState,
  NativeSelect,
  Notice,
  PercentField,
  SectionHeading,
  Stack,
  Text,
  TextField,
  TextLink,
  parsePercent,
} from '@lookbook/web-ui';
import type { IpConsoleQuery, Maturity, RemixApproval, TemplateUse } from '../../../gql/graphql';
import { errorMessage } from '../../../lib/api-error';
import { execute } from '../../../lib/graphql-client';
import { templateKeys } from '../api/keys';
import { BindTemplate } from '../api/mutations';
import { subgraphsQuery } from '../api/queries';
import { explainTerms } from '../explain-terms';

const words = (text: string) =>
  text
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);
const MATURITIES: Maturity[] = ['SFW', 'SUGGESTIVE', 'MATURE', 'EXPLICIT'];

/** Bind one of your templates to an IP, editing its terms with their consequences spelled out as you go. */
export function BindCard({
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
  const chosenGraph = useQuery(subgraphsQuery(templateId));
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
    onSuccess: () => void client.invalidateQueries({ queryKey: templateKeys.ipConsole() }),
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
