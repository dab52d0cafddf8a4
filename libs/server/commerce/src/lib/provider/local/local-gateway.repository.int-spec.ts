import { JobQueue } from '@lookbook/core';
import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed, FakeClock } from '@lookbook/testing';
import { LocalGatewayRepository } from './local-gateway.repository';

describe('LocalGatewayRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let books: LocalGatewayRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([]);
    books = new LocalGatewayRepository(bed.dataSource, new JobQueue(bed.dataSource), new FakeClock());
  });
  afterAll(() => bed.close());

  it('runs a creating request once per idempotency key and account, like Stripe', async () => {
    let created = 0;
    const create = () =>
      books.idempotent('key-1', undefined, (m) => {
        created += 1;
        return books.put(m, { id: `acct_${created}`, object: 'account' });
      });
    const [a, b] = await Promise.all([create(), create()]);
    expect(a).toEqual(b);
    expect(created).toBe(1);
    const other = await books.idempotent('key-1', 'acct_x', (m) => books.put(m, { id: 'po_other', object: 'payout' }));
    expect(other.id).toBe('po_other'); // the same key on another account is another request
  });

  it('refuses an object of another type as missing', async () => {
    await bed.dataSource.transaction((m) => books.put(m, { id: 'ch_1', object: 'charge', amount: 1000 }));
    await expect(books.require(undefined, 'ch_1', 'charge')).resolves.toMatchObject({ amount: 1000 });
    await expect(books.require(undefined, 'ch_1', 'transfer')).rejects.toMatchObject({ code: 'resource_missing' });
  });

  it('keeps balances that never go below zero (except the platform’s) and sums transfers per charge', async () => {
    await bed.dataSource.transaction(async (m) => {
      await books.adjust(m, 'acct_c', 'eur', 500);
      await books.adjust(m, 'platform', 'eur', -300, true);
    });
    await expect(bed.dataSource.transaction((m) => books.adjust(m, 'acct_c', 'eur', -501))).rejects.toMatchObject({
      code: 'balance_insufficient',
    });
    expect(await books.balance('acct_c', 'eur')).toBe(500);
    expect(await books.currenciesOf('acct_c')).toEqual(['eur']);
    await bed.dataSource.transaction(async (m) => {
      await books.put(m, { id: 'tr_1', object: 'transfer', amount: 300, source_transaction: 'ch_9' });
      await books.put(m, { id: 'tr_2', object: 'transfer', amount: 250, source_transaction: 'ch_9' });
    });
    expect(await bed.dataSource.transaction((m) => books.transferredFrom(m, 'ch_9'))).toBe(550);
  });

  it('records an event and queues its delivery in the same transaction', async () => {
    await bed.dataSource.transaction((m) =>
      books.emit(m, 'account.updated', { id: 'acct_c', object: 'account' }, 'acct_c'),
    );
    const [event] = await books.find('event', { path: 'type', equals: 'account.updated' });
    expect(event).toMatchObject({ object: 'event', account: 'acct_c', data: { object: { id: 'acct_c' } } });
    const jobs = await bed.db.query<{ payload: { eventId: string } }>(
      `SELECT j.payload FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
        WHERE t.identifier = 'local-gateway.deliver-event'`,
    );
    expect(jobs.map((j) => j.payload.eventId)).toEqual([event!.id]);
  });
});
