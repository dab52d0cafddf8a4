import { UnsubscribeTokens, unsubscribeHeaders } from './unsubscribe-token';

const ada = '00000000-0000-4000-8000-0000000000a1';
const tom = '00000000-0000-4000-8000-0000000000b2';
const tokens = new UnsubscribeTokens(new TextEncoder().encode('x'.repeat(40)));

describe('unsubscribe tokens', () => {
  it('verifies its own token for that member and scope', () => {
    expect(tokens.verify(ada, 'LIKE', tokens.sign(ada, 'LIKE'))).toBe(true);
    expect(tokens.verify(ada, 'DIGEST', tokens.sign(ada, 'DIGEST'))).toBe(true);
  });

  it.each([
    ['another member', tom, 'LIKE', tokens.sign(ada, 'LIKE')],
    ['another scope', ada, 'SALE', tokens.sign(ada, 'LIKE')],
    ['a flipped character', ada, 'LIKE', tokens.sign(ada, 'LIKE').replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))],
    ['a truncated token', ada, 'LIKE', tokens.sign(ada, 'LIKE').slice(0, -1)],
    ['an empty token', ada, 'LIKE', ''],
    ['an unknown scope', ada, 'POKE', tokens.sign(ada, 'LIKE')],
    ['a malformed member', 'not-a-uuid', 'LIKE', tokens.sign('not-a-uuid', 'LIKE')],
    ['another secret', ada, 'LIKE', new UnsubscribeTokens(new TextEncoder().encode('y'.repeat(40))).sign(ada, 'LIKE')],
  ])('refuses %s', (_what, userId, scope, token) => {
    expect(tokens.verify(userId, scope, token)).toBe(false);
  });

  it('builds the link and the RFC 8058 headers', () => {
    const url = tokens.url('https://lookbook.example', ada, 'DIGEST');
    const parsed = new URL(url);
    expect(parsed.pathname).toBe('/api/v1/notifications/unsubscribe');
    expect(
      tokens.verify(parsed.searchParams.get('u')!, parsed.searchParams.get('k')!, parsed.searchParams.get('t')!),
    ).toBe(true);
    expect(unsubscribeHeaders(url)).toEqual({
      'List-Unsubscribe': `<${url}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });
});
