import { randomUUID } from 'node:crypto';
import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { UserEntity } from './user.entity';
import { UserRepository } from './user.repository';

describe('UserRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let users: UserRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([UserEntity]);
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
});
