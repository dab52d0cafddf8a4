import { useMutation, useQueryClient, useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import {
  Badge,
  Button,
  Card,
  ConfirmButton,
  CopyButton,
  EmptyState,
  Notice,
  PageHeader,
  ScrollTable,
  buttonStyles,
} from '@lookbook/web-ui';
import { errorMessage } from '../../lib/api-error';
import { formatDate, formatMoney, sentenceCase } from '../../lib/format';
import { execute } from '../../lib/graphql-client';
import { TIER_LABELS } from '../../lib/licence-labels';
import { useTitle } from '../../lib/use-title';
import { libraryKeys } from './api/keys';
import { RequestRefund } from './api/mutations';
import { licencesQuery, ordersQuery } from './api/queries';

/** A verification link carries the certificate in its fragment, so opening it sends the certificate to no server. */
export const verificationLink = (certificate: string) => `${window.location.origin}/verify#${certificate}`;

function downloadCertificate(name: string, certificate: string) {
  const url = URL.createObjectURL(new Blob([certificate], { type: 'application/jose' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = `${name.replace(/[^\w.-]+/g, '-').slice(0, 60)}.licence.jws`;
  anchor.click();
  URL.revokeObjectURL(url);
}

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
    <div className="flex flex-col gap-8">
      <PageHeader title="Library" subtitle="Your licences, their certificates and your orders." />
      <section aria-labelledby="licences" className="flex flex-col gap-4">
        <h2 id="licences" className="text-lg font-semibold">
          Licences
        </h2>
        {licenceNodes.length === 0 ? (
          <EmptyState
            title="You have no licences yet"
            action={
              <Link to="/" className={buttonStyles('primary')}>
                Browse models
              </Link>
            }
          >
            Licences you buy, claim for free or receive as gifts appear here with a certificate anyone can verify.
          </EmptyState>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2">
            {licenceNodes.map((l) => (
              <Card key={l.id} as="li" className="flex flex-col gap-3">
                <div data-testid="licence" className="flex flex-col gap-3">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone="accent">{TIER_LABELS[l.tier] ?? l.tier}</Badge>
                    <Badge tone={l.status === 'ACTIVE' ? 'good' : 'bad'}>{sentenceCase(l.status)}</Badge>
                    {l.source && <Badge>{sentenceCase(l.source)}</Badge>}
                  </div>
                  <h3 className="font-semibold">
                    {l.subjectKind === 'TEMPLATE' ? (
                      <Link to="/templates/$id" params={{ id: l.subjectId }} className="hover:underline">
                        {l.resourceName}
                      </Link>
                    ) : (
                      <Link to="/models/$id" params={{ id: l.subjectId }} className="hover:underline">
                        {l.resourceName}
                      </Link>
                    )}
                  </h3>
                  <p className="text-xs text-muted">
                    Issued {formatDate(l.issuedAt)}
                    {l.priceAmount ? ` · paid ${formatMoney(l.priceAmount, l.priceCurrency ?? 'USD')}` : ''} · covers{' '}
                    {l.fileSha256s.length} file{l.fileSha256s.length === 1 ? '' : 's'}
                  </p>
                  {l.status === 'REVOKED' && (
                    <Notice tone="warn">
                      Revoked{l.revocationReason ? `: ${sentenceCase(l.revocationReason)}` : ''}.
                    </Notice>
                  )}
                  {/* A revoked licence no longer grants downloads: only what still works — its page, and verifying
                      the certificate (which now says revoked). */}
                  <div className="flex flex-wrap gap-2">
                    {l.status !== 'ACTIVE' ? (
                      <Link
                        to={l.subjectKind === 'TEMPLATE' ? '/templates/$id' : '/models/$id'}
                        params={{ id: l.subjectId }}
                        className={buttonStyles('secondary', 'sm')}
                      >
                        View {l.subjectKind === 'TEMPLATE' ? 'template' : 'model'}
                      </Link>
                    ) : l.subjectKind === 'TEMPLATE' ? (
                      <Link to="/templates/$id" params={{ id: l.subjectId }} className={buttonStyles('primary', 'sm')}>
                        Template
                      </Link>
                    ) : (
                      <Link to="/models/$id" params={{ id: l.subjectId }} className={buttonStyles('primary', 'sm')}>
                        Downloads
                      </Link>
                    )}
                    {l.certificate && (
                      <>
                        {l.status === 'ACTIVE' && (
                          <>
                            <Button
                              variant="secondary"
                              size="sm"
                              onPress={() => downloadCertificate(l.resourceName, l.certificate!)}
                            >
                              Download certificate
                            </Button>
                            <CopyButton value={verificationLink(l.certificate)} label="Copy verification link" />
                          </>
                        )}
                        <a
                          href={`/verify#${l.certificate}`}
                          className={buttonStyles('quiet', 'sm')}
                          data-testid="verify-link"
                        >
                          Verify
                        </a>
                      </>
                    )}
                  </div>
                </div>
              </Card>
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
      </section>
      <section aria-labelledby="orders" className="flex flex-col gap-4">
        <h2 id="orders" className="text-lg font-semibold">
          Orders
        </h2>
        {refund.isError && <Notice tone="bad">{errorMessage(refund.error)}</Notice>}
        {refund.isSuccess && (
          <Notice tone="good">Refund requested. The licence ends when the refund goes through.</Notice>
        )}
        {orderNodes.length === 0 ? (
          <EmptyState title="No orders yet">Paid licences you buy show up here with their receipts.</EmptyState>
        ) : (
          <ScrollTable label="Your orders">
            <table className="w-full min-w-[36rem] text-sm">
              <thead className="bg-raised text-left text-muted">
                <tr>
                  <th scope="col" className="p-3 font-medium">
                    Item
                  </th>
                  <th scope="col" className="p-3 font-medium">
                    Date
                  </th>
                  <th scope="col" className="p-3 font-medium">
                    Amount
                  </th>
                  <th scope="col" className="p-3 font-medium">
                    Status
                  </th>
                  <th scope="col" className="p-3 font-medium">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {orderNodes.map((o) => (
                  <tr key={o.id} className="border-t border-line" data-testid="order-row">
                    <td className="p-3">
                      <Link to="/orders/$id" params={{ id: o.id }} className="font-medium hover:underline">
                        {o.lines.length > 1 ? `${o.lines.length} licences` : o.itemName}
                      </Link>
                      {o.lines.length > 1 && (
                        <ul className="mt-1 text-xs text-muted" data-testid="order-row-lines">
                          {o.lines.map((line) => (
                            <li key={line.id} className="[overflow-wrap:anywhere]">
                              {line.itemName}
                              {line.status !== o.status && ` · ${sentenceCase(line.status)}`}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td className="p-3 whitespace-nowrap text-muted">{formatDate(o.paidAt ?? o.createdAt)}</td>
                    <td className="p-3">
                      {formatMoney(o.amount, o.currency)}
                      {o.refundedAmount > 0 && (
                        <span className="block text-xs text-muted">
                          refunded {formatMoney(o.refundedAmount, o.currency)}
                        </span>
                      )}
                    </td>
                    <td className="p-3">
                      <Badge tone={o.status === 'PAID' ? 'good' : o.status === 'PENDING' ? 'warn' : 'neutral'}>
                        {sentenceCase(o.status)}
                      </Badge>
                    </td>
                    <td className="p-3 text-right">
                      <div className="flex justify-end gap-2">
                        <Link to="/orders/$id" params={{ id: o.id }} className={buttonStyles('secondary', 'sm')}>
                          Receipt
                        </Link>
                        {o.status === 'PAID' && o.refundedAmount === 0 && (
                          <ConfirmButton
                            label="Request refund"
                            variant="quiet"
                            title="Refund this order?"
                            confirmLabel={`Refund ${formatMoney(o.amount, o.currency)}`}
                            reason={{ label: 'Why are you asking for a refund?', maxLength: 500 }}
                            onConfirm={(reason) => refund.mutateAsync({ orderId: o.id, reason })}
                            isPending={refund.isPending && refund.variables?.orderId === o.id}
                            error={refund.isError ? errorMessage(refund.error) : null}
                          >
                            {formatMoney(o.amount, o.currency)} goes back to how you paid for {o.itemName}. What it
                            licensed ends when the refund goes through, and its certificates then verify as revoked.
                          </ConfirmButton>
                        )}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
      </section>
    </div>
  );
}
