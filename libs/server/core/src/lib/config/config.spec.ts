import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies documented defaults to an empty environment', () => {
    const config = loadConfig({});
    expect(config.http).toEqual({
      host: '127.0.0.1',
      port: 3000,
      publicUrl: 'http://localhost:3000',
      trustProxy: false,
    });
    expect(config.database.url).toBeUndefined();
    expect(config.env).toBe('development');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['LOG_LEVEL', 'verbose'],
    ['NODE_ENV', 'staging'],
    ['TRUST_PROXY', 'yes'],
    ['DATABASE_URL', 'mysql://x@y/z'],
    ['GRAPHQL_MAX_DEPTH', '-1'],
  ])('rejects %s=%s with one line naming the variable', (name, value) => {
    let message = '';
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toMatch(new RegExp(`^Invalid configuration: ${name}: `));
    expect(message).not.toContain('\n');
  });

  it('never echoes secret values', () => {
    expect(() => loadConfig({ AUTH_SECRET: 'short-secret' })).toThrow(/AUTH_SECRET: .*\(value hidden\)/);
    expect(() => loadConfig({ AUTH_SECRET: 'short-secret' })).not.toThrow(/short-secret/);
  });

  it('requires real secrets and services in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL: is required.*AUTH_SECRET: is required/);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ PORT: '' }).http.port).toBe(3000);
  });
});
