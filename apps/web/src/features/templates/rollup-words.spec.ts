import { verdictWords } from './rollup-words';

const lines = (...statuses: string[]) => statuses.map((status) => ({ status }));

describe('a licence verdict in words', () => {
  it('says covered only for COVERED', () => {
    expect(
      verdictWords({ verdict: 'COVERED', purpose: 'COMMERCIAL', lines: lines('HELD', 'OPEN_LICENSE', 'UNUSED') }),
    ).toEqual({
      headline: 'Commercial use is covered.',
      summary: 'Every one of the 2 files it uses is known and licensed for it.',
    });
    expect(verdictWords({ verdict: 'COVERED', purpose: 'PERSONAL', lines: [] }).summary).toBe(
      'It uses no model files.',
    );
  });

  it.each([
    [
      lines('UNKNOWN', 'UNKNOWN', 'UNKNOWN', 'UNKNOWN'),
      '4 of 4 files could not be checked: we do not know them, so we cannot tell their licence.',
    ],
    [
      lines('UNKNOWN', 'HELD', 'OPEN_LICENSE'),
      '1 of 3 files could not be checked: we do not know it, so we cannot tell its licence. The other 2 check out.',
    ],
    [
      lines('UNKNOWN', 'UNKNOWN', 'HELD', 'UNUSED'),
      '2 of 3 files could not be checked: we do not know them, so we cannot tell their licence. The other one checks out.',
    ],
  ])('never says covered when files could not be checked (%#)', (statuses, summary) => {
    for (const purpose of ['COMMERCIAL', 'PERSONAL']) {
      const words = verdictWords({ verdict: 'UNVERIFIED', purpose, lines: statuses });
      expect(words.headline).toMatch(/use cannot be confirmed\.$/);
      expect(`${words.headline} ${words.summary}`).not.toMatch(/covered/i);
      expect(words.summary).toBe(summary);
    }
  });

  it('says not covered, and how many files stop it and could not be checked', () => {
    const words = verdictWords({
      verdict: 'NOT_COVERED',
      purpose: 'COMMERCIAL',
      lines: lines('NOT_ALLOWED', 'AVAILABLE', 'UNKNOWN', 'OPEN_LICENSE', 'UNUSED'),
    });
    expect(words).toEqual({
      headline: 'Commercial use is not covered.',
      summary: '2 of the 4 files it uses stop it, and 1 could not be checked.',
    });
    expect(words.headline).not.toMatch(/\bis covered/);
    expect(verdictWords({ verdict: 'NOT_COVERED', purpose: 'PERSONAL', lines: lines('CLAIMABLE') }).summary).toBe(
      'The one file it uses stops it.',
    );
  });
});
