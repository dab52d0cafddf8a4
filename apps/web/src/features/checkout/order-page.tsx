import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import {
  Badge,
  Button,
  Card,
  Detail,
  Dialog,
  Notice,
  PageHeader,
  Spinner,
  TextField,
  buttonStyles,
} from '@lookbook/web-ui';
import { scopes } from '../../api/keys';
import type { OrderQuery as OrderData } from '../../gql/graphql';
import { errorMessage } from '../../lib/api-error';
import { formatDateTime, formatMoney, sentenceCase } from '../../lib/format';
import { execute } from '../../lib/graphql-client';
import { TIER_LABELS } from '../../lib/licence-labels';
import { useTitle } from '../../lib/use-title';
import { checkoutKeys } from './api/keys';
import { RefundLine } from './api/mutations';
import { orderQuery } from './api/queries';

type Order = OrderData['order'];
type Line = Order['lines'][number];

const route = getRouteApi('/orders/$id');

/** Why a paid line could not be licensed, as a sentence (the API's code otherwise). */
const UNAVAILABLE: Record<string, string> = {
  VERSION_EXCLUSIVELY_LICENSED: 'It was licensed exclusively to someone else before your payment arrived.',
  OFFER_NOT_AVAILABLE: 'Its offer was changed or withdrawn before your payment arrived.',
  ALREADY_LICENSED: 'You already held this licence.',
  REMIX_PARENT_TAKEN_DOWN: 'A workflow it remixes was taken down.',
};

const STATUS_TONE: Record<string, 'good' | 'warn' | 'neutral' | 'bad'> = {
  PAID: 'good',
  PENDING: 'warn',
  PARTIALLY_REFUNDED: 'warn',
  DISPUTED: 'warn',
  DISPUTE_LOST: 'bad',
};

/**
 * Where checkout returns to: the receipt — every licence bought, each with its status, its licence and its refunds —
 * and the licences as soon as the payment is confirmed (the page polls while the order is pending — the webhook
 * usually lands within a second or two).
 */
export function OrderPage() {
  const { id } = route.useParams();
  const { checkout } = route.useSearch();
  const order = useSuspenseQuery({
    ...orderQuery(id),
    refetchInterval: (query) => {
      const o = query.state.data?.order;
      const moving = o?.status === 'PENDING' || o?.refunds.some((r) => r.status === 'PENDING');
      return moving && checkout !== 'cancelled' ? 1500 : false;
    },
  });
  const o = order.data.order;
  useTitle(`Order: ${o.itemName}`);
  const pending = o.status === 'PENDING';
  // Licences this order granted that are still in force (a refunded line's licence has ended).
  const granted = o.lines.filter((l) => l.licenseId && l.status !== 'REFUNDED' && l.status !== 'DISPUTE_LOST');
  const unavailable = o.lines.filter((l) => l.unavailableReason);
  const several = o.lines.length > 1;
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <PageHeader title={several ? `${o.lines.length} licences` : o.itemName} subtitle={`Order ${o.id}`} />
      {checkout === 'cancelled' && pending && (
        <Notice tone="warn">
          Checkout was cancelled and nothing was charged.{' '}
          {o.checkoutUrl && (
            <a href={o.checkoutUrl} className="font-medium underline">
              Return to checkout
            </a>
          )}
        </Notice>
      )}
      {pending && checkout !== 'cancelled' && (
        <Notice>
          <span className="flex items-center gap-2" data-testid="order-waiting">
            <Spinner label="Waiting for the payment confirmation" /> Waiting for the payment to be confirmed…
          </span>
        </Notice>
      )}
      {o.lastPaymentError && <Notice tone="bad">The payment failed: {o.lastPaymentError}</Notice>}
      {granted.length > 0 && (
        <Notice tone="good">
          <p className="font-medium" data-testid="order-licensed">
            Payment confirmed —{' '}
            {!several
              ? 'your licence is ready'
              : granted.length === o.lines.length
                ? `your ${granted.length} licences are ready`
                : `${granted.length} of the ${o.lines.length} licences ${granted.length === 1 ? 'is' : 'are'} yours`}
            .
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            <Link to="/library" className={buttonStyles('secondary', 'sm')}>
              Certificates in your library
            </Link>
          </div>
        </Notice>
      )}
      {unavailable.length > 0 && (
        <Notice tone="warn">
          {unavailable.length === o.lines.length
            ? 'This licence could no longer be granted, so your payment was refunded in full.'
            : `${unavailable.length} of these licences could no longer be granted and ${
                unavailable.length === 1 ? 'was' : 'were'
              } refunded; the others are yours.`}
        </Notice>
      )}
      <Card>
        <h2 className="mb-2 text-lg font-semibold">{several ? 'What you bought' : 'Licence'}</h2>
        <ul className="flex flex-col divide-y divide-line" aria-label="Licences in this order">
          {o.lines.map((line) => (
            <OrderLineRow key={line.id} order={o} line={line} />
          ))}
        </ul>
      </Card>
      <Card>
        <h2 className="mb-2 text-lg font-semibold">Receipt</h2>
        <dl>
          <Detail term="Status">
            <Badge tone={STATUS_TONE[o.status] ?? 'neutral'}>{sentenceCase(o.status)}</Badge>
          </Detail>
          <Detail term={several ? 'Total' : 'Amount'}>
            <span data-testid="order-total">{formatMoney(o.amount, o.currency)}</span>
            {several && <span className="text-muted"> · one payment for {o.lines.length} licences</span>}
          </Detail>
          <Detail term="Ordered">{formatDateTime(o.createdAt)}</Detail>
          {o.paidAt && <Detail term="Paid">{formatDateTime(o.paidAt)}</Detail>}
          {o.refundedAmount > 0 && <Detail term="Refunded">{formatMoney(o.refundedAmount, o.currency)}</Detail>}
        </dl>
        {o.refunds.length > 0 && (
          <ul className="mt-3 flex flex-col gap-1 text-sm" aria-label="Refunds">
            {o.refunds.map((r) => (
              <li key={r.id} data-testid="order-refund">
                Refund of {formatMoney(r.amount, o.currency)}
                {several &&
                  ` for ${r.lines
                    .map((rl) => o.lines.find((l) => l.id === rl.lineId)?.itemName ?? 'a licence')
                    .join(', ')}`}{' '}
                · {sentenceCase(r.reason)} · {sentenceCase(r.status)} · {formatDateTime(r.createdAt)}
                {r.note && <span className="block text-muted [overflow-wrap:anywhere]">“{r.note}”</span>}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

/** One licence of the order: what it is, its status and licence, and its refund. */
function OrderLineRow({ order, line }: { order: Order; line: Line }) {
  const refundable = line.status === 'PAID' && line.refundedAmount === 0 && !!line.licenseId;
  return (
    <li className="flex flex-col gap-2 py-3" data-testid="order-line">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0 flex-1">
          <p className="font-medium [overflow-wrap:anywhere]">{line.itemName}</p>
          <p className="text-sm text-muted">
            {TIER_LABELS[line.tier] ?? line.tier} licence · sold by{' '}
            {line.seller.displayName ?? line.seller.handle ?? 'a Lookbook creator'}
          </p>
        </div>
        <div className="flex flex-col items-end gap-1 text-sm">
          <span className="font-medium">{formatMoney(line.amount, order.currency)}</span>
          <Badge tone={STATUS_TONE[line.status] ?? 'neutral'}>
            <span data-testid="order-line-status">{sentenceCase(line.status)}</span>
          </Badge>
        </div>
      </div>
      {line.unavailableReason && (
        <p className="text-sm text-warn">
          {UNAVAILABLE[line.unavailableReason] ?? 'It could no longer be licensed.'} This licence was refunded in full.
        </p>
      )}
      {line.refundedAmount > 0 && !line.unavailableReason && (
        <p className="text-sm text-muted">Refunded {formatMoney(line.refundedAmount, order.currency)}.</p>
      )}
      <div className="flex flex-wrap gap-2">
        {line.licenseId &&
          line.status !== 'REFUNDED' &&
          line.status !== 'DISPUTE_LOST' &&
          (line.subjectKind === 'TEMPLATE' ? (
            <Link to="/templates/$id" params={{ id: line.subjectId }} className={buttonStyles('primary', 'sm')}>
              Open the template
            </Link>
          ) : (
            <Link to="/models/$id" params={{ id: line.subjectId }} className={buttonStyles('primary', 'sm')}>
              Download the files
            </Link>
          ))}
        {refundable && <RefundLineButton order={order} line={line} />}
      </div>
    </li>
  );
}

/** Refund one licence of the order, after a confirmation that says what happens and asks why. */
function RefundLineButton({ order, line }: { order: Order; line: Line }) {
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
        <form
          className="flex flex-col gap-4"
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
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onPress={() => setOpen(false)}>
              Keep the licence
            </Button>
            <Button type="submit" variant="primary" isPending={refund.isPending}>
              Refund {formatMoney(line.amount, order.currency)}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
