import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import {
  Badge,
  Card,
  Detail,
  ErrorState,
  LoadingState,
  Notice,
  PageHeader,
  Spinner,
  buttonStyles,
} from '@lookbook/web-ui';
import { graphql } from '../../gql';
import { errorMessage, isRetryable } from '../../lib/api-error';
import { formatDateTime, formatMoney, sentenceCase } from '../../lib/format';
import { execute } from '../../lib/graphql-client';
import { useTitle } from '../../lib/use-title';
import { TIER_LABELS } from '../catalog/licence-labels';

const OrderQuery = graphql(`
  query Order($id: UUID!) {
    order(id: $id) {
      id
      itemName
      tier
      status
      amount
      currency
      createdAt
      paidAt
      refundedAmount
      checkoutUrl
      lastPaymentError
      licenseId
      modelId
      subjectKind
      seller {
        handle
        displayName
      }
      refunds {
        id
        amount
        status
        reason
        createdAt
      }
    }
  }
`);

const route = getRouteApi('/orders/$id');

/**
 * Where checkout returns to: the receipt, and the licence as soon as the payment is confirmed (the page polls
 * while the order is pending — the webhook usually lands within a second or two).
 */
export function OrderPage() {
  const { id } = route.useParams();
  const { checkout } = route.useSearch();
  const order = useQuery({
    queryKey: ['order', id],
    queryFn: () => execute(OrderQuery, { id }),
    refetchInterval: (query) =>
      query.state.data?.order.status === 'PENDING' && checkout !== 'cancelled' ? 1500 : false,
  });
  useTitle(order.data ? `Order: ${order.data.order.itemName}` : 'Order');
  if (order.isPending) return <LoadingState />;
  if (order.isError)
    return (
      <ErrorState
        message={errorMessage(order.error)}
        onRetry={isRetryable(order.error) ? () => void order.refetch() : undefined}
      />
    );
  const o = order.data.order;
  const pending = o.status === 'PENDING';
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <PageHeader title={o.itemName} subtitle={`Order ${o.id}`} />
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
      {o.licenseId && (
        <Notice tone="good">
          <p className="font-medium" data-testid="order-licensed">
            Payment confirmed — your licence is ready.
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            {o.subjectKind === 'TEMPLATE' ? (
              <Link to="/templates/$id" params={{ id: o.modelId }} className={buttonStyles('primary', 'sm')}>
                Open the template
              </Link>
            ) : (
              <Link to="/models/$id" params={{ id: o.modelId }} className={buttonStyles('primary', 'sm')}>
                Download the files
              </Link>
            )}
            <Link to="/library" className={buttonStyles('secondary', 'sm')}>
              Certificate in your library
            </Link>
          </div>
        </Notice>
      )}
      <Card>
        <h2 className="mb-2 text-lg font-semibold">Receipt</h2>
        <dl>
          <Detail term="Status">
            <Badge tone={o.status === 'PAID' ? 'good' : pending ? 'warn' : 'neutral'}>{sentenceCase(o.status)}</Badge>
          </Detail>
          <Detail term="Licence">{TIER_LABELS[o.tier] ?? o.tier}</Detail>
          <Detail term="Sold by">{o.seller.displayName ?? o.seller.handle ?? 'Lookbook creator'}</Detail>
          <Detail term="Amount">{formatMoney(o.amount, o.currency)}</Detail>
          <Detail term="Ordered">{formatDateTime(o.createdAt)}</Detail>
          {o.paidAt && <Detail term="Paid">{formatDateTime(o.paidAt)}</Detail>}
          {o.refundedAmount > 0 && <Detail term="Refunded">{formatMoney(o.refundedAmount, o.currency)}</Detail>}
        </dl>
        {o.refunds.length > 0 && (
          <ul className="mt-3 text-sm">
            {o.refunds.map((r) => (
              <li key={r.id}>
                Refund of {formatMoney(r.amount, o.currency)} · {sentenceCase(r.reason)} · {sentenceCase(r.status)} ·{' '}
                {formatDateTime(r.createdAt)}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
