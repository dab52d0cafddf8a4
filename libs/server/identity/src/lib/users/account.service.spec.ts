import type { Role } from '@lookbook/core';
import { APP_CONFIG, Clock, RateLimiter, Transactions } from '@lookbook/core';
import type { MaturityLevel } from '@lookbook/kernel';
import { ConflictError, DEFAULT_MAX_MATURITY, DomainError, RateLimitedError, ValidationError } from '@lookbook/kernel';
import { anActor, FakeClock, InlineTransactions, newTestService, TEST_MANAGER, testConfig } from '@lookbook/testing';
import type { IssuedSession } from '../sessions/session.service';
import { SessionService } from '../sessions/session.service';
import type { SignUpInput } from './account.service';
import { AccountService } from './account.service';
import { EmailVerificationService } from './email-verification.service';
import { PasswordHasher } from './password-hasher';
import type { UserEntity } from './user.entity';
import { UserRepository } from './user.repository';

const now = new Date('2026-07-01T09:00:00.000Z');
const client = { ip: '203.0.113.7', userAgent: 'jest' };
const USER = '00000000-0000-4000-8000-000000000001';
const PASSWORD = 'correct horse battery staple';

const aUser = (change: Partial<UserEntity> = {}): UserEntity => ({
  id: USER,
  handle: 'mira',
  email: 'mira@example.com',
  displayName: 'Mira',
  passwordHash: '$argon2id$old',
  roles: [],
  maxMaturity: 'SFW',
  createdAt: now,
  updatedAt: now,
  passwordChangedAt: now,
  emailVerifiedAt: now,
  ...change,
});

function setUp() {
  const { sut, mock } = newTestService(AccountService, [
    [APP_CONFIG, testConfig({ AUTH_RATE_LIMIT_PER_MINUTE: '7' })],
    [Clock, new FakeClock(now)],
    [Transactions, new InlineTransactions()],
  ]);
  const limiter = mock(RateLimiter);
  limiter.consume.mockResolvedValue(undefined);
  const hasher = mock(PasswordHasher);
  hasher.assertAcceptable.mockResolvedValue(undefined);
  hasher.hash.mockImplementation((password: string) => Promise.resolve(`hash(${password})`));
  hasher.verify.mockImplementation((hash: string | undefined, password: string) =>
    Promise.resolve(hash === `hash(${password})`),
  );
  const users = mock(UserRepository);
  users.insert.mockResolvedValue(undefined);
  users.recordTermsAcceptance.mockResolvedValue(undefined);
  const verification = mock(EmailVerificationService);
  verification.sendVerification.mockResolvedValue(undefined);
  users.updatePassword.mockResolvedValue(undefined);
  users.setMaxMaturity.mockResolvedValue(undefined);
  const sessions = mock(SessionService);
  const issued = { accessToken: 'at', refreshToken: 'rt' } as unknown as IssuedSession;
  sessions.issue.mockResolvedValue(issued);
  sessions.revokeOtherSessions.mockResolvedValue(2);
  return { sut, limiter, hasher, users, sessions, issued, verification };
}

const signUp = (change: Partial<SignUpInput> = {}): SignUpInput => ({
  handle: 'mira',
  email: 'mira@example.com',
  password: PASSWORD,
  acceptTerms: true,
  ...change,
});
const codeOf = (run: Promise<unknown>) =>
  run.then(
    () => 'ok',
    (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
  );

describe('signing up', () => {
  it('creates the user with a hashed password, no roles and the default maturity, and signs them in', async () => {
    const { sut, users, sessions, issued, limiter, verification } = setUp();
    await expect(sut.signUp(signUp({ displayName: 'Mira K.' }), client)).resolves.toBe(issued);
    const [user, manager] = users.insert.mock.calls[0]!;
    // The user, the accepted terms and the verification mail are written in one transaction.
    expect(manager).toBe(TEST_MANAGER);
    expect(users.recordTermsAcceptance).toHaveBeenCalledWith(TEST_MANAGER, {
      userId: user.id,
      version: expect.any(String),
      acceptedAt: now,
      ip: client.ip,
    });
    expect(verification.sendVerification).toHaveBeenCalledWith(TEST_MANAGER, user);
    expect(user).toEqual({
      id: expect.any(String),
      handle: 'mira',
      email: 'mira@example.com',
      displayName: 'Mira K.',
      passwordHash: `hash(${PASSWORD})`,
      roles: [],
      maxMaturity: DEFAULT_MAX_MATURITY,
      createdAt: now,
      updatedAt: now,
      passwordChangedAt: now,
      emailVerifiedAt: null,
    });
    expect(sessions.issue).toHaveBeenCalledWith(user, client);
    expect(limiter.consume).toHaveBeenCalledWith({ name: 'sign-up-ip', points: 7, durationSeconds: 60 }, client.ip);
  });

  it.each<[string, Partial<SignUpInput>]>([
    ['terms not accepted', { acceptTerms: false }],
    ['terms left out', { acceptTerms: undefined }],
    ['terms null', { acceptTerms: null }],
  ])('refuses a sign-up with %s (TERMS_NOT_ACCEPTED) before hashing, and creates no one', async (_, change) => {
    const { sut, users, hasher, verification, sessions } = setUp();
    expect(await codeOf(sut.signUp(signUp(change), client))).toBe('TERMS_NOT_ACCEPTED');
    expect(hasher.hash).not.toHaveBeenCalled();
    expect(users.insert).not.toHaveBeenCalled();
    expect(users.recordTermsAcceptance).not.toHaveBeenCalled();
    expect(verification.sendVerification).not.toHaveBeenCalled();
    expect(sessions.issue).not.toHaveBeenCalled();
  });

  it.each<[string, Partial<SignUpInput>, Partial<UserEntity>]>([
    ['no display name: the handle', {}, { displayName: 'mira' }],
    ['a null display name: the handle', { displayName: null }, { displayName: 'mira' }],
    [
      'padded values, trimmed',
      { handle: ' mira_k ', email: ' m@example.com ', displayName: ' M ' },
      { handle: 'mira_k', email: 'm@example.com', displayName: 'M' },
    ],
    ['a 3-character handle', { handle: 'abc' }, { handle: 'abc' }],
    ['a 30-character handle', { handle: `a${'-'.repeat(29)}` }, { handle: `a${'-'.repeat(29)}` }],
    ['a handle starting with a digit', { handle: '9lives' }, { handle: '9lives' }],
    ['a handle containing a reserved word', { handle: 'admin2' }, { handle: 'admin2' }],
    ['an 80-character display name', { displayName: 'D'.repeat(80) }, { displayName: 'D'.repeat(80) }],
  ])('accepts %s', async (_name, change, stored) => {
    const { sut, users } = setUp();
    await sut.signUp(signUp(change), client);
    expect(users.insert.mock.calls[0]![0]).toMatchObject(stored);
  });

  it.each<[string, string, Partial<SignUpInput>]>([
    ['a 2-character handle', 'INVALID_HANDLE', { handle: 'ab' }],
    ['a 31-character handle', 'INVALID_HANDLE', { handle: 'a'.repeat(31) }],
    ['a handle starting with "_"', 'INVALID_HANDLE', { handle: '_mira' }],
    ['a handle starting with "-"', 'INVALID_HANDLE', { handle: '-mira' }],
    ['a handle with a space', 'INVALID_HANDLE', { handle: 'mi ra' }],
    ['a handle with a dot', 'INVALID_HANDLE', { handle: 'mi.ra' }],
    ['a handle with an accent', 'INVALID_HANDLE', { handle: 'míra' }],
    ['an empty handle', 'INVALID_HANDLE', { handle: '   ' }],
    ['the reserved handle admin', 'HANDLE_RESERVED', { handle: 'admin' }],
    ['a reserved handle in capitals', 'HANDLE_RESERVED', { handle: 'Support' }],
    ['the reserved handle graphql', 'HANDLE_RESERVED', { handle: 'GRAPHQL' }],
    ['an address without @', 'INVALID_EMAIL', { email: 'mira.example.com' }],
    ['an empty address', 'INVALID_EMAIL', { email: '' }],
    ['an address with a space', 'INVALID_EMAIL', { email: 'mi ra@example.com' }],
    ['an address over 254 characters', 'INVALID_EMAIL', { email: `${'m'.repeat(60)}@${'d'.repeat(190)}.com` }],
    ['a display name of 81 characters', 'INVALID_DISPLAY_NAME', { displayName: 'D'.repeat(81) }],
    ['a blank display name', 'INVALID_DISPLAY_NAME', { displayName: '   ' }],
    ['a display name on two lines', 'INVALID_TEXT', { displayName: 'Mira\nAdmin' }],
  ])('refuses %s (%s) before hashing anything, and creates no one', async (_name, code, change) => {
    const { sut, users, hasher, sessions } = setUp();
    expect(await codeOf(sut.signUp(signUp(change), client))).toBe(code);
    expect(hasher.assertAcceptable).not.toHaveBeenCalled();
    expect(hasher.hash).not.toHaveBeenCalled();
    expect(users.insert).not.toHaveBeenCalled();
    expect(sessions.issue).not.toHaveBeenCalled();
  });

  it('checks the password against what the user typed (and the site’s name)', async () => {
    const { sut, hasher } = setUp();
    await sut.signUp(signUp({ displayName: 'Mira K.' }), client);
    expect(hasher.assertAcceptable).toHaveBeenCalledWith(PASSWORD, ['mira', 'mira@example.com', 'Mira K.', 'lookbook']);
  });

  it('refuses a password the hasher finds weak, and creates no one', async () => {
    const { sut, hasher, users, sessions } = setUp();
    hasher.assertAcceptable.mockRejectedValue(new ValidationError('PASSWORD_TOO_WEAK', 'weak'));
    expect(await codeOf(sut.signUp(signUp({ password: 'mira2026' }), client))).toBe('PASSWORD_TOO_WEAK');
    expect(hasher.hash).not.toHaveBeenCalled();
    expect(users.insert).not.toHaveBeenCalled();
    expect(sessions.issue).not.toHaveBeenCalled();
  });

  it('is rate limited per address before any check', async () => {
    const { sut, limiter, hasher, users } = setUp();
    limiter.consume.mockRejectedValue(new RateLimitedError(30));
    expect(await codeOf(sut.signUp(signUp({ handle: 'x' }), client))).toBe('RATE_LIMITED');
    expect(hasher.assertAcceptable).not.toHaveBeenCalled();
    expect(users.insert).not.toHaveBeenCalled();
  });

  it('does not sign in when the handle or email was taken meanwhile', async () => {
    const { sut, users, sessions } = setUp();
    users.insert.mockRejectedValue(new ConflictError('HANDLE_TAKEN', 'taken'));
    expect(await codeOf(sut.signUp(signUp(), client))).toBe('HANDLE_TAKEN');
    expect(sessions.issue).not.toHaveBeenCalled();
  });
});

describe('reading accounts', () => {
  it('finds the caller’s own account', async () => {
    const { sut, users } = setUp();
    users.findById.mockResolvedValue(aUser());
    await expect(sut.me(anActor(USER))).resolves.toMatchObject({ id: USER });
    expect(users.findById).toHaveBeenCalledWith(USER);
  });

  it('answers USER_NOT_FOUND when the caller’s account is gone', async () => {
    const { sut, users } = setUp();
    users.findById.mockResolvedValue(null);
    expect(await codeOf(sut.me(anActor(USER)))).toBe('USER_NOT_FOUND');
  });

  it('finds a profile by handle', async () => {
    const { sut, users } = setUp();
    users.findByHandle.mockResolvedValue(aUser());
    await expect(sut.profile('mira')).resolves.toMatchObject({ handle: 'mira' });
    expect(users.findByHandle).toHaveBeenCalledWith('mira');
  });

  it.each([['ab'], ['x'.repeat(31)], ["mira'; DROP TABLE"], ['']])(
    'answers USER_NOT_FOUND for the impossible handle %j without a lookup',
    async (handle) => {
      const { sut, users } = setUp();
      expect(await codeOf(sut.profile(handle))).toBe('USER_NOT_FOUND');
      expect(users.findByHandle).not.toHaveBeenCalled();
    },
  );

  it('answers USER_NOT_FOUND for an unknown handle', async () => {
    const { sut, users } = setUp();
    users.findByHandle.mockResolvedValue(null);
    expect(await codeOf(sut.profile('nobody'))).toBe('USER_NOT_FOUND');
  });
});

describe('changing the password', () => {
  const NEW = 'a much longer passphrase now';

  it('needs the current password, stores the new hash and ends every other session', async () => {
    const { sut, users, sessions, hasher, limiter } = setUp();
    const actor = anActor(USER);
    users.findById
      .mockResolvedValueOnce(aUser({ passwordHash: `hash(${PASSWORD})` }))
      .mockResolvedValueOnce(aUser({ passwordHash: `hash(${NEW})`, passwordChangedAt: now }));
    const user = await sut.changePassword(actor, PASSWORD, NEW);
    expect(hasher.assertAcceptable).toHaveBeenCalledWith(NEW, ['mira', 'mira@example.com', 'Mira', PASSWORD]);
    expect(users.updatePassword).toHaveBeenCalledWith(USER, `hash(${NEW})`, now);
    expect(sessions.revokeOtherSessions).toHaveBeenCalledWith(actor, 'password-changed');
    expect(user.passwordHash).toBe(`hash(${NEW})`);
    expect(limiter.consume).toHaveBeenCalledWith({ name: 'change-password', points: 7, durationSeconds: 60 }, USER);
  });

  it.each([[''], ['Correct horse battery staple'], [`${PASSWORD} `]])(
    'refuses a wrong current password %j (WRONG_PASSWORD): nothing changes, no session ends',
    async (current) => {
      const { sut, users, sessions, hasher } = setUp();
      users.findById.mockResolvedValue(aUser({ passwordHash: `hash(${PASSWORD})` }));
      expect(await codeOf(sut.changePassword(anActor(USER), current, NEW))).toBe('WRONG_PASSWORD');
      expect(hasher.assertAcceptable).not.toHaveBeenCalled();
      expect(users.updatePassword).not.toHaveBeenCalled();
      expect(sessions.revokeOtherSessions).not.toHaveBeenCalled();
    },
  );

  it('refuses a weak new password: nothing changes, no session ends', async () => {
    const { sut, users, sessions, hasher } = setUp();
    users.findById.mockResolvedValue(aUser({ passwordHash: `hash(${PASSWORD})` }));
    hasher.assertAcceptable.mockRejectedValue(new ValidationError('PASSWORD_TOO_SHORT', 'short'));
    expect(await codeOf(sut.changePassword(anActor(USER), PASSWORD, 'short'))).toBe('PASSWORD_TOO_SHORT');
    expect(users.updatePassword).not.toHaveBeenCalled();
    expect(sessions.revokeOtherSessions).not.toHaveBeenCalled();
  });

  it('is rate limited per user before the current password is checked', async () => {
    const { sut, limiter, hasher, users } = setUp();
    limiter.consume.mockRejectedValue(new RateLimitedError(60));
    expect(await codeOf(sut.changePassword(anActor(USER), PASSWORD, NEW))).toBe('RATE_LIMITED');
    expect(hasher.verify).not.toHaveBeenCalled();
    expect(users.updatePassword).not.toHaveBeenCalled();
  });
});

describe('settings and roles', () => {
  it.each<[MaturityLevel]>([['SFW'], ['SUGGESTIVE'], ['MATURE'], ['EXPLICIT']])(
    'sets the maturity level %s',
    async (level) => {
      const { sut, users } = setUp();
      users.findById.mockResolvedValue(aUser({ maxMaturity: level }));
      await expect(sut.setMaxMaturity(anActor(USER), level)).resolves.toMatchObject({ maxMaturity: level });
      expect(users.setMaxMaturity).toHaveBeenCalledWith(USER, level, now);
    },
  );

  it.each([['NSFW'], ['sfw'], ['']])(
    'refuses the maturity level %j (INVALID_MATURITY), writing nothing',
    async (level) => {
      const { sut, users } = setUp();
      expect(await codeOf(sut.setMaxMaturity(anActor(USER), level as MaturityLevel))).toBe('INVALID_MATURITY');
      expect(users.setMaxMaturity).not.toHaveBeenCalled();
    },
  );

  it.each<[Role[], Role[]]>([
    [
      ['moderator', 'admin'],
      ['admin', 'moderator'],
    ],
    [
      ['admin', 'admin', 'moderator', 'admin'],
      ['admin', 'moderator'],
    ],
    [[], []],
  ])('stores roles %j once each, sorted: %j', async (roles, stored) => {
    const { sut, users } = setUp();
    users.setRoles.mockResolvedValue(true);
    users.findById.mockResolvedValue(aUser({ roles: stored }));
    await sut.setRoles(USER, roles);
    expect(users.setRoles).toHaveBeenCalledWith(USER, stored, now);
  });

  it('answers USER_NOT_FOUND when setting roles of nobody', async () => {
    const { sut, users } = setUp();
    users.setRoles.mockResolvedValue(false);
    expect(await codeOf(sut.setRoles('missing', ['admin']))).toBe('USER_NOT_FOUND');
    expect(users.findById).not.toHaveBeenCalled();
  });
});
