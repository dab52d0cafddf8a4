import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Select, TextField } from '@lookbook/web-ui';
import type { RevocationReason } from '../../../gql/graphql';
import { sentenceCase } from '../../../lib/format';
import { execute } from '../../../lib/graphql-client';
import { BlockHash, RevokeLicense } from '../api/mutations';
import { ActionCard } from './action-card';

const REASONS: RevocationReason[] = [
  'FRAUD',
  'TERMS_VIOLATION',
  'TAKEDOWN',
  'ISSUED_IN_ERROR',
  'REFUNDED',
  'DISPUTE_LOST',
];

export function BlockHashCard() {
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

export function RevokeCard() {
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
