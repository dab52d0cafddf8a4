import { Badge, Inline, Money, Table, TableBody, TableRow, Td, Text, Th } from '@lookbook/web-ui';
import type { EarningsQuery } from '../../../gql/graphql';
import { formatDate, formatDateTime, formatMoney, sentenceCase } from '../../../lib/format';

export type Sale = EarningsQuery['mySales']['nodes'][number];

const ROLE_LABELS: Record<string, string> = { SELLER: 'Seller', IP_OWNER: 'IP owner', REMIX_PARENT: 'Remix parent' };

/** price → platform fee → processor fee → each split → its transfer, with refunds and reversals. */
export function SaleBreakdown({ sale }: { sale: Sale }) {
  const money = (amount: number) => formatMoney(amount, sale.currency);
  return (
    <li className="rounded-card border border-line bg-surface p-4" data-testid="sale">
      <Inline justify="between">
        <div>
          <p className="font-medium">{sale.itemName}</p>
          <Text size="xs">
            {formatDateTime(sale.paidAt)} · order {sale.orderId.slice(0, 8)}
          </Text>
        </div>
        <Inline>
          <span className="text-sm">
            Your share{' '}
            <strong>
              <Money amount={sale.yourShare} currency={sale.currency} data-testid="sale-your-share" />
            </strong>
          </span>
          <Badge tone={sale.status === 'PAID' ? 'good' : 'warn'}>{sentenceCase(sale.status)}</Badge>
        </Inline>
      </Inline>
      <Table caption="How the price of this sale was split" captionHidden density="compact" className="mt-3">
        <TableBody numeric>
          <TableRow divider={false}>
            <Th>Price</Th>
            <Td align="end">
              <Money amount={sale.price} currency={sale.currency} />
            </Td>
          </TableRow>
          <TableRow divider={false}>
            <Th>Platform fee ({(sale.platformFeeBps / 100).toFixed(1)}%)</Th>
            <Td align="end">
              −<Money amount={sale.platformFee} currency={sale.currency} />
            </Td>
          </TableRow>
          {sale.processorFee !== null && sale.processorFee !== undefined && (
            <TableRow divider={false}>
              <Th>Processor fee (paid by Lookbook)</Th>
              <Td align="end" tone="muted">
                <Money amount={sale.processorFee} currency={sale.currency} />
              </Td>
            </TableRow>
          )}
          {sale.splits.map((split) => (
            <TableRow key={`${split.role}-${split.recipient.handle}`} data-testid="sale-split">
              <Th tone="inherit">
                {ROLE_LABELS[split.role]} {split.recipient.displayName ?? split.recipient.handle} (
                {(split.shareBps / 100).toFixed(2)}%)
                <Text as="span" size="xs" block>
                  Transfer: {sentenceCase(split.transferStatus)}
                  {split.transferStatus === 'SCHEDULED' ? ` from ${formatDate(split.transferableAt)}` : ''}
                  {split.reversedAmount > 0 ? ` · reversed ${money(split.reversedAmount)}` : ''}
                  {split.clawedBack > 0 ? ` · clawed back ${money(split.clawedBack)}` : ''}
                </Text>
              </Th>
              <Td align="end" strong>
                <Money amount={split.amount} currency={sale.currency} />
              </Td>
            </TableRow>
          ))}
          {sale.refundedAmount > 0 && (
            <TableRow>
              <Th tone="bad">Refunded to the buyer</Th>
              <Td align="end" tone="bad">
                <Money amount={sale.refundedAmount} currency={sale.currency} />
              </Td>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </li>
  );
}
