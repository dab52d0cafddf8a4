import { useMutation, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import {
  Badge,
  Button,
  Card,
  EmptyState,
  Money,
  Notice,
  PageHeader,
  RuledList,
  RuledListItem,
  Section,
  SectionHeading,
  Skeleton,
  Stack,
  Text,
} from '@lookbook/web-ui';
import { errorMessage } from '../../lib/api-error';
import { formatDate, sentenceCase } from '../../lib/format';
import { execute } from '../../lib/graphql-client';
import { useTitle } from '../../lib/use-title';
import { StartOnboarding } from './api/mutations';
import { earningsQuery } from './api/queries';
import { BalanceCard } from './components/balance-card';
import { SaleBreakdown } from './components/sale-breakdown';

// Recharts is the heaviest dependency: it loads with this page's chart only.
const SalesChart = lazy(() => import('./components/sales-chart'));

const route = getRouteApi('/earnings');
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
    <Stack gap={8}>
      <PageHeader title="Earnings" subtitle="Every sale, what each party received, and your payouts." />
      {onboarding === 'expired' && (
        <Notice tone="warn">That payout setup link expired. Start again for a fresh one.</Notice>
      )}
      {onboarding === 'return' && <Notice tone="good">Welcome back. Your payout account status is below.</Notice>}
      <Card className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <SectionHeading flush className="flex items-center gap-2">
            Payouts <Badge tone={account.payoutsEnabled ? 'good' : 'warn'}>{sentenceCase(account.status)}</Badge>
          </SectionHeading>
          <Text>{ACCOUNT_STATUS[account.status]}</Text>
          {account.requirementsDue.length > 0 && (
            <Text size="xs">Still needed: {account.requirementsDue.map(sentenceCase).join(', ')}</Text>
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
          <SectionHeading
            description={
              <>
                What you earned each day: your split of every sale, after the platform fee and any refunds —{' '}
                <Money amount={series.total} currency={series.currency} /> in all.
              </>
            }
          >
            Your share, last 90 days · {series.currency}
          </SectionHeading>
          <Suspense fallback={<Skeleton className="h-64 w-full" />}>
            <SalesChart series={series} />
          </Suspense>
        </Card>
      ))}
      <Section title="Sales" headingId="sales">
        {sales.length === 0 ? (
          <EmptyState title="No sales yet">Publish a version with a paid licence to start selling.</EmptyState>
        ) : (
          <Stack as="ul">
            {sales.map((sale) => (
              <SaleBreakdown key={sale.orderId} sale={sale} />
            ))}
          </Stack>
        )}
      </Section>
      <Section title="Payouts" headingId="payouts">
        {myPayouts.nodes.length === 0 ? (
          <Text>No payouts yet.</Text>
        ) : (
          <RuledList framed>
            {myPayouts.nodes.map((p) => (
              <RuledListItem key={p.id} className="text-sm">
                <Money amount={p.amount} currency={p.currency} weight="medium" />
                <Text as="span" size="inherit">
                  {formatDate(p.createdAt)}
                  {p.arrivalDate ? ` · arrives ${formatDate(p.arrivalDate)}` : ''}
                </Text>
                <Badge tone={p.status === 'PAID' ? 'good' : p.status === 'FAILED' ? 'bad' : 'neutral'}>
                  {sentenceCase(p.status)}
                </Badge>
              </RuledListItem>
            ))}
          </RuledList>
        )}
      </Section>
    </Stack>
  );
}
