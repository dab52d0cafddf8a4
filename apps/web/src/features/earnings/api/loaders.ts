import type { QueryClient } from '@tanstack/react-query';
import { earningsQuery } from './queries';

/** Earnings: balances, sales, payouts and the payout account, in one request. */
export async function loadEarnings(client: QueryClient): Promise<void> {
  await client.ensureQueryData(earningsQuery());
}
