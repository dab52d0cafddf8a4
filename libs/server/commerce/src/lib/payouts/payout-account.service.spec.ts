import { APP_CONFIG, Clock, Transactions } from '@lookbook/core';
import { DomainError } from '@lookbook/kernel';
import { FakeClock, InlineTransactions, newTestService, TEST_MANAGER, testConfig } from '@lookbook/testing';
import type { AccountState } from '../provider/payment-provider';
import { PaymentProvider, ProviderUnavailableError } from '../provider/payment-provider';
import type { ConnectedAccountEntity } from './connected-account.entity';
import { PayoutAccountService } from './payout-account.service';
import type { PayoutRecord } from './payout-account.service';
import type { PayoutStatus } from './payout.entity';
import { PayoutRepository } from './payout.repository';
import { TransferScheduler } from './transfer-scheduler.service';

const now = new Date('2026-04-10T10:00:00.000Z');
const CREATOR = '00000000-0000-4000-8000-0000000000c1';
const BASE = 'https://lookbook.example';

const anAccount = (change: Partial<ConnectedAccountEntity> = {}): ConnectedAccountEntity => ({
  creatorId: CREATOR,
  providerAccountId: 'acct_1',
  chargesEnabled: false,
  payoutsEnabled: false,
  detailsSubmitted: false,
  requirementsDue: ['external_account'],
  payoutFailureCode: null,
  payoutFailedAt: null,
  createdAt: now,
  updatedAt: now,
  ...change,
});
const state = (change: Partial<AccountState> = {}): AccountState => ({
  id: 'acct_1',
  chargesEnabled: true,
  payoutsEnabled: true,
  detailsSubmitted: true,
  requirementsDue: [],
  ...change,
});

function setUp(stored: ConnectedAccountEntity | null = null) {
  const transactions = new InlineTransactions();
  const { sut, mock } = newTestService(PayoutAccountService, [
    [Transactions, transactions],
    [Clock, new FakeClock(now)],
    [APP_CONFIG, testConfig({ PUBLIC_URL: `${BASE}/` })],
  ]);
  const payouts = mock(PayoutRepository);
  let row = stored;
  payouts.account.mockImplementation(() => Promise.resolve(row));
  payouts.insertAccountIfMissing.mockImplementation((creatorId, providerAccountId) => {
    row ??= anAccount({ creatorId, providerAccountId });
    return Promise.resolve();
  });
  payouts.updateAccount.mockResolvedValue(undefined);
  payouts.recordPayout.mockResolvedValue(undefined);
  const provider = mock(PaymentProvider);
  provider.createConnectedAccount.mockResolvedValue(state({ id: 'acct_new', payoutsEnabled: false }));
  provider.createOnboardingLink.mockResolvedValue('https://connect.example/onboard/1');
  const scheduler = mock(TransferScheduler);
  return { sut, payouts, provider, scheduler, transactions };
}

const codeOf = (run: Promise<unknown>) =>
  run.then(
    () => 'ok',
    (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
  );

describe('onboarding a creator’s payout account', () => {
  it('creates the account the first time, with an idempotency key per creator, then links to onboarding', async () => {
    const { sut, payouts, provider } = setUp(null);
    const { url, account } = await sut.startOnboarding(CREATOR);
    expect(provider.createConnectedAccount).toHaveBeenCalledWith({ creatorId: CREATOR }, `connect:${CREATOR}`);
    expect(payouts.insertAccountIfMissing).toHaveBeenCalledWith(CREATOR, 'acct_new', now);
    expect(provider.createOnboardingLink).toHaveBeenCalledWith('acct_new', {
      refreshUrl: `${BASE}/earnings?onboarding=expired`,
      returnUrl: `${BASE}/earnings`,
    });
    expect(url).toBe('https://connect.example/onboard/1');
    expect(account.providerAccountId).toBe('acct_new');
  });

  it.each<[string, Partial<ConnectedAccountEntity>]>([
    ['an account that has not finished onboarding', {}],
    ['an account that pays out but owes new details', { payoutsEnabled: true, requirementsDue: ['individual.id'] }],
    ['an account whose payouts were switched off', { payoutsEnabled: false, requirementsDue: [] }],
  ])('gives %s a fresh link and creates nothing', async (_name, change) => {
    const { sut, payouts, provider } = setUp(anAccount(change));
    const { account } = await sut.startOnboarding(CREATOR);
    expect(account.providerAccountId).toBe('acct_1');
    expect(provider.createConnectedAccount).not.toHaveBeenCalled();
    expect(payouts.insertAccountIfMissing).not.toHaveBeenCalled();
    expect(provider.createOnboardingLink).toHaveBeenCalledWith('acct_1', expect.any(Object));
  });

  it('refuses an account that is set up already (PAYOUTS_ALREADY_ENABLED)', async () => {
    const { sut, provider } = setUp(anAccount({ payoutsEnabled: true, requirementsDue: [] }));
    expect(await codeOf(sut.startOnboarding(CREATOR))).toBe('PAYOUTS_ALREADY_ENABLED');
    expect(provider.createOnboardingLink).not.toHaveBeenCalled();
  });

  it.each<[string, string, string]>([
    ['/studio/payouts', `${BASE}/studio/payouts`, `${BASE}/studio/payouts?onboarding=expired`],
    ['/earnings?tab=payouts', `${BASE}/earnings?tab=payouts`, `${BASE}/earnings?tab=payouts&onboarding=expired`],
    ['/', `${BASE}/`, `${BASE}/?onboarding=expired`],
  ])('returns the creator to %s on this site', async (path, returnUrl, refreshUrl) => {
    const { sut, provider } = setUp(anAccount());
    await sut.startOnboarding(CREATOR, path);
    expect(provider.createOnboardingLink).toHaveBeenCalledWith('acct_1', { refreshUrl, returnUrl });
  });

  it.each([
    ['another site', 'https://evil.example/earnings'],
    ['a protocol-relative URL', '//evil.example/earnings'],
    ['a relative path', 'earnings'],
    ['an empty path', ''],
    ['a path with a space', '/earn ings'],
    ['a path with a fragment', '/earnings#x'],
    ['a backslash trick', '/\\evil.example'],
    ['a script URL', 'javascript:alert(1)'],
    ['a path over 200 characters', `/${'a'.repeat(200)}`],
  ])('refuses %s as a return path, before touching the provider', async (_name, path) => {
    const { sut, payouts, provider } = setUp(null);
    expect(await codeOf(sut.startOnboarding(CREATOR, path))).toBe('INVALID_RETURN_PATH');
    expect(payouts.account).not.toHaveBeenCalled();
    expect(provider.createConnectedAccount).not.toHaveBeenCalled();
    expect(payouts.insertAccountIfMissing).not.toHaveBeenCalled();
  });

  it('accepts a return path of exactly 200 characters', async () => {
    const { sut } = setUp(anAccount());
    expect(await codeOf(sut.startOnboarding(CREATOR, `/${'a'.repeat(199)}`))).toBe('ok');
  });

  it.each<[string, 'create' | 'link']>([
    ['creating the account', 'create'],
    ['making the link', 'link'],
  ])('answers PAYMENT_PROVIDER_UNAVAILABLE when the provider is down while %s', async (_name, step) => {
    const { sut, provider, payouts } = setUp(null);
    const down = new ProviderUnavailableError('timeout');
    if (step === 'create') provider.createConnectedAccount.mockRejectedValue(down);
    else provider.createOnboardingLink.mockRejectedValue(down);
    expect(await codeOf(sut.startOnboarding(CREATOR))).toBe('PAYMENT_PROVIDER_UNAVAILABLE');
    if (step === 'create') expect(payouts.insertAccountIfMissing).not.toHaveBeenCalled();
  });

  it('lets other provider errors through as they are', async () => {
    const { sut, provider } = setUp(anAccount());
    provider.createOnboardingLink.mockRejectedValue(new Error('invalid request'));
    await expect(sut.startOnboarding(CREATOR)).rejects.toThrow('invalid request');
  });
});

describe('account updates from the provider', () => {
  it('records the new capabilities and queues the money that waited, once payouts are enabled', async () => {
    const { sut, payouts, scheduler, transactions } = setUp();
    payouts.lockAccountByProviderId.mockResolvedValue(anAccount());
    scheduler.releaseWaiting.mockResolvedValue(3);
    const update = state({ requirementsDue: [] });
    await expect(sut.updated(update)).resolves.toBe('account active; 3 waiting transfer(s) queued');
    expect(payouts.lockAccountByProviderId).toHaveBeenCalledWith(TEST_MANAGER, 'acct_1');
    expect(payouts.updateAccount).toHaveBeenCalledWith(
      CREATOR,
      { chargesEnabled: true, payoutsEnabled: true, detailsSubmitted: true, requirementsDue: [], updatedAt: now },
      TEST_MANAGER,
    );
    expect(scheduler.releaseWaiting).toHaveBeenCalledWith(TEST_MANAGER, CREATOR);
    expect(transactions.count).toBe(1);
  });

  it.each<[string, Partial<AccountState>]>([
    ['payouts still disabled', { payoutsEnabled: false, requirementsDue: ['external_account'] }],
    ['payouts disabled after being enabled', { payoutsEnabled: false, chargesEnabled: false }],
  ])('records the state but releases nothing with %s', async (_name, change) => {
    const { sut, payouts, scheduler } = setUp();
    payouts.lockAccountByProviderId.mockResolvedValue(anAccount({ payoutsEnabled: true }));
    await expect(sut.updated(state(change))).resolves.toBe('account cannot receive payouts');
    expect(payouts.updateAccount).toHaveBeenCalledWith(CREATOR, expect.objectContaining(change), TEST_MANAGER);
    expect(scheduler.releaseWaiting).not.toHaveBeenCalled();
  });

  it('fails (so the event is retried) for an account not recorded yet, and writes nothing', async () => {
    const { sut, payouts, scheduler } = setUp();
    payouts.lockAccountByProviderId.mockResolvedValue(null);
    await expect(sut.updated(state({ id: 'acct_unknown' }))).rejects.toThrow(/acct_unknown.*retry/);
    expect(payouts.updateAccount).not.toHaveBeenCalled();
    expect(scheduler.releaseWaiting).not.toHaveBeenCalled();
  });
});

describe('payouts to the creator’s bank', () => {
  const payout = (
    status: PayoutStatus,
    failureCode: string | null = null,
  ): Omit<PayoutRecord, 'creatorId' | 'createdAt'> => ({
    providerPayoutId: 'po_1',
    amount: 12_345,
    currency: 'eur',
    status,
    failureCode,
    arrivalDate: new Date('2026-04-12T00:00:00.000Z'),
  });

  it('records a payout for the account’s creator', async () => {
    const { sut, payouts } = setUp();
    payouts.accountByProviderId.mockResolvedValue(anAccount());
    await expect(sut.payout('acct_1', payout('IN_TRANSIT'))).resolves.toBe('payout in_transit');
    expect(payouts.accountByProviderId).toHaveBeenCalledWith('acct_1', TEST_MANAGER);
    expect(payouts.recordPayout).toHaveBeenCalledWith(TEST_MANAGER, {
      id: 'po_1',
      creatorId: CREATOR,
      amount: 12_345,
      currency: 'eur',
      status: 'IN_TRANSIT',
      failureCode: null,
      arrivalDate: new Date('2026-04-12T00:00:00.000Z'),
      createdAt: now,
      updatedAt: now,
    });
    expect(payouts.updateAccount).toHaveBeenCalledWith(CREATOR, { updatedAt: now }, TEST_MANAGER);
  });

  it.each<[string, PayoutStatus, string | null, Partial<ConnectedAccountEntity>]>([
    ['a failure flags the account with its code', 'FAILED', 'account_closed', { payoutFailureCode: 'account_closed' }],
    ['a failure without a code flags it as unknown', 'FAILED', null, { payoutFailureCode: 'unknown' }],
    ['a paid payout clears an earlier failure', 'PAID', null, { payoutFailureCode: null, payoutFailedAt: null }],
  ])('%s', async (_name, status, code, flag) => {
    const { sut, payouts } = setUp();
    payouts.accountByProviderId.mockResolvedValue(anAccount({ payoutFailureCode: 'old', payoutFailedAt: now }));
    await expect(sut.payout('acct_1', payout(status, code))).resolves.toBe(`payout ${status.toLowerCase()}`);
    const [creatorId, changes] = payouts.updateAccount.mock.calls[0]!;
    expect(creatorId).toBe(CREATOR);
    expect(changes).toMatchObject({ ...flag, updatedAt: now });
    if (status === 'FAILED') expect(changes.payoutFailedAt).toEqual(now);
  });

  it('leaves the account’s failure flag alone on a canceled payout', async () => {
    const { sut, payouts } = setUp();
    payouts.accountByProviderId.mockResolvedValue(anAccount({ payoutFailureCode: 'old' }));
    await sut.payout('acct_1', payout('CANCELED'));
    expect(payouts.updateAccount).toHaveBeenCalledWith(CREATOR, { updatedAt: now }, TEST_MANAGER);
  });

  it('ignores a payout of an account Lookbook does not know, writing nothing', async () => {
    const { sut, payouts } = setUp();
    payouts.accountByProviderId.mockResolvedValue(null);
    await expect(sut.payout('acct_other', payout('PAID'))).resolves.toBe('unknown account');
    expect(payouts.recordPayout).not.toHaveBeenCalled();
    expect(payouts.updateAccount).not.toHaveBeenCalled();
  });
});
