import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useState } from 'react';
import {
  Badge,
  Button,
  Card,
  Checkbox,
  ConfirmDialog,
  EmptyState,
  ErrorState,
  Money,
  Notice,
  PageHeader,
  RuledList,
  RuledListItem,
  SectionHeading,
  Select,
  Stack,
  Text,
  TextField,
} from '@lookbook/web-ui';
import { baseModelsQuery } from '../../api/base-models';
import { baseModelKeys } from '../../api/keys';
import type { RevocationReason, Role } from '../../gql/graphql';
import { errorMessage } from '../../lib/api-error';
import { formatDateTime, sentenceCase } from '../../lib/format';
import { execute } from '../../lib/graphql-client';
import { useMe } from '../../lib/session';
import { useTitle } from '../../lib/use-title';
import { BlockHash, RevokeLicense, SetRoles, UpsertBaseModel, UserByHandle } from './api/mutations';
import { reviewQueueQuery } from './api/queries';

const REASONS: RevocationReason[] = [
  'FRAUD',
  'TERMS_VIOLATION',
  'TAKEDOWN',
  'ISSUED_IN_ERROR',
  'REFUNDED',
  'DISPUTE_LOST',
];

/** Moderators and admins: money that needs a person, blocked hashes, licence revocation; admins: base models, roles. */
export function StaffPage() {
  useTitle('Staff');
  const { me } = useMe();
  const isAdmin = !!me?.roles.includes('ADMIN');
  if (me && !me.roles.length)
    return <ErrorState title="Staff only" message="This page is for Lookbook's moderators and admins." />;
  return (
    <Stack gap={6}>
      <PageHeader title="Staff" subtitle="Support, moderation and catalog settings." />
      <ReviewQueueCard />
      <div className="grid gap-6 lg:grid-cols-2">
        <BlockHashCard />
        <RevokeCard />
        {isAdmin && <RolesCard />}
        {isAdmin && <BaseModelCard />}
      </div>
    </Stack>
  );
}

function ReviewQueueCard() {
  const queue = useSuspenseQuery(reviewQueueQuery());
  return (
    <Card>
      <SectionHeading>Money review queue</SectionHeading>
      {queue.data.moneyReviewQueue.length === 0 ? (
        <EmptyState title="Nothing needs a person right now" level={3}>
          Failed refunds, unrecovered reversals and stalled payment events land here.
        </EmptyState>
      ) : (
        <RuledList>
          {queue.data.moneyReviewQueue.map((item, i) => (
            <RuledListItem key={i} className="text-sm">
              <div>
                <Badge tone="warn">{sentenceCase(item.kind)}</Badge> <span className="ml-2">{item.detail}</span>
                <Text size="xs">
                  since {formatDateTime(item.since)}
                  {item.orderId ? ` · order ${item.orderId}` : ''}
                </Text>
              </div>
              {item.amount !== null && item.amount !== undefined && item.currency && (
                <Money amount={item.amount} currency={item.currency} weight="medium" />
              )}
            </RuledListItem>
          ))}
        </RuledList>
      )}
    </Card>
  );
}

function ActionCard({
  title,
  children,
  onSubmit,
  pending,
  error,
  done,
  confirm,
}: {
  title: string;
  children: ReactNode;
  onSubmit: () => void;
  pending: boolean;
  error: unknown;
  done: string | null;
  /** A step that cannot be undone asks first (the form's submit opens the question). */
  confirm?: { title: string; body: ReactNode; confirmLabel: string };
}) {
  const [asking, setAsking] = useState(false);
  return (
    <Card>
      <SectionHeading>{title}</SectionHeading>
      <Stack
        as="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (confirm) setAsking(true);
          else onSubmit();
        }}
      >
        {children}
        {!!error && <Notice tone="bad">{errorMessage(error)}</Notice>}
        {done && <Notice tone="good">{done}</Notice>}
        <Button type="submit" isPending={pending} className="self-start">
          {title}
        </Button>
      </Stack>
      {confirm && (
        <ConfirmDialog
          isOpen={asking}
          onOpenChange={setAsking}
          title={confirm.title}
          confirmLabel={confirm.confirmLabel}
          onConfirm={() => {
            setAsking(false);
            onSubmit();
          }}
        >
          {confirm.body}
        </ConfirmDialog>
      )}
    </Card>
  );
}

function BlockHashCard() {
  const [sha256, setSha] = useState('');
  const [reason, setReason] = useState('');
  const block = useMutation({ mutationFn: () => execute(BlockHash, { sha256: sha256.trim().toLowerCase(), reason }) });
  return (
    <ActionCard
      title="Block a file hash"
      onSubmit={() => block.mutate()}
      pending={block.isPending}
      error={block.error}
      done={block.isSuccess ? 'Blocked: future uploads of these bytes are rejected.' : null}
      confirm={{
        title: 'Block this file?',
        confirmLabel: 'Block hash',
        body: 'Every future upload of these exact bytes is rejected, by anyone.',
      }}
    >
      <TextField label="SHA-256" value={sha256} onChange={setSha} isRequired />
      <TextField
        label="Reason"
        value={reason}
        onChange={setReason}
        isRequired
        description="Shown to staff, not to uploaders."
      />
    </ActionCard>
  );
}

function RevokeCard() {
  const [id, setId] = useState('');
  const [reason, setReason] = useState<RevocationReason>('TERMS_VIOLATION');
  const [note, setNote] = useState('');
  const revoke = useMutation({
    mutationFn: () => execute(RevokeLicense, { id: id.trim(), reason, note: note || undefined }),
  });
  return (
    <ActionCard
      title="Revoke a licence"
      onSubmit={() => revoke.mutate()}
      pending={revoke.isPending}
      error={revoke.error}
      done={revoke.isSuccess ? 'Revoked: its certificate now verifies as revoked.' : null}
      confirm={{
        title: 'Revoke this licence?',
        confirmLabel: 'Revoke licence',
        body: `Licence ${id.trim()} ends now (${sentenceCase(reason).toLowerCase()}): its holder loses downloads and its certificate verifies as revoked. This cannot be undone.`,
      }}
    >
      <TextField label="Licence id" value={id} onChange={setId} isRequired />
      <Select
        label="Reason"
        selectedKey={reason}
        onSelectionChange={(k) => setReason(k as RevocationReason)}
        options={REASONS.map((r) => ({ id: r, label: sentenceCase(r) }))}
      />
      <TextField label="Note" value={note} onChange={setNote} description="Optional, up to 500 characters." />
    </ActionCard>
  );
}

function RolesCard() {
  const [handle, setHandle] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const set = useMutation({
    mutationFn: async () => {
      const { user } = await execute(UserByHandle, { handle: handle.trim() });
      await execute(SetRoles, { userId: user.id, roles });
      return user;
    },
  });
  return (
    <ActionCard
      title="Set roles"
      onSubmit={() => set.mutate()}
      pending={set.isPending}
      error={set.error}
      done={
        set.data ? `@${set.data.handle} now has: ${roles.map((r) => r.toLowerCase()).join(', ') || 'no roles'}.` : null
      }
    >
      <TextField label="Handle" value={handle} onChange={setHandle} isRequired />
      {(['MODERATOR', 'ADMIN'] as Role[]).map((role) => (
        <Checkbox
          key={role}
          isSelected={roles.includes(role)}
          onChange={(on) => setRoles((r) => (on ? [...r, role] : r.filter((x) => x !== role)))}
        >
          {sentenceCase(role)}
        </Checkbox>
      ))}
    </ActionCard>
  );
}

function BaseModelCard() {
  const client = useQueryClient();
  const baseModels = useQuery(baseModelsQuery());
  const [form, setForm] = useState({ id: '', name: '', ecosystem: '', licenseName: '', nonCommercial: false });
  const upsert = useMutation({
    mutationFn: () => execute(UpsertBaseModel, { input: form }),
    onSuccess: () => client.invalidateQueries({ queryKey: baseModelKeys.all }),
  });
  const set = (key: 'id' | 'name' | 'ecosystem' | 'licenseName') => (value: string) =>
    setForm((f) => ({ ...f, [key]: value }));
  return (
    <ActionCard
      title="Save base model"
      onSubmit={() => upsert.mutate()}
      pending={upsert.isPending}
      error={upsert.error}
      done={upsert.isSuccess ? 'Saved.' : null}
    >
      <Text>{baseModels.data?.baseModels.map((b) => b.name).join(', ') ?? 'Loading base models…'}</Text>
      <div className="grid grid-cols-2 gap-3">
        <TextField
          label="Id"
          value={form.id}
          onChange={set('id')}
          isRequired
          description="e.g. sdxl-1.0 (existing id: edit)"
        />
        <TextField label="Name" value={form.name} onChange={set('name')} isRequired />
        <TextField label="Ecosystem" value={form.ecosystem} onChange={set('ecosystem')} isRequired />
        <TextField label="Licence" value={form.licenseName} onChange={set('licenseName')} isRequired />
      </div>
      <Checkbox isSelected={form.nonCommercial} onChange={(nonCommercial) => setForm((f) => ({ ...f, nonCommercial }))}>
        Non-commercial licence (derivatives cannot be sold for commercial use)
      </Checkbox>
    </ActionCard>
  );
}
