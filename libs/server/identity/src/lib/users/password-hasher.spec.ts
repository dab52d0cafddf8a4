import { PasswordHasher } from './password-hasher';

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (e: { code?: string; message: string }) => e.code ?? e.message,
  );

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();

  it.each([
    ['a short password', 'abc123', 'PASSWORD_TOO_SHORT'],
    ['an overlong password', 'x'.repeat(129), 'PASSWORD_TOO_LONG'],
    ['a common word with digits', 'password2026', 'PASSWORD_TOO_WEAK'],
    ['an English phrase of common words', 'sunshineforever', 'PASSWORD_TOO_WEAK'],
    ['the user’s own handle', 'mirakowalska1', 'PASSWORD_TOO_WEAK'],
    ['a long random passphrase', 'tangerine-OSPREY-marble-91', 'accepted'],
  ])('judges %s', async (_name, password, expected) => {
    expect(await codeOf(hasher.assertAcceptable(password, ['mirakowalska', 'mira@example.com']))).toBe(expected);
  });

  it('explains a weak password in a sentence, never a translation key', async () => {
    const error = await hasher.assertAcceptable('qwertyuiop', []).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toMatch(/^That password is too easy to guess\. \S/);
    expect(message).not.toMatch(/\b[a-z]+[A-Z][a-zA-Z]*\b/); // e.g. "keyPattern", "similarToCommon"
  });

  it('verifies the password it hashed, and nothing else', async () => {
    const stored = await hasher.hash('tangerine-OSPREY-marble-91');
    expect(await hasher.verify(stored, 'tangerine-OSPREY-marble-91')).toBe(true);
    expect(await hasher.verify(stored, 'tangerine-osprey-marble-91')).toBe(false);
    expect(await hasher.verify(undefined, 'tangerine-OSPREY-marble-91')).toBe(false);
    expect(await hasher.verify(stored, 'x'.repeat(600))).toBe(false);
  });
});
