import { loadConfig } from '../config/config';
import { originOf, publicBaseUrl, RequestOrigin } from './public-url';

describe('originOf', () => {
  it.each([
    ['http', '127.0.0.1:3000', 'http://127.0.0.1:3000'],
    ['http', 'localhost:3000', 'http://localhost:3000'],
    ['https', 'Lookbook.Example', 'https://lookbook.example'],
    ['http', '[::1]:3000', 'http://[::1]:3000'],
    ['http', 'my-box.lan', 'http://my-box.lan'],
  ])('%s + %s → %s', (protocol, host, origin) => {
    expect(originOf(protocol, host)).toBe(origin);
  });

  it.each([
    ['http', undefined],
    ['http', ''],
    ['http', 'evil.example/path'],
    ['http', 'evil.example@127.0.0.1'],
    ['http', 'a.example, b.example'],
    ['http', 'a b'],
    ['http', 'host\r\nset-cookie: x'],
    ['http', '-bad.example'],
    ['http', 'a..b'],
    ['http', '127.0.0.1:99999'],
    ['http', `${'a'.repeat(64)}.example`],
    ['javascript', 'example.com'],
  ])('refuses %s + %j', (protocol, host) => {
    expect(originOf(protocol, host)).toBeNull();
  });
});

describe('publicBaseUrl', () => {
  it('is the request origin inside a request, the default outside, and PUBLIC_URL always when set', () => {
    const open = loadConfig({ PORT: '4000' });
    expect(publicBaseUrl(open)).toBe('http://localhost:4000');
    expect(RequestOrigin.run('http://127.0.0.1:4000', () => publicBaseUrl(open))).toBe('http://127.0.0.1:4000');
    expect(RequestOrigin.run(null, () => publicBaseUrl(open))).toBe('http://localhost:4000');
    const canonical = loadConfig({ PUBLIC_URL: 'https://lookbook.example' });
    expect(RequestOrigin.run('http://127.0.0.1:4000', () => publicBaseUrl(canonical))).toBe('https://lookbook.example');
  });
});
