import { useMutation, useQueryClient, useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { Button, ButtonLink, EmptyState, Notice, PageHeader, Section, Stack } from '@lookbook/web-ui';
import { errorMessage } from '../../lib/api-error';
import { execute } from '../../lib/graphql-client';
import { useTitle } from '../../lib/use-title';
import { libraryKeys } from './api/keys';
import { RequestRefund } from './api/mutations';
import { licencesQuery, ordersQuery } from './api/queries';
import { LicenceCard } from './components/licence-card';
import { OrdersTable } from './components/orders-table';

/** What you own: licences with their certificates and downloads, and your orders with receipts and refunds. */
export function LibraryPage() {
  useTitle('Library');
  const client = useQueryClient();
  const licenses = useSuspenseInfiniteQuery(licencesQuery());
  const orders = useSuspenseInfiniteQuery(ordersQuery());
  const refund = useMutation({
    mutationFn: ({ orderId, reason }: { orderId: string; reason: string }) =>
      execute(RequestRefund, { orderId, note: reason.trim() || undefined }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: libraryKeys.orders() });
      await client.invalidateQueries({ queryKey: libraryKeys.licences() });
    },
  });
  const licenceNodes = licenses.data.pages.flatMap((p) => p.myLicenses.nodes);
  const orderNodes = orders.data.pages.flatMap((p) => p.myOrders.nodes);

  return (
    <Stack gap={8}>
      <PageHeader title="Library" subtitle="Your licences, their certificates and your orders." />
      <Section title="Licences" headingId="licences" gap={4}>
        {licenceNodes.length === 0 ? (
          <EmptyState title="You have no licences yet" action={<ButtonLink to="/browse">Browse models</ButtonLink>}>
            Licences you buy, claim for free or receive as gifts appear here with a certificate anyone can verify.
          </EmptyState>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2">
            {licenceNodes.map((l) => (
              <LicenceCard key={l.id} licence={l} />
            ))}
          </ul>
        )}
        {licenses.hasNextPage && (
          <Button
            variant="secondary"
            className="self-center"
            onPress={() => void licenses.fetchNextPage()}
            isPending={licenses.isFetchingNextPage}
          >
            Show more licences
          </Button>
        )}
      </Section>
      <Section title="Orders" headingId="orders" gap={4}>
        {refund.isError && <Notice tone="bad">{errorMessage(refund.error)}</Notice>}
        {refund.isSuccess && (
          <Notice tone="good">Refund requested. The licence ends when the refund goes through.</Notice>
        )}
        {orderNodes.length === 0 ? (
          <EmptyState title="No orders yet">Paid licences you buy show up here with their receipts.</EmptyState>
        ) : (
          <OrdersTable orders={orderNodes} refund={refund} />
        )}
      </Section>
    </Stack>
  );
}
