import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { DisputeEntity } from './dispute.entity';
import { DisputeRepository } from './dispute.repository';

describe('DisputeRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let disputes: DisputeRepository;
  let orderId: string;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([DisputeEntity]);
    disputes = new DisputeRepository(bed.dataSource);
    const buyer = (await bed.seed.user()).id;
    orderId = await bed.seed.order({ buyerId: buyer, sellerId: (await bed.seed.user()).id });
  });
  afterAll(() => bed.close());

  const dispute = (id: string): DisputeEntity => ({
    id,
    orderId,
    amount: 1000,
    reason: 'fraudulent',
    status: 'OPEN',
    openedAt: new Date(),
    closedAt: null,
  });

  it('records a dispute once per provider id (a redelivered event records nothing)', async () => {
    expect(await bed.dataSource.transaction((m) => disputes.insertIfNew(m, dispute('dp_1')))).toBe(true);
    expect(await bed.dataSource.transaction((m) => disputes.insertIfNew(m, { ...dispute('dp_1'), amount: 5 }))).toBe(
      false,
    );
    expect(await disputes.byId('dp_1')).toMatchObject({ amount: 1000, status: 'OPEN' });
  });

  it('closes a dispute with its outcome, under its row lock', async () => {
    await bed.dataSource.transaction((m) => disputes.insertIfNew(m, dispute('dp_2')));
    const closedAt = new Date('2026-04-01T00:00:00.000Z');
    await bed.dataSource.transaction(async (m) => {
      expect(await disputes.lock(m, 'dp_2')).toMatchObject({ status: 'OPEN' });
      await disputes.close(m, 'dp_2', 'LOST', closedAt);
    });
    expect(await disputes.byId('dp_2')).toMatchObject({ status: 'LOST', closedAt });
    expect(await bed.dataSource.transaction((m) => disputes.lock(m, 'dp_missing'))).toBeNull();
  });
});
