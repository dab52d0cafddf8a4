import type { SqlCaseFile, SqlWorld } from '@lookbook/testing';

const user = (w: SqlWorld) => {
  const id = w.newId();
  return {
    id,
    handle: `sql-${id.slice(0, 8)}`,
    email: `sql-${id.slice(0, 8)}@example.com`,
    displayName: 'SQL Case',
    passwordHash: 'not-a-hash',
    roles: [],
    maxMaturity: 'SFW',
    createdAt: w.at,
    updatedAt: w.at,
    passwordChangedAt: w.at,
    emailVerifiedAt: null,
  };
};

const accountToken = (w: SqlWorld, purpose: 'VERIFY_EMAIL' | 'RESET_PASSWORD' | 'CHANGE_EMAIL') => ({
  id: w.newId(),
  userId: w.buyer,
  purpose,
  tokenHash: Buffer.from(w.sha256(), 'hex'),
  email: 'buyer-1@bench.invalid',
  createdAt: w.at,
  expiresAt: new Date(w.at.getTime() + 1_800_000),
  usedAt: null,
  supersededAt: null,
});

const refreshToken = (w: SqlWorld, sessionId: string) => ({
  id: w.newId(),
  sessionId,
  tokenHash: Buffer.from(w.sha256(), 'hex'),
  createdAt: w.at,
  expiresAt: new Date(w.at.getTime() + 86_400_000),
  usedAt: null,
});

const identity = (row: unknown) => row;

/** Identity's SQL: users, sessions and refresh tokens, API keys. See docs/architecture/sql-snapshots.md. */
export default {
  classes: {
    UserRepository: {
      insert: (w) => [user(w)],
      findById: (w) => [w.buyer],
      findByIds: (w) => [[w.buyer, w.creator]],
      findByHandle: () => ['buyer-1'],
      findByLogin: () => ['buyer-1@bench.invalid'],
      updatePassword: (w) => [w.buyer, 'not-a-password-hash', w.at],
      setMaxMaturity: (w) => [w.buyer, 'SUGGESTIVE', w.at],
      setRoles: (w) => [w.buyer, [], w.at],
      setDisplayName: (w) => [w.buyer, 'Buyer One', w.at],
      recordTermsAcceptance: (w, tx) => [tx, { userId: w.buyer, version: '2026-12-01', acceptedAt: w.at, ip: null }],
      findTermsAcceptances: (w) => [w.buyer],
      findByIdForUpdate: (w, tx) => [tx, w.buyer],
      markEmailVerified: (w, tx) => [tx, w.buyer, 'buyer-1@bench.invalid', w.at],
      changeEmail: (w, tx) => [tx, w.buyer, `moved-${w.newId().slice(0, 8)}@bench.invalid`, w.at],
      updatePasswordIn: (w, tx) => [tx, w.buyer, 'not-a-password-hash', w.at],
    },
    AccountTokenRepository: {
      issue: (w, tx) => [tx, accountToken(w, 'RESET_PASSWORD')],
      findByHash: (w) => [Buffer.from(w.sha256(), 'hex')],
      findByHashForUpdate: (w, tx) => [tx, Buffer.from(w.sha256(), 'hex')],
      markUsed: (w, tx) => [tx, w.newId(), w.at],
      supersedeAll: (w, tx) => [tx, w.buyer, ['VERIFY_EMAIL', 'RESET_PASSWORD'], w.at],
    },
    SessionRepository: {
      create: (w) => {
        const id = w.newId();
        const expiresAt = new Date(w.at.getTime() + 86_400_000);
        const session = { id, userId: w.buyer, createdAt: w.at, lastUsedAt: w.at, expiresAt, revokedAt: null };
        return [{ ...session, revokeReason: null, userAgent: 'sql', ip: null }, refreshToken(w, id)];
      },
      findActive: (w) => [w.session, w.at],
      findRefreshTokenForUpdate: (w, tx) => [tx, w.refreshTokenHash],
      findSessionForUpdate: (w, tx) => [tx, w.session],
      rotate: async (w, tx) => [
        tx,
        await w.load('RefreshTokenEntity', { tokenHash: w.refreshTokenHash }),
        refreshToken(w, w.session),
        w.at,
      ],
      revoke: [
        { name: 'any user', args: (w) => [w.newId(), 'SIGNED_OUT', w.at] },
        {
          name: 'own, in a transaction',
          args: (w, tx) => [w.newId(), 'SIGNED_OUT', w.at, { userId: w.buyer, manager: tx }],
        },
      ],
      revokeAllForUser: [
        { name: 'all', args: (w) => [w.newId(), 'PASSWORD_CHANGED', w.at] },
        { name: 'all but one', args: (w) => [w.newId(), 'PASSWORD_CHANGED', w.at, w.session] },
        { name: 'in a transaction', args: (w, tx) => [w.newId(), 'PASSWORD_RESET', w.at, undefined, tx] },
      ],
      listLiveForUser: [
        { name: 'first page', args: (w) => [w.buyer, w.at, { first: 20 }, identity] },
        {
          name: 'after a cursor',
          args: (w) => [w.buyer, w.at, { first: 20, after: w.cursor(w.at, w.session) }, identity],
        },
      ],
      deleteExpired: () => [new Date('2000-01-01T00:00:00Z')],
    },
    ApiKeyRepository: {
      insert: (w) => [
        {
          id: w.newId(),
          userId: w.buyer,
          name: 'SQL case',
          prefix: `lbk_${w.newId().slice(0, 8)}`,
          secretHash: Buffer.from(w.sha256(), 'hex'),
          scopes: ['read'],
          createdAt: w.at,
          lastUsedAt: null,
          expiresAt: null,
          revokedAt: null,
        },
      ],
      findByPrefixWithOwner: (w) => [w.apiKeyPrefix],
      touchLastUsed: (w) => [w.apiKey, w.at],
      countActive: (w) => [w.buyer, w.at],
      revoke: (w) => [w.newId(), w.buyer, w.at],
      listForUser: [
        { name: 'first page', args: (w) => [w.buyer, { first: 20 }, identity] },
        { name: 'after a cursor', args: (w) => [w.buyer, { first: 20, after: w.cursor(w.at, w.apiKey) }, identity] },
      ],
    },
  },
} satisfies SqlCaseFile;
