import { useSuspenseQuery } from '@tanstack/react-query';
import { Badge, Card, EmptyState, Money, RuledList, RuledListItem, SectionHeading, Text } from '@lookbook/web-ui';
import { formatDateTime, sentenceCase } from '../../../lib/format';
import { reviewQueueQuery } from '../api/queries';

export function ReviewQueueCard() {
  const queue = useSuspenseQuery(reviewQueueQuery());
  return (
    <Card>
      <SectionHeading>Money review queue</SectionHeading>
      {queue.data.moneyReviewQueue.length === 0 ? (
        <EmptyState title="Nothing needs a person right now" level={3}>
          Failed refunds, unrecovered reversals and stalled payment events land here.
        </EmptyState>
      ) : (
        <RuledList>
          {queue.data.moneyReviewQueue.map((item, i) => (
            <RuledListItem key={i} className="text-sm">
              <div>
                <Badge tone="warn">{sentenceCase(item.kind)}</Badge> <span className="ml-2">{item.detail}</span>
                <Text size="xs">
                  since {formatDateTime(item.since)}
                  {item.orderId ? ` · order ${item.orderId}` : ''}
                </Text>
              </div>
              {item.amount !== null && item.amount !== undefined && item.currency && (
                <Money amount={item.amount} currency={item.currency} weight="medium" />
              )}
            </RuledListItem>
          ))}
        </RuledList>
      )}
    </Card>
  );
}
