import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Badge, Button, ButtonLink, Dialog, Money, Notice, Stack, Text, TextField } from '@lookbook/web-ui';
import { scopes } from '../../../api/keys';
import type { OrderQuery as OrderData } from '../../../gql/graphql';
import { errorMessage } from '../../../lib/api-error';
import { formatMoney, sentenceCase } from '../../../lib/format';
import { execute } from '../../../lib/graphql-client';
import { TIER_LABELS } from '../../../lib/licence-labels';
import { checkoutKeys } from '../api/keys';
import { RefundLine } from '../api/mutations';

export type Order = OrderData['order'];

export type Line = Order['lines'][number];

/** Why a paid line could not be licensed, as a sentence (the API's code otherwise). */
const UNAVAILABLE: Record<string, string> = {
  VERSION_EXCLUSIVELY_LICENSED: 'It was licensed exclusively to someone else before your payment arrived.',
  OFFER_NOT_AVAILABLE: 'Its offer was changed or withdrawn before your payment arrived.',
  ALREADY_LICENSED: 'You already held this licence.',
  REMIX_PARENT_TAKEN_DOWN: 'A workflow it remixes was taken down.',
};

export const STATUS_TONE: Record<string, 'good' | 'warn' | 'neutral' | 'bad'> = {
  PAID: 'good',
  PENDING: 'warn',
  PARTIALLY_REFUNDED: 'warn',
  DISPUTED: 'warn',
  DISPUTE_LOST: 'bad',
};

/** One licence of the order: what it is, its status and licence, and its refund. */
export function OrderLineRow({ order, line }: { order: Order; line: Line }) {
  const refundable = line.status === 'PAID' && line.refundedAmount === 0 && !!line.licenseId;
  return (
    <Stack as="li" gap={2} className="py-3" data-testid="order-line">
      <Stack direction="row" gap={2} align="start" justify="between">
        <div className="min-w-0 flex-1">
          <p className="font-medium [overflow-wrap:anywhere]">{line.itemName}</p>
          <Text>
            {TIER_LABELS[line.tier] ?? line.tier} licence · sold by{' '}
            {line.seller.displayName ?? line.seller.handle ?? 'a Lookbook creator'}
          </Text>
        </div>
        <Stack gap={1} align="end" className="text-sm">
          <Money amount={line.amount} currency={order.currency} weight="medium" />
          <Badge tone={STATUS_TONE[line.status] ?? 'neutral'}>
            <span data-testid="order-line-status">{sentenceCase(line.status)}</span>
          </Badge>
        </Stack>
      </Stack>
      {line.unavailableReason && (
        <Text tone="warn">
          {UNAVAILABLE[line.unavailableReason] ?? 'It could no longer be licensed.'} This licence was refunded in full.
        </Text>
      )}
      {line.refundedAmount > 0 && !line.unavailableReason && (
        <Text>Refunded {formatMoney(line.refundedAmount, order.currency)}.</Text>
      )}
      <Stack direction="row" gap={2}>
        {line.licenseId &&
          line.status !== 'REFUNDED' &&
          line.status !== 'DISPUTE_LOST' &&
          (line.subjectKind === 'TEMPLATE' ? (
            <ButtonLink to="/templates/$id" params={{ id: line.subjectId }} size="sm">
              Open the template
            </ButtonLink>
          ) : (
            <ButtonLink to="/models/$id" params={{ id: line.subjectId }} size="sm">
              Download the files
            </ButtonLink>
          ))}
        {refundable && <RefundLineButton order={order} line={line} />}
      </Stack>
    </Stack>
  );
}

/** Refund one licence of the order, after a confirmation that says what happens and asks why. */
export function RefundLineButton({ order, line }: { order: Order; line: Line }) {
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const refund = useMutation({
    mutationFn: () => execute(RefundLine, { orderId: order.id, lineId: line.id, note: note.trim() || null }),
    onSuccess: async () => {
      setOpen(false);
      await client.invalidateQueries({ queryKey: checkoutKeys.order(order.id) });
      // The library lists the order and the licence that ends.
      await client.invalidateQueries({ queryKey: scopes.library });
    },
  });
  return (
    <>
      <Button variant="quiet" size="sm" onPress={() => setOpen(true)}>
        Refund this licence
      </Button>
      <Dialog title="Refund this licence?" isOpen={open} onOpenChange={setOpen}>
        <Stack
          as="form"
          gap={4}
          onSubmit={(event) => {
            event.preventDefault();
            refund.mutate();
          }}
        >
          <p className="text-sm">
            You get {formatMoney(line.amount, order.currency)} back for {line.itemName}. Its licence ends when the
            refund goes through;{' '}
            {order.lines.length > 1 ? 'the other licences of this order stay yours.' : 'this cannot be undone.'}
          </p>
          <TextField
            label="Why are you asking for a refund? (optional)"
            multiline
            rows={3}
            maxLength={500}
            value={note}
            onChange={setNote}
          />
          {refund.isError && <Notice tone="bad">{errorMessage(refund.error)}</Notice>}
          <Stack direction="row" gap={2} justify="end">
            <Button variant="secondary" onPress={() => setOpen(false)}>
              Keep the licence
            </Button>
            <Button type="submit" variant="primary" isPending={refund.isPending}>
              Refund {formatMoney(line.amount, order.currency)}
            </Button>
          </Stack>
        </Stack>
      </Dialog>
    </>
  );
}
