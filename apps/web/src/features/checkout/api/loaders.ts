import type { QueryClient } from '@tanstack/react-query';
import { orderQuery } from './queries';

/** An order's receipt (the page then polls it while a payment or refund is pending). */
export async function loadOrder(client: QueryClient, id: string): Promise<void> {
  await client.ensureQueryData(orderQuery(id));
}
