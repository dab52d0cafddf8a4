import { domainErrorOf } from '@lookbook/testing';
import type { Posting } from './ledger.service';
import { accountCode, checkPosting } from './ledger.service';

const creator = '0190a5b0-0000-7000-8000-000000000001';
const sale = (entries: Posting['entries'], externalRef = 'order:1:paid'): Posting => ({
  externalRef,
  kind: 'SALE',
  description: 'test',
  entries,
});
const codeOf = (run: () => unknown) => domainErrorOf(run)?.code;

describe('ledger postings are checked before anything is written', () => {
  it('accepts a balanced sale and merges entries per account', () => {
    const merged = checkPosting(
      sale([
        { account: { purpose: 'PROVIDER_CLEARING', currency: 'EUR' }, amount: 1000 },
        { account: { purpose: 'PLATFORM_REVENUE', currency: 'EUR' }, amount: -100 },
        { account: { purpose: 'CREATOR_PAYABLE', ownerId: creator, currency: 'EUR' }, amount: -600 },
        { account: { purpose: 'CREATOR_PAYABLE', ownerId: creator, currency: 'EUR' }, amount: -300 },
      ]),
    );
    expect([...merged.values()].map((e) => [accountCode(e.account), e.amount])).toEqual([
      ['PROVIDER_CLEARING:EUR', 1000],
      ['PLATFORM_REVENUE:EUR', -100],
      [`CREATOR_PAYABLE:${creator}:EUR`, -900],
    ]);
  });

  it.each<[string, Posting, string]>([
    [
      'an unbalanced sale',
      sale([
        { account: { purpose: 'PROVIDER_CLEARING', currency: 'EUR' }, amount: 1000 },
        { account: { purpose: 'PLATFORM_REVENUE', currency: 'EUR' }, amount: -999 },
      ]),
      'UNBALANCED_TRANSACTION',
    ],
    [
      'balanced only across currencies',
      sale([
        { account: { purpose: 'PROVIDER_CLEARING', currency: 'EUR' }, amount: 1000 },
        { account: { purpose: 'PLATFORM_REVENUE', currency: 'USD' }, amount: -1000 },
      ]),
      'UNBALANCED_TRANSACTION',
    ],
    [
      'a single entry',
      sale([{ account: { purpose: 'PROVIDER_CLEARING', currency: 'EUR' }, amount: 0 }]),
      'TOO_FEW_ENTRIES',
    ],
    [
      'a zero amount',
      sale([
        { account: { purpose: 'PROVIDER_CLEARING', currency: 'EUR' }, amount: 0 },
        { account: { purpose: 'PLATFORM_REVENUE', currency: 'EUR' }, amount: 0 },
      ]),
      'INVALID_AMOUNT',
    ],
    [
      'a fractional amount',
      sale([
        { account: { purpose: 'PROVIDER_CLEARING', currency: 'EUR' }, amount: 0.5 },
        { account: { purpose: 'PLATFORM_REVENUE', currency: 'EUR' }, amount: -0.5 },
      ]),
      'INVALID_AMOUNT',
    ],
    [
      'an unsafe amount',
      sale([
        { account: { purpose: 'PROVIDER_CLEARING', currency: 'EUR' }, amount: 2 ** 53 },
        { account: { purpose: 'PLATFORM_REVENUE', currency: 'EUR' }, amount: -(2 ** 53) },
      ]),
      'INVALID_AMOUNT',
    ],
    [
      'a lowercase currency',
      sale([
        { account: { purpose: 'PROVIDER_CLEARING', currency: 'eur' }, amount: 1 },
        { account: { purpose: 'PLATFORM_REVENUE', currency: 'eur' }, amount: -1 },
      ]),
      'INVALID_CURRENCY',
    ],
    [
      'a creator account without its creator',
      sale([
        { account: { purpose: 'PROVIDER_CLEARING', currency: 'EUR' }, amount: 1 },
        { account: { purpose: 'CREATOR_PAYABLE', currency: 'EUR' }, amount: -1 },
      ]),
      'INVALID_ACCOUNT',
    ],
    [
      'a platform account with an owner',
      sale([
        { account: { purpose: 'PROVIDER_CLEARING', ownerId: creator, currency: 'EUR' }, amount: 1 },
        { account: { purpose: 'PLATFORM_REVENUE', currency: 'EUR' }, amount: -1 },
      ]),
      'INVALID_ACCOUNT',
    ],
    [
      'an empty reference',
      sale(
        [
          { account: { purpose: 'PROVIDER_CLEARING', currency: 'EUR' }, amount: 1 },
          { account: { purpose: 'PLATFORM_REVENUE', currency: 'EUR' }, amount: -1 },
        ],
        '',
      ),
      'INVALID_LEDGER_REFERENCE',
    ],
    [
      'a reference with spaces',
      sale(
        [
          { account: { purpose: 'PROVIDER_CLEARING', currency: 'EUR' }, amount: 1 },
          { account: { purpose: 'PLATFORM_REVENUE', currency: 'EUR' }, amount: -1 },
        ],
        'order 1',
      ),
      'INVALID_LEDGER_REFERENCE',
    ],
  ])('refuses %s', (_name, posting, code) => {
    expect(codeOf(() => checkPosting(posting))).toBe(code);
  });
});
