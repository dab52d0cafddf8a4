import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import {
  Badge,
  ButtonLink,
  Card,
  Detail,
  Inline,
  Money,
  Notice,
  PageHeader,
  RuledList,
  SectionHeading,
  Spinner,
  Stack,
  Text,
  TextAnchor,
} from '@lookbook/web-ui';
import { formatDateTime, formatMoney, sentenceCase } from '../../lib/format';
import { useTitle } from '../../lib/use-title';
import { orderQuery } from './api/queries';
import { OrderLineRow, STATUS_TONE } from './components/order-line-row';

const route = getRouteApi('/orders/$id');

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
    <Stack gap={6} className="mx-auto max-w-2xl">
      <PageHeader title={several ? `${o.lines.length} licences` : o.itemName} subtitle={`Order ${o.id}`} />
      {checkout === 'cancelled' && pending && (
        <Notice tone="warn">
          Checkout was cancelled and nothing was charged.{' '}
          {o.checkoutUrl && (
            <TextAnchor href={o.checkoutUrl} variant="plain" strong>
              Return to checkout
            </TextAnchor>
          )}
        </Notice>
      )}
      {pending && checkout !== 'cancelled' && (
        <Notice>
          <Inline as="span" data-testid="order-waiting">
            <Spinner label="Waiting for the payment confirmation" /> Waiting for the payment to be confirmed…
          </Inline>
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
          <Inline className="mt-2">
            <ButtonLink to="/library" variant="secondary" size="sm">
              Certificates in your library
            </ButtonLink>
          </Inline>
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
        <SectionHeading>{several ? 'What you bought' : 'Licence'}</SectionHeading>
        <RuledList aria-label="Licences in this order">
          {o.lines.map((line) => (
            <OrderLineRow key={line.id} order={o} line={line} />
          ))}
        </RuledList>
      </Card>
      <Card>
        <SectionHeading>Receipt</SectionHeading>
        <dl>
          <Detail term="Status">
            <Badge tone={STATUS_TONE[o.status] ?? 'neutral'}>{sentenceCase(o.status)}</Badge>
          </Detail>
          <Detail term={several ? 'Total' : 'Amount'}>
            <Money amount={o.amount} currency={o.currency} data-testid="order-total" />
            {several && (
              <Text as="span" size="inherit">
                {' '}
                · one payment for {o.lines.length} licences
              </Text>
            )}
          </Detail>
          <Detail term="Ordered">{formatDateTime(o.createdAt)}</Detail>
          {o.paidAt && <Detail term="Paid">{formatDateTime(o.paidAt)}</Detail>}
          {o.refundedAmount > 0 && (
            <Detail term="Refunded">
              <Money amount={o.refundedAmount} currency={o.currency} />
            </Detail>
          )}
        </dl>
        {o.refunds.length > 0 && (
          <Stack as="ul" gap={1} className="mt-3 text-sm" aria-label="Refunds">
            {o.refunds.map((r) => (
              <li key={r.id} data-testid="order-refund">
                Refund of {formatMoney(r.amount, o.currency)}
                {several &&
                  ` for ${r.lines
                    .map((rl) => o.lines.find((l) => l.id === rl.lineId)?.itemName ?? 'a licence')
                    .join(', ')}`}{' '}
                · {sentenceCase(r.reason)} · {sentenceCase(r.status)} · {formatDateTime(r.createdAt)}
                {r.note && (
                  <Text as="span" size="inherit" block className="[overflow-wrap:anywhere]">
                    “{r.note}”
                  </Text>
                )}
              </li>
            ))}
          </Stack>
        )}
      </Card>
    </Stack>
  );
}
