import type { AccountRef } from '@lookbook/ledger';

/** The ledger accounts commerce posts to, by what they mean. */
export const Books = {
  clearing: (currency: string): AccountRef => ({ purpose: 'PROVIDER_CLEARING', currency }),
  revenue: (currency: string): AccountRef => ({ purpose: 'PLATFORM_REVENUE', currency }),
  processorFees: (currency: string): AccountRef => ({ purpose: 'PROCESSOR_FEES', currency }),
  refunds: (currency: string): AccountRef => ({ purpose: 'REFUNDS', currency }),
  disputeLosses: (currency: string): AccountRef => ({ purpose: 'DISPUTE_LOSSES', currency }),
  /** What the platform owes a creator and has not transferred yet (a credit; a debit balance is the creator's debt). */
  payable: (creatorId: string, currency: string): AccountRef => ({
    purpose: 'CREATOR_PAYABLE',
    ownerId: creatorId,
    currency,
  }),
};

/** Drops zero entries (the ledger refuses them) so callers can list every party unconditionally. */
export const nonZero = <T extends { amount: number }>(entries: T[]): T[] => entries.filter((e) => e.amount !== 0);
