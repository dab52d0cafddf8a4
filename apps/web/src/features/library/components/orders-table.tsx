import type { UseMutationResult } from '@tanstack/react-query';
import type { LibraryOrdersQuery } from '../../../gql/graphql';
import {
  Badge,
  ButtonLink,
  ConfirmButton,
  Inline,
  Money,
  ScrollTable,
  Table,
  TableBody,
  TableHead,
  TableRow,
  Td,
  Text,
  TextLink,
  Th,
} from '@lookbook/web-ui';
import { errorMessage } from '../../../lib/api-error';
import { formatDate, formatMoney, sentenceCase } from '../../../lib/format';

type Order = LibraryOrdersQuery['myOrders']['nodes'][number];

/** Your orders, one a row: what was bought, when, for how much, its status, its receipt and a refund request. */
export function OrdersTable({
  orders: orderNodes,
  refund,
}: {
  orders: readonly Order[];
  refund: UseMutationResult<unknown, Error, { orderId: string; reason: string }>;
}) {
  return (
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
                      {formatMoney(o.amount, o.currency)} goes back to how you paid for {o.itemName}. What it licensed
                      ends when the refund goes through, and its certificates then verify as revoked.
                    </ConfirmButton>
                  )}
                </Inline>
              </Td>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollTable>
  );
}
