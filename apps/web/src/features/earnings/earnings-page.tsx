import { useMutation, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { Badge, Button, Card, EmptyState, Notice, PageHeader, Skeleton } from '@lookbook/web-ui';
import type { EarningsQuery } from '../../gql/graphql';
import { errorMessage } from '../../lib/api-error';
import { formatDate, formatDateTime, formatMoney, sentenceCase } from '../../lib/format';
import { execute } from '../../lib/graphql-client';
import { useTitle } from '../../lib/use-title';
import { StartOnboarding } from './api/mutations';
import { earningsQuery } from './api/queries';

// Recharts is the heaviest dependency: it loads with this page's chart only.
const SalesChart = lazy(() => import('./components/sales-chart'));

const route = getRouteApi('/earnings');
type Sale = EarningsQuery['mySales']['nodes'][number];

const ACCOUNT_STATUS: Record<string, string> = {
  NOT_STARTED: 'Set up payouts to receive your earnings.',
  ONBOARDING: 'Payout setup is not finished yet.',
  ACTIVE: 'Payouts are on: earnings transfer to your account after the hold period.',
  PAYOUT_FAILED: 'The last payout failed. Check your bank details with the payment provider.',
};

/** A creator's money: balances per currency, sales over time, every sale's breakdown, payouts and payout setup. */
export function EarningsPage() {
  useTitle('Earnings');
  const { onboarding } = route.useSearch();
  const earnings = useSuspenseQuery(earningsQuery());
  const start = useMutation({
    mutationFn: () => execute(StartOnboarding),
    onSuccess: ({ startPayoutOnboarding }) => window.location.assign(startPayoutOnboarding.url),
  });
  const { myEarnings, myEarningsByDay, myPayoutAccount: account, mySales, myPayouts } = earnings.data;
  const sales = mySales.nodes;

  return (
    <div className="flex flex-col gap-8">
      <PageHeader title="Earnings" subtitle="Every sale, what each party received, and your payouts." />
      {onboarding === 'expired' && (
        <Notice tone="warn">That payout setup link expired. Start again for a fresh one.</Notice>
      )}
      {onboarding === 'return' && <Notice tone="good">Welcome back. Your payout account status is below.</Notice>}
      <Card className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h2 className="flex items-center gap-2 text-lg font-semibold">
            Payouts <Badge tone={account.payoutsEnabled ? 'good' : 'warn'}>{sentenceCase(account.status)}</Badge>
          </h2>
          <p className="text-sm text-muted">{ACCOUNT_STATUS[account.status]}</p>
          {account.requirementsDue.length > 0 && (
            <p className="text-xs text-muted">Still needed: {account.requirementsDue.map(sentenceCase).join(', ')}</p>
          )}
        </div>
        {!(account.payoutsEnabled && !account.requirementsDue.length) && (
          <Button onPress={() => start.mutate()} isPending={start.isPending}>
            {account.status === 'NOT_STARTED' ? 'Set up payouts' : 'Continue payout setup'}
          </Button>
        )}
        {start.isError && <Notice tone="bad">{errorMessage(start.error)}</Notice>}
      </Card>
      {myEarnings.length === 0 ? (
        <EmptyState title="No earnings yet">
          When someone buys one of your licences, the sale and your share appear here.
        </EmptyState>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {myEarnings.flatMap((b) => [
            <BalanceCard
              key={`${b.currency}-available`}
              label={`Available · ${b.currency}`}
              amount={b.available}
              currency={b.currency}
            />,
            <BalanceCard
              key={`${b.currency}-pending`}
              label={`Pending · ${b.currency}`}
              amount={b.pending}
              currency={b.currency}
            />,
            <BalanceCard
              key={`${b.currency}-paid`}
              label={`Paid out · ${b.currency}`}
              amount={b.paidOut}
              currency={b.currency}
            />,
            <BalanceCard
              key={`${b.currency}-life`}
              label={`Lifetime · ${b.currency}`}
              amount={b.lifetimeEarnings}
              currency={b.currency}
            />,
          ])}
        </div>
      )}
      {myEarningsByDay.map((series) => (
        <Card key={series.currency}>
          <h2 className="text-lg font-semibold">Your share, last 90 days · {series.currency}</h2>
          <p className="mb-4 text-sm text-muted">
            What you earned each day: your split of every sale, after the platform fee and any refunds —{' '}
            {formatMoney(series.total, series.currency)} in all.
          </p>
          <Suspense fallback={<Skeleton className="h-64 w-full" />}>
            <SalesChart series={series} />
          </Suspense>
        </Card>
      ))}
      <section aria-labelledby="sales" className="flex flex-col gap-3">
        <h2 id="sales" className="text-lg font-semibold">
          Sales
        </h2>
        {sales.length === 0 ? (
          <EmptyState title="No sales yet">Publish a version with a paid licence to start selling.</EmptyState>
        ) : (
          <ul className="flex flex-col gap-3">
            {sales.map((sale) => (
              <SaleBreakdown key={sale.orderId} sale={sale} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="payouts" className="flex flex-col gap-3">
        <h2 id="payouts" className="text-lg font-semibold">
          Payouts
        </h2>
        {myPayouts.nodes.length === 0 ? (
          <p className="text-sm text-muted">No payouts yet.</p>
        ) : (
          <ul className="divide-y divide-line rounded-card border border-line bg-surface">
            {myPayouts.nodes.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 p-4 text-sm">
                <span className="font-medium">{formatMoney(p.amount, p.currency)}</span>
                <span className="text-muted">
                  {formatDate(p.createdAt)}
                  {p.arrivalDate ? ` · arrives ${formatDate(p.arrivalDate)}` : ''}
                </span>
                <Badge tone={p.status === 'PAID' ? 'good' : p.status === 'FAILED' ? 'bad' : 'neutral'}>
                  {sentenceCase(p.status)}
                </Badge>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function BalanceCard({ label, amount, currency }: { label: string; amount: number; currency: string }) {
  return (
    <Card className="flex flex-col gap-1">
      <p className="text-xs font-medium tracking-wide text-muted uppercase">{label}</p>
      <p className="text-2xl font-semibold tabular-nums" data-testid="balance">
        {formatMoney(amount, currency)}
      </p>
    </Card>
  );
}

const ROLE_LABELS: Record<string, string> = { SELLER: 'Seller', IP_OWNER: 'IP owner', REMIX_PARENT: 'Remix parent' };

/** price → platform fee → processor fee → each split → its transfer, with refunds and reversals. */
function SaleBreakdown({ sale }: { sale: Sale }) {
  const money = (amount: number) => formatMoney(amount, sale.currency);
  return (
    <li className="rounded-card border border-line bg-surface p-4" data-testid="sale">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <p className="font-medium">{sale.itemName}</p>
          <p className="text-xs text-muted">
            {formatDateTime(sale.paidAt)} · order {sale.orderId.slice(0, 8)}
          </p>
        </div>
        <div className="flex items-center gap-2">
          <span className="text-sm">
            Your share <strong data-testid="sale-your-share">{money(sale.yourShare)}</strong>
          </span>
          <Badge tone={sale.status === 'PAID' ? 'good' : 'warn'}>{sentenceCase(sale.status)}</Badge>
        </div>
      </div>
      <table className="mt-3 w-full text-sm">
        <caption className="sr-only">How the price of this sale was split</caption>
        <tbody className="tabular-nums">
          <tr>
            <th scope="row" className="py-1 text-left font-normal text-muted">
              Price
            </th>
            <td className="py-1 text-right">{money(sale.price)}</td>
          </tr>
          <tr>
            <th scope="row" className="py-1 text-left font-normal text-muted">
              Platform fee ({(sale.platformFeeBps / 100).toFixed(1)}%)
            </th>
            <td className="py-1 text-right">−{money(sale.platformFee)}</td>
          </tr>
          {sale.processorFee !== null && sale.processorFee !== undefined && (
            <tr>
              <th scope="row" className="py-1 text-left font-normal text-muted">
                Processor fee (paid by Lookbook)
              </th>
              <td className="py-1 text-right text-muted">{money(sale.processorFee)}</td>
            </tr>
          )}
          {sale.splits.map((split) => (
            <tr
              key={`${split.role}-${split.recipient.handle}`}
              className="border-t border-line"
              data-testid="sale-split"
            >
              <th scope="row" className="py-1 text-left font-normal">
                {ROLE_LABELS[split.role]} {split.recipient.displayName ?? split.recipient.handle} (
                {(split.shareBps / 100).toFixed(2)}%)
                <span className="block text-xs text-muted">
                  Transfer: {sentenceCase(split.transferStatus)}
                  {split.transferStatus === 'SCHEDULED' ? ` from ${formatDate(split.transferableAt)}` : ''}
                  {split.reversedAmount > 0 ? ` · reversed ${money(split.reversedAmount)}` : ''}
                  {split.clawedBack > 0 ? ` · clawed back ${money(split.clawedBack)}` : ''}
                </span>
              </th>
              <td className="py-1 text-right font-medium">{money(split.amount)}</td>
            </tr>
          ))}
          {sale.refundedAmount > 0 && (
            <tr className="border-t border-line">
              <th scope="row" className="py-1 text-left font-normal text-bad">
                Refunded to the buyer
              </th>
              <td className="py-1 text-right text-bad">{money(sale.refundedAmount)}</td>
            </tr>
          )}
        </tbody>
      </table>
    </li>
  );
}
