import type { SqlCaseFile } from '@lookbook/testing';

const identity = (row: unknown) => row;

/** Licensing's SQL: offers and licences (table `licensing.grant`). See docs/architecture/sql-snapshots.md. */
export default {
  classes: {
    OfferRepository: {
      byId: (w, tx) => [w.offer, tx],
      liveOf: (w, tx) => [w.version, tx],
      liveOfVersions: (w) => [[w.version, w.parentVersion]],
      liveWithHeld: [
        { name: 'signed in', args: (w) => [[w.version, w.parentVersion], w.buyer] },
        { name: 'signed out', args: (w) => [[w.version, w.parentVersion], null] },
      ],
      liveFreeOf: (w, tx) => [tx, [w.version, w.parentVersion]],
      retire: (w, tx) => [tx, w.offer, w.at],
      retireAllOf: (w, tx) => [tx, w.version, w.at],
      latestRevision: (w, tx) => [tx, w.version, 'PERSONAL'],
      insert: async (w, tx) => [
        tx,
        { ...(await w.load('OfferEntity', { id: w.offer })), id: w.newId(), revision: 99, retiredAt: w.at },
      ],
    },
    LicenseRepository: {
      byId: (w) => [w.license],
      lockById: (w, tx) => [tx, w.license],
      byOrderRef: (w, tx) => [tx, `order:${w.order}`],
      insert: async (w, tx) => [
        tx,
        {
          ...(await w.load('LicenseEntity', { id: w.license })),
          id: w.newId(),
          licenseeId: w.otherCreator,
          source: 'GIFT',
          orderRef: null,
        },
      ],
      update: (w, tx) => [tx, w.license, { status: 'REVOKED', revokedAt: w.at, revocationReason: 'REFUNDED' }],
      hasActiveExclusive: (w, tx) => [tx, w.version],
      activeOfTier: (w, tx) => [tx, w.buyer, w.version, 'PERSONAL'],
      activeHeldIn: (w, tx) => [tx, w.buyer, [w.version, w.parentVersion]],
      activeOnSubject: (w, tx) => [tx, w.buyer, 'MODEL', w.model],
      heldBy: (w) => [w.buyer, [w.version, w.parentVersion]],
      covers: (w) => [w.buyer, w.version, w.file.sha256],
      pageForLicensee: [
        { name: 'first page', args: (w) => [w.buyer, { first: 20 }, identity] },
        { name: 'after a cursor', args: (w) => [w.buyer, { first: 20, after: w.cursor(w.at, w.license) }, identity] },
      ],
      pageForVersion: (w) => [w.version, { first: 20 }, identity],
    },
  },
} satisfies SqlCaseFile;
