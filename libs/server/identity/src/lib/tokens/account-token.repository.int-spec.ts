import { randomUUID } from 'node:crypto';
import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { UserEntity } from '../users/user.entity';
import { UserRepository } from '../users/user.repository';
import { AccountTokenEntity } from './account-token.entity';
import { AccountTokenRepository } from './account-token.repository';
import type { AccountTokenPurpose } from './account-token.rules';
import { newAccountToken } from './account-token.rules';

describe('AccountTokenRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let tokens: AccountTokenRepository;
  let users: UserRepository;
  const at = new Date('2026-12-07T12:00:00.000Z');

  beforeAll(async () => {
    bed = await createRepositoryTestBed([UserEntity, AccountTokenEntity]);
    tokens = new AccountTokenRepository(bed.dataSource.getRepository(AccountTokenEntity));
    users = new UserRepository(bed.dataSource.getRepository(UserEntity));
  });
  afterAll(() => bed.close());

  const newUser = async () => {
    const id = randomUUID();
    await users.insert({
      id,
      handle: `t-${id.slice(0, 8)}`,
      email: `t-${id.slice(0, 8)}@example.com`,
      displayName: 'T',
      passwordHash: '$argon2id$x',
      roles: [],
      maxMaturity: 'SFW',
      createdAt: at,
      updatedAt: at,
      passwordChangedAt: at,
      emailVerifiedAt: null,
    });
    return id;
  };
  const token = (userId: string, purpose: AccountTokenPurpose, createdAt = at): AccountTokenEntity => ({
    id: randomUUID(),
    userId,
    purpose,
    tokenHash: newAccountToken().hash,
    email: 'x@example.com',
    createdAt,
    expiresAt: new Date(createdAt.getTime() + 60_000),
    usedAt: null,
    supersededAt: null,
  });
  const issue = (row: AccountTokenEntity) => bed.dataSource.transaction((m) => tokens.issue(m, row));

  it('supersedes only the live tokens of the same user and purpose when a newer one is issued', async () => {
    const [mira, kai] = [await newUser(), await newUser()];
    const first = token(mira, 'RESET_PASSWORD');
    const verify = token(mira, 'VERIFY_EMAIL');
    const kais = token(kai, 'RESET_PASSWORD');
    for (const row of [first, verify, kais]) await issue(row);
    const later = new Date(at.getTime() + 1000);
    const second = token(mira, 'RESET_PASSWORD', later);
    await issue(second);

    expect((await tokens.findByHash(first.tokenHash))!.supersededAt).toEqual(later);
    expect((await tokens.findByHash(second.tokenHash))!.supersededAt).toBeNull();
    expect((await tokens.findByHash(verify.tokenHash))!.supersededAt).toBeNull();
    expect((await tokens.findByHash(kais.tokenHash))!.supersededAt).toBeNull();
  });

  it('uses a token once, even with two transactions racing for it', async () => {
    const row = token(await newUser(), 'VERIFY_EMAIL');
    await issue(row);
    const race = () =>
      bed.dataSource.transaction(async (m) => {
        const locked = await tokens.findByHashForUpdate(m, row.tokenHash);
        if (!locked || locked.usedAt) return false;
        return tokens.markUsed(m, locked.id, new Date());
      });
    expect((await Promise.all([race(), race()])).sort()).toEqual([false, true]);
    expect((await tokens.findByHash(row.tokenHash))!.usedAt).not.toBeNull();
  });

  it('supersedes every live token of the given purposes, leaving used ones as they were', async () => {
    const user = await newUser();
    const used = token(user, 'VERIFY_EMAIL');
    await issue(used);
    await bed.dataSource.transaction((m) => tokens.markUsed(m, used.id, at));
    const reset = token(user, 'RESET_PASSWORD');
    const change = token(user, 'CHANGE_EMAIL');
    await issue(reset);
    await issue(change);
    const later = new Date(at.getTime() + 5000);
    expect(
      await bed.dataSource.transaction((m) => tokens.supersedeAll(m, user, ['VERIFY_EMAIL', 'RESET_PASSWORD'], later)),
    ).toBe(1);
    expect(await tokens.findByHash(used.tokenHash)).toMatchObject({ usedAt: at, supersededAt: null });
    expect(await tokens.findByHash(reset.tokenHash)).toMatchObject({ supersededAt: later });
    expect(await tokens.findByHash(change.tokenHash)).toMatchObject({ supersededAt: null });
  });

  it('refuses a second row with the same hash (a token is never shared)', async () => {
    const user = await newUser();
    const row = token(user, 'VERIFY_EMAIL');
    await issue(row);
    await expect(issue({ ...token(user, 'CHANGE_EMAIL'), tokenHash: row.tokenHash })).rejects.toThrow(
      /account_token_token_hash_key/,
    );
  });
});
