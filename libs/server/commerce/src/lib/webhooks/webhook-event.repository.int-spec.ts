import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import type { ProviderEvent } from '../provider/payment-provider';
import { WebhookEventEntity } from './webhook-event.entity';
import { WebhookEventRepository } from './webhook-event.repository';

describe('WebhookEventRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let events: WebhookEventRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([WebhookEventEntity]);
    events = new WebhookEventRepository(bed.dataSource);
  });
  afterAll(() => bed.close());

  const event = (id: string, receivedAt = new Date()) => ({
    id,
    type: 'checkout.session.completed',
    account: null,
    payload: {
      id,
      type: 'checkout.session.completed',
      data: { object: { id: 'cs_1', name: 'Zoë 🎨' } },
    } as unknown as ProviderEvent,
    receivedAt,
  });

  it('stores an event once per id and gives back its payload exactly', async () => {
    expect(await bed.dataSource.transaction((m) => events.insertIfNew(m, event('evt_1')))).toBe(true);
    expect(await bed.dataSource.transaction((m) => events.insertIfNew(m, event('evt_1')))).toBe(false);
    expect(await events.byId('evt_1')).toMatchObject({
      type: 'checkout.session.completed',
      payload: event('evt_1').payload,
      processedAt: null,
    });
  });

  it('marks an event processed once, keeping the first outcome', async () => {
    await bed.dataSource.transaction((m) => events.insertIfNew(m, event('evt_2')));
    await events.markProcessed('evt_2', 'fulfilled', new Date());
    await events.markProcessed('evt_2', 'something else', new Date());
    expect(await events.byId('evt_2')).toMatchObject({ outcome: 'fulfilled' });
  });

  it('lists unprocessed events older than the cut-off', async () => {
    await bed.dataSource.transaction(async (m) => {
      await events.insertIfNew(m, event('evt_old', new Date(Date.now() - 3_600_000)));
      await events.insertIfNew(m, event('evt_new'));
    });
    const stalled = await events.stalledIds(new Date(Date.now() - 600_000));
    expect(stalled).toContain('evt_old');
    expect(stalled).not.toContain('evt_new');
    expect(stalled).not.toContain('evt_2');
  });
});
