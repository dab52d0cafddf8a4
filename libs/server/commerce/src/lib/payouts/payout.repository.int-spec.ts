import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { ConnectedAccountEntity } from './connected-account.entity';
import type { PayoutStatus } from './payout.entity';
import { PayoutEntity } from './payout.entity';
import { PayoutRepository } from './payout.repository';

describe('PayoutRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let payouts: PayoutRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([ConnectedAccountEntity, PayoutEntity]);
    payouts = new PayoutRepository(bed.dataSource);
  });
  afterAll(() => bed.close());

  it('keeps the first payout account of a creator when two onboardings race', async () => {
    const creator = (await bed.seed.user()).id;
    const at = new Date();
    await Promise.all([
      payouts.insertAccountIfMissing(creator, `acct_a_${creator}`, at),
      payouts.insertAccountIfMissing(creator, `acct_b_${creator}`, at),
    ]);
    const account = await payouts.account(creator);
    expect(account).toMatchObject({ creatorId: creator, payoutsEnabled: false, requirementsDue: [] });
    expect(await payouts.accountByProviderId(account!.providerAccountId)).toMatchObject({ creatorId: creator });
    await payouts.updateAccount(creator, { payoutsEnabled: true, requirementsDue: ['external_account'] });
    expect(
      await bed.dataSource.transaction((m) => payouts.lockAccountByProviderId(m, account!.providerAccountId)),
    ).toMatchObject({
      payoutsEnabled: true,
      requirementsDue: ['external_account'],
    });
  });

  it('records a payout as reported; once settled it only changes to FAILED (a failure after paid is real)', async () => {
    const creator = (await bed.seed.user()).id;
    const record = (status: PayoutStatus, failureCode: string | null = null) =>
      bed.dataSource.transaction((m) =>
        payouts.recordPayout(m, {
          id: `po_${creator}`,
          creatorId: creator,
          amount: 850,
          currency: 'eur',
          status,
          failureCode,
          arrivalDate: null,
          createdAt: new Date(),
          updatedAt: new Date(),
        }),
      );
    await record('IN_TRANSIT');
    await record('PAID');
    await record('IN_TRANSIT'); // a late, out-of-order event
    expect((await payouts.pageForCreator(creator, {}, (p) => p.status)).nodes).toEqual(['PAID']);
    await record('FAILED', 'account_closed');
    expect((await payouts.pageForCreator(creator, {}, (p) => p)).nodes).toEqual([
      expect.objectContaining({ status: 'FAILED', failureCode: 'account_closed', amount: 850 }),
    ]);
  });
});
