import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies documented defaults to an empty environment', () => {
    const config = loadConfig({});
    expect(config.http).toEqual({
      host: '127.0.0.1',
      port: 3000,
      canonicalUrl: undefined,
      defaultUrl: 'http://localhost:3000',
      trustProxy: false,
    });
    // No PUBLIC_URL: media is served from whichever origin the page is on.
    expect(config.storage.mediaPublicUrl).toBe('/media');
    expect(config.database.url).toBeUndefined();
    expect(config.env).toBe('development');
  });

  it('makes a configured PUBLIC_URL canonical, and the base of media URLs unless MEDIA_PUBLIC_URL says otherwise', () => {
    for (const [value, canonical] of [
      ['https://lookbook.example', 'https://lookbook.example'],
      ['https://lookbook.example/', 'https://lookbook.example'],
      ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ] as const) {
      const config = loadConfig({ PUBLIC_URL: value });
      expect(config.http.canonicalUrl).toBe(canonical);
      expect(config.http.defaultUrl).toBe(canonical);
      expect(config.storage.mediaPublicUrl).toBe(`${canonical}/media`);
    }
    expect(loadConfig({ PUBLIC_URL: 'https://a.example', MEDIA_PUBLIC_URL: 'https://cdn.example/m/' }).storage).toEqual(
      expect.objectContaining({ mediaPublicUrl: 'https://cdn.example/m' }),
    );
  });

  it.each([
    'ftp://lookbook.example',
    'https://lookbook.example/app',
    'https://lookbook.example/?x=1',
    'lookbook.example',
  ])('refuses PUBLIC_URL=%s (an http(s) origin only)', (value) => {
    expect(() => loadConfig({ PUBLIC_URL: value })).toThrow(/^Invalid configuration: PUBLIC_URL: /);
  });

  it('keeps the defaults when PUBLIC_URL is empty', () => {
    expect(loadConfig({ PUBLIC_URL: '' }).http.canonicalUrl).toBeUndefined();
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
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SMTP_URL: is required when NODE_ENV=production/);
  });

  it('takes only SMTP URLs for mail, never echoing one (it carries a password), and a valid sender', () => {
    expect(loadConfig({ SMTP_URL: 'smtps://u:p@smtp.example:465' }).mail.smtpUrl).toBe('smtps://u:p@smtp.example:465');
    expect(() => loadConfig({ SMTP_URL: 'http://u:zz-secret@smtp.example' })).toThrow(/SMTP_URL: must be an smtp/);
    expect(() => loadConfig({ SMTP_URL: 'http://u:zz-secret@smtp.example' })).not.toThrow(/zz-secret/);
    expect(loadConfig({ MAIL_FROM: 'Lookbook <hi@lookbook.example>' }).mail.from).toBe(
      'Lookbook <hi@lookbook.example>',
    );
    for (const bad of ['nobody', 'A <b@c>\r\nBcc: x@y', 'two@a.b, three@c.d'])
      expect(() => loadConfig({ MAIL_FROM: bad })).toThrow(/MAIL_FROM/);
  });

  it('refuses the local payment gateway in production and requires Stripe’s secrets with Stripe', () => {
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db.internal/lookbook',
      AUTH_SECRET: 'a-production-secret-with-at-least-32-chars',
      PUBLIC_URL: 'https://lookbook.example',
      S3_ENDPOINT: 'https://s3.example',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
      LICENSE_SIGNING_KEYS: '[]',
      SMTP_URL: 'smtp://mailer:pw@smtp.example:587',
    };
    expect(() => loadConfig(production)).toThrow(/PAYMENTS_PROVIDER: must be "stripe" when NODE_ENV=production/);
    expect(() => loadConfig({ ...production, PAYMENTS_PROVIDER: 'stripe' })).toThrow(
      /STRIPE_SECRET_KEY: is required.*STRIPE_WEBHOOK_SECRET: is required/,
    );
    expect(() =>
      loadConfig({
        ...production,
        PAYMENTS_PROVIDER: 'stripe',
        STRIPE_SECRET_KEY: 'sk_live_abc',
        STRIPE_WEBHOOK_SECRET: 'nope',
      }),
    ).toThrow(/STRIPE_WEBHOOK_SECRET: must be a webhook signing secret \(whsec_…\) \(value hidden\)/);
    const config = loadConfig({
      ...production,
      PAYMENTS_PROVIDER: 'stripe',
      STRIPE_SECRET_KEY: 'sk_live_abc',
      STRIPE_WEBHOOK_SECRET: 'whsec_abc',
      PLATFORM_FEE_BPS: '1500',
    });
    expect(config.payments).toMatchObject({ provider: 'stripe', platformFeeBps: 1500, payoutHoldHours: 0 });
  });

  it('bounds the platform fee to 0–10,000 basis points', () => {
    expect(() => loadConfig({ PLATFORM_FEE_BPS: '10001' })).toThrow(/^Invalid configuration: PLATFORM_FEE_BPS: /);
    expect(() => loadConfig({ PLATFORM_FEE_BPS: '-1' })).toThrow(/PLATFORM_FEE_BPS/);
    expect(() => loadConfig({ PLATFORM_FEE_BPS: '2.5' })).toThrow(/PLATFORM_FEE_BPS/);
    expect(loadConfig({}).payments.platformFeeBps).toBe(1000);
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '8080' }).payments.localGatewayWebhookUrl).toBe(
      'http://127.0.0.1:8080/webhooks/stripe',
    );
  });

  it('keeps read notifications 90 days and any 365 by default; the longer one never shorter than the read one', () => {
    expect(loadConfig({}).notifications).toEqual({ readRetentionDays: 90, retentionDays: 365 });
    expect(
      loadConfig({ NOTIFICATION_READ_RETENTION_DAYS: '30', NOTIFICATION_RETENTION_DAYS: '30' }).notifications,
    ).toEqual({ readRetentionDays: 30, retentionDays: 30 });
    expect(() => loadConfig({ NOTIFICATION_READ_RETENTION_DAYS: '400' })).toThrow(
      /NOTIFICATION_RETENTION_DAYS: must be at least NOTIFICATION_READ_RETENTION_DAYS/,
    );
    expect(() => loadConfig({ NOTIFICATION_READ_RETENTION_DAYS: '0' })).toThrow(/NOTIFICATION_READ_RETENTION_DAYS/);
    expect(() => loadConfig({ NOTIFICATION_RETENTION_DAYS: '1.5' })).toThrow(/NOTIFICATION_RETENTION_DAYS/);
    expect(() => loadConfig({ NOTIFICATION_RETENTION_DAYS: '60' })).toThrow(/NOTIFICATION_RETENTION_DAYS/);
  });

  it('selects the search engine: PostgreSQL by default, Meilisearch only with its URL, the key never echoed', () => {
    expect(loadConfig({}).search).toMatchObject({ engine: 'postgres', meiliIndexPrefix: 'lookbook' });
    expect(() => loadConfig({ SEARCH_ENGINE: 'meilisearch' })).toThrow(
      /^Invalid configuration: MEILI_URL: is required when SEARCH_ENGINE=meilisearch$/,
    );
    expect(() => loadConfig({ SEARCH_ENGINE: 'elastic' })).toThrow(/^Invalid configuration: SEARCH_ENGINE: /);
    expect(() => loadConfig({ MEILI_INDEX_PREFIX: 'Bad Prefix' })).toThrow(/MEILI_INDEX_PREFIX/);
    expect(() => loadConfig({ MEILI_API_KEY: '', MEILI_TASK_TIMEOUT_MS: '0' })).toThrow(/MEILI_TASK_TIMEOUT_MS/);
    const meili = loadConfig({ SEARCH_ENGINE: 'meilisearch', MEILI_URL: 'http://meili:7700', MEILI_API_KEY: 'k' });
    expect(meili.search).toMatchObject({ engine: 'meilisearch', meiliUrl: 'http://meili:7700', meiliApiKey: 'k' });
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ PORT: '' }).http.port).toBe(3000);
  });
});
