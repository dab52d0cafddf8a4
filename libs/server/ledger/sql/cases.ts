import type { SqlCaseFile, SqlWorld } from '@lookbook/testing';

/** A sale: the provider's clearing account pays the platform's fee and the creator's share. */
const sale = (w: SqlWorld, externalRef: string) => ({
  externalRef,
  kind: 'SALE',
  description: 'SQL snapshot sale',
  entries: [
    { account: { purpose: 'PROVIDER_CLEARING', currency: 'USD' }, amount: 1000 },
    { account: { purpose: 'PLATFORM_REVENUE', currency: 'USD' }, amount: -100 },
    { account: { purpose: 'CREATOR_PAYABLE', ownerId: w.creator, currency: 'USD' }, amount: -900 },
  ],
});

const creatorPayable = (w: SqlWorld) => ({ purpose: 'CREATOR_PAYABLE', ownerId: w.creator, currency: 'USD' });

/** The ledger's SQL (its store is `LedgerService`). See docs/architecture/sql-snapshots.md. */
export default {
  classes: {
    LedgerService: {
      // First, so the accounts exist and `post` below can replay this reference.
      postNow: (w) => [sale(w, 'sql-snapshot:posted')],
      post: [
        { name: 'a new reference', args: (w, tx) => [tx, sale(w, `sql-snapshot:${w.newId()}`)] },
        { name: 'a reference posted already', args: (w, tx) => [tx, sale(w, 'sql-snapshot:posted')] },
      ],
      balance: (w) => [creatorPayable(w)],
      lockBalance: (w, tx) => [tx, creatorPayable(w)],
      reconcile: () => [],
    },
  },
} satisfies SqlCaseFile;
