import { Clock, JobQueue, Transactions } from '@lookbook/core';
import { FakeClock, InlineTransactions, newTestService, TEST_MANAGER } from '@lookbook/testing';
import { CommerceTasks } from '../commerce.tasks';
import type { ProviderEvent } from '../provider/payment-provider';
import { WebhookEventRepository } from './webhook-event.repository';
import { WebhookInbox } from './webhook-inbox.service';

const NOW = new Date('2026-05-01T12:00:00.000Z');
const event = (over: Record<string, unknown> = {}) =>
  ({
    id: 'evt_1',
    type: 'checkout.session.completed',
    data: { object: { id: 'cs_1' } },
    ...over,
  }) as unknown as ProviderEvent;

function setUp(fresh: boolean) {
  const transactions = new InlineTransactions();
  const { sut, mock } = newTestService(WebhookInbox, [
    [Transactions, transactions],
    [Clock, new FakeClock(NOW)],
  ]);
  mock(WebhookEventRepository).insertIfNew.mockResolvedValue(fresh);
  mock(JobQueue).enqueue.mockResolvedValue('job');
  return { sut, events: mock(WebhookEventRepository), queue: mock(JobQueue), transactions };
}

describe('the webhook inbox', () => {
  it('stores a new event and queues its processing in one transaction', async () => {
    const { sut, events, queue, transactions } = setUp(true);
    await expect(sut.accept(event({ account: 'acct_9' }))).resolves.toBe(true);
    expect(events.insertIfNew).toHaveBeenCalledWith(TEST_MANAGER, {
      id: 'evt_1',
      type: 'checkout.session.completed',
      account: 'acct_9',
      payload: event({ account: 'acct_9' }),
      receivedAt: NOW,
    });
    expect(queue.enqueue).toHaveBeenCalledWith(TEST_MANAGER, CommerceTasks.processEvent, { eventId: 'evt_1' });
    expect(transactions.count).toBe(1);
  });

  it('queues nothing for a duplicate delivery', async () => {
    const { sut, queue } = setUp(false);
    await expect(sut.accept(event())).resolves.toBe(false);
    expect(queue.enqueue).not.toHaveBeenCalled();
  });

  it('records a platform event with no account, and cleans what jsonb cannot hold', async () => {
    const { sut, events } = setUp(true);
    await sut.accept(event({ data: { object: { name: 'Ada\u0000 \ud800Lovelace' } } }));
    const [, row] = events.insertIfNew.mock.calls[0]!;
    expect(row.account).toBeNull();
    expect(JSON.stringify(row.payload)).not.toMatch(/\\u0000|\\ud800/);
  });

  it('marks an event processed with its outcome, at the time it happens', async () => {
    const { sut, events } = setUp(true);
    events.markProcessed.mockResolvedValue(undefined);
    await sut.markProcessed('evt_1', 'fulfilled');
    expect(events.markProcessed).toHaveBeenCalledWith('evt_1', 'fulfilled', NOW);
  });
});
