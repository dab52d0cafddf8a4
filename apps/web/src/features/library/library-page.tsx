import { useMutation, useQueryClient, useSuspenseInfiniteQuery } from '@tanstack/react-query';
import {
  Badge,
  Button,
  ButtonAnchor,
  ButtonLink,
  Card,
  ConfirmButton,
  CopyButton,
  EmptyState,
  Inline,
  Money,
  Notice,
  PageHeader,
  ScrollTable,
  Section,
  Stack,
  Table,
  TableBody,
  TableHead,
  TableRow,
  Td,
  Text,
  TextLink,
  Th,
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
    <Stack gap={8}>
      <PageHeader title="Library" subtitle="Your licences, their certificates and your orders." />
      <Section title="Licences" headingId="licences" gap={4}>
        {licenceNodes.length === 0 ? (
          <EmptyState title="You have no licences yet" action={<ButtonLink to="/">Browse models</ButtonLink>}>
            Licences you buy, claim for free or receive as gifts appear here with a certificate anyone can verify.
          </EmptyState>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2">
            {licenceNodes.map((l) => (
              <Card key={l.id} as="li" className="flex flex-col gap-3">
                <Stack data-testid="licence">
                  <Inline>
                    <Badge tone="accent">{TIER_LABELS[l.tier] ?? l.tier}</Badge>
                    <Badge tone={l.status === 'ACTIVE' ? 'good' : 'bad'}>{sentenceCase(l.status)}</Badge>
                    {l.source && <Badge>{sentenceCase(l.source)}</Badge>}
                  </Inline>
                  <h3 className="font-semibold">
                    {l.subjectKind === 'TEMPLATE' ? (
                      <TextLink to="/templates/$id" params={{ id: l.subjectId }} variant="quiet">
                        {l.resourceName}
                      </TextLink>
                    ) : (
                      <TextLink to="/models/$id" params={{ id: l.subjectId }} variant="quiet">
                        {l.resourceName}
                      </TextLink>
                    )}
                  </h3>
                  <Text size="xs">
                    Issued {formatDate(l.issuedAt)}
                    {l.priceAmount ? ` · paid ${formatMoney(l.priceAmount, l.priceCurrency ?? 'USD')}` : ''} · covers{' '}
                    {l.fileSha256s.length} file{l.fileSha256s.length === 1 ? '' : 's'}
                  </Text>
                  {l.status === 'REVOKED' && (
                    <Notice tone="warn">
                      Revoked{l.revocationReason ? `: ${sentenceCase(l.revocationReason)}` : ''}.
                    </Notice>
                  )}
                  {/* A revoked licence no longer grants downloads: only what still works — its page, and verifying
                      the certificate (which now says revoked). */}
                  <Stack direction="row" gap={2}>
                    {l.status !== 'ACTIVE' ? (
                      <ButtonLink
                        to={l.subjectKind === 'TEMPLATE' ? '/templates/$id' : '/models/$id'}
                        params={{ id: l.subjectId }}
                        variant="secondary"
                        size="sm"
                      >
                        View {l.subjectKind === 'TEMPLATE' ? 'template' : 'model'}
                      </ButtonLink>
                    ) : l.subjectKind === 'TEMPLATE' ? (
                      <ButtonLink to="/templates/$id" params={{ id: l.subjectId }} size="sm">
                        Template
                      </ButtonLink>
                    ) : (
                      <ButtonLink to="/models/$id" params={{ id: l.subjectId }} size="sm">
                        Downloads
                      </ButtonLink>
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
                        <ButtonAnchor
                          href={`/verify#${l.certificate}`}
                          variant="quiet"
                          size="sm"
                          data-testid="verify-link"
                        >
                          Verify
                        </ButtonAnchor>
                      </>
                    )}
                  </Stack>
                </Stack>
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
      </Section>
      <Section title="Orders" headingId="orders" gap={4}>
        {refund.isError && <Notice tone="bad">{errorMessage(refund.error)}</Notice>}
        {refund.isSuccess && (
          <Notice tone="good">Refund requested. The licence ends when the refund goes through.</Notice>
        )}
        {orderNodes.length === 0 ? (
          <EmptyState title="No orders yet">Paid licences you buy show up here with their receipts.</EmptyState>
        ) : (
          <ScrollTable label="Your orders">
            <Table caption="Your orders" captionHidden minWidth="36rem">
              <TableHead>
                <TableRow>
                  <Th>Item</Th>
                  <Th>Date</Th>
                  <Th>Amount</Th>
                  <Th>Status</Th>
                  <Th>
                    <span className="sr-only">Actions</span>
                  </Th>
                </TableRow>
              </TableHead>
              <TableBody>
                {orderNodes.map((o) => (
                  <TableRow key={o.id} data-testid="order-row">
                    <Td>
                      <TextLink to="/orders/$id" params={{ id: o.id }} variant="quiet" strong>
                        {o.lines.length > 1 ? `${o.lines.length} licences` : o.itemName}
                      </TextLink>
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
                    </Td>
                    <Td tone="muted" className="whitespace-nowrap">
                      {formatDate(o.paidAt ?? o.createdAt)}
                    </Td>
                    <Td>
                      <Money amount={o.amount} currency={o.currency} />
                      {o.refundedAmount > 0 && (
                        <Text as="span" size="xs" block>
                          refunded {formatMoney(o.refundedAmount, o.currency)}
                        </Text>
                      )}
                    </Td>
                    <Td>
                      <Badge tone={o.status === 'PAID' ? 'good' : o.status === 'PENDING' ? 'warn' : 'neutral'}>
                        {sentenceCase(o.status)}
                      </Badge>
                    </Td>
                    <Td align="end">
                      <Inline justify="end">
                        <ButtonLink to="/orders/$id" params={{ id: o.id }} variant="secondary" size="sm">
                          Receipt
                        </ButtonLink>
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
                      </Inline>
                    </Td>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollTable>
        )}
      </Section>
    </Stack>
  );
}
