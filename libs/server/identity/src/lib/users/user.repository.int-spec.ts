import type { EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { TermsAcceptanceEntity } from './terms-acceptance.entity';
import { UserEntity } from './user.entity';
import { UserRepository } from './user.repository';

describe('UserRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let users: UserRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([UserEntity, TermsAcceptanceEntity]);
    users = new UserRepository(bed.dataSource.getRepository(UserEntity));
  });
  afterAll(() => bed.close());

  const user = (handle: string, email: string): UserEntity => ({
    id: randomUUID(),
    handle,
    email,
    maxMaturity: 'SUGGESTIVE',
    displayName: handle,
    passwordHash: '$argon2id$x',
    roles: [],
    createdAt: new Date(),
    updatedAt: new Date(),
    passwordChangedAt: new Date(),
    emailVerifiedAt: null,
  });

  it('keeps handles and emails unique regardless of case, as typed errors, writing nothing', async () => {
    await users.insert(user('Mira', 'mira@example.com'));
    await expect(users.insert(user('mira', 'other@example.com'))).rejects.toMatchObject({ code: 'HANDLE_TAKEN' });
    await expect(users.insert(user('mira2', 'MIRA@example.com'))).rejects.toMatchObject({ code: 'EMAIL_TAKEN' });
    expect(await users.findByHandle('mira2')).toBeNull();
  });

  it('finds a user by email or handle, case-insensitively', async () => {
    const kai = user('Kai_01', 'Kai@Example.com');
    await users.insert(kai);
    expect(await users.findByLogin('kai@example.com')).toMatchObject({ id: kai.id });
    expect(await users.findByLogin('kai_01')).toMatchObject({ id: kai.id });
    expect(await users.findByLogin('kai')).toBeNull();
    expect((await users.findByIds([kai.id, randomUUID()])).map((u) => u.id)).toEqual([kai.id]);
  });

  it('changes passwords and roles, and says when there was no such user', async () => {
    const ana = user('ana_x', 'ana@example.com');
    await users.insert(ana);
    const at = new Date('2026-07-01T00:00:00.000Z');
    await users.updatePassword(ana.id, '$argon2id$new', at);
    expect(await users.setRoles(ana.id, ['moderator'], at)).toBe(true);
    expect(await users.setRoles(randomUUID(), ['admin'], at)).toBe(false);
    expect(await users.setDisplayName(ana.id, 'Ana Ximénez', at)).toBe(true);
    expect(await users.setDisplayName(randomUUID(), 'Nobody', at)).toBe(false);
    expect(await users.findById(ana.id)).toMatchObject({
      passwordHash: '$argon2id$new',
      passwordChangedAt: at,
      roles: ['moderator'],
      displayName: 'Ana Ximénez',
    });
  });

  it('verifies only the address it was asked about, changes the address as a proven one, and refuses a taken one', async () => {
    const zoe = user('zoe_v', 'zoe@example.com');
    const yan = user('yan_v', 'yan@example.com');
    await users.insert(zoe);
    await users.insert(yan);
    const at = new Date('2026-12-07T12:00:00.000Z');
    const tx = <T>(work: (m: EntityManager) => Promise<T>) => bed.dataSource.transaction(work);
    expect(await tx((m) => users.markEmailVerified(m, zoe.id, 'old@example.com', at))).toBe(false);
    expect(await tx((m) => users.markEmailVerified(m, zoe.id, 'ZOE@example.com', at))).toBe(true);
    expect((await users.findById(zoe.id))!.emailVerifiedAt).toEqual(at);

    await expect(tx((m) => users.changeEmail(m, zoe.id, 'YAN@example.com', at))).rejects.toMatchObject({
      code: 'EMAIL_TAKEN',
    });
    expect((await users.findById(zoe.id))!.email).toBe('zoe@example.com');
    await tx((m) => users.changeEmail(m, zoe.id, 'zoe.new@example.com', at));
    expect(await users.findById(zoe.id)).toMatchObject({ email: 'zoe.new@example.com', emailVerifiedAt: at });
  });

  it('records each accepted terms version once, keeping the first acceptance', async () => {
    const vic = user('vic_t', 'vic@example.com');
    await users.insert(vic);
    const first = new Date('2026-12-01T00:00:00.000Z');
    await bed.dataSource.transaction(async (m) => {
      await users.recordTermsAcceptance(m, {
        userId: vic.id,
        version: '2026-12-01',
        acceptedAt: first,
        ip: '203.0.113.9',
      });
      await users.recordTermsAcceptance(m, { userId: vic.id, version: '2026-12-01', acceptedAt: new Date(), ip: null });
      await users.recordTermsAcceptance(m, { userId: vic.id, version: '2027-06-01', acceptedAt: new Date(), ip: null });
    });
    const accepted = await users.findTermsAcceptances(vic.id);
    expect(accepted.map((a) => [a.version, a.ip])).toEqual([
      ['2026-12-01', '203.0.113.9'],
      ['2027-06-01', null],
    ]);
    expect(accepted[0]!.acceptedAt).toEqual(first);
  });
});
