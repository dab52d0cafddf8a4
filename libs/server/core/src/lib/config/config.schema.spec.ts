import { loadConfig } from './config';
import { describeConfig } from './config-reference';
import { CONFIG_GROUPS, configDocs, configSchema, isSensitive } from './config.schema';

const names = Object.keys(configSchema.shape);

describe('the config schema documents itself', () => {
  it.each(names)('%s has a description and a sensitive flag', (name) => {
    const doc = configDocs.get(configSchema.shape[name as keyof typeof configSchema.shape]);
    expect(doc).toBeDefined();
    expect(doc!.description).toMatch(/^\S.{8,}[.)]$/s);
    expect(typeof doc!.sensitive).toBe('boolean');
    expect(Object.keys(CONFIG_GROUPS)).toContain(doc!.group);
  });

  it('flags every credential as sensitive (by name, so a new one cannot slip through)', () => {
    const credential = /SECRET|PASSWORD|_TOKEN$|API_KEY|ACCESS_KEY|SIGNING_KEYS|CREDENTIAL|DATABASE_URL|SMTP_URL/;
    for (const name of names) if (credential.test(name)) expect([name, isSensitive(name)]).toEqual([name, true]);
    expect(names.filter(isSensitive).sort()).toEqual([
      'AUTH_SECRET',
      'DATABASE_URL',
      'LICENSE_SIGNING_KEYS',
      'MEILI_API_KEY',
      'S3_ACCESS_KEY_ID',
      'S3_SECRET_ACCESS_KEY',
      'SMTP_URL',
      'STRIPE_CONNECT_WEBHOOK_SECRET',
      'STRIPE_SECRET_KEY',
      'STRIPE_WEBHOOK_SECRET',
    ]);
    expect(isSensitive('NOT_A_VARIABLE')).toBe(true); // fail closed
  });

  const marker = 'zz-marker-zz';
  it.each([
    ['DATABASE_URL', { DATABASE_URL: `mysql://user:${marker}@db/lookbook` }],
    ['AUTH_SECRET', { AUTH_SECRET: marker }],
    ['S3_ACCESS_KEY_ID', { S3_ENDPOINT: 'https://s3.example', S3_ACCESS_KEY_ID: marker }],
    ['STRIPE_SECRET_KEY', { STRIPE_SECRET_KEY: `pk_${marker}` }],
    ['STRIPE_WEBHOOK_SECRET', { STRIPE_WEBHOOK_SECRET: marker }],
    ['STRIPE_CONNECT_WEBHOOK_SECRET', { STRIPE_CONNECT_WEBHOOK_SECRET: marker }],
  ])('never echoes the value of %s in a configuration error', (name, env) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(`${name}: .*\\(value hidden\\)`));
    expect(() => loadConfig(env)).not.toThrow(new RegExp(marker));
  });

  it('does echo the value of a setting that is not sensitive', () => {
    expect(() => loadConfig({ LOG_LEVEL: marker })).toThrow(new RegExp(`LOG_LEVEL: .*\\(got "${marker}"\\)`));
  });
});

describe('describeConfig', () => {
  const byName = new Map(describeConfig().map((v) => [v.name, v]));

  it('lists every variable once, grouped in the order of the reference', () => {
    const variables = describeConfig();
    expect(variables.map((v) => v.name).sort()).toEqual([...names].sort());
    const groups = variables.map((v) => Object.keys(CONFIG_GROUPS).indexOf(v.group));
    expect(groups).toEqual([...groups].sort((a, b) => a - b));
  });

  it.each([
    ['PORT', '`3000`', 'integer, 1–65,535'],
    ['PUBLIC_CACHE_TTL_MS', '`5000`', 'integer, 0–600,000'],
    ['CHECKOUT_TTL_MINUTES', '`60`', 'integer, 30–1,440'],
    ['LOG_LEVEL', '`info`', '`fatal`, `error`, `warn`, `info`, `debug`, `trace`, `silent`'],
    ['TRUST_PROXY', '`false`', '`true`, `false`, `0`, `1`'],
    ['S3_FORCE_PATH_STYLE', '`true`', '`true`, `false`, `0`, `1`'],
    ['DATABASE_URL', undefined, 'URL'],
    ['AUTH_SECRET', 'generated into `DATA_DIR/auth-secret`', 'text, at least 32 characters'],
    ['S3_REGION', '`us-east-1`', 'text'],
  ])('reads %s’s default and what it accepts from its rule', (name, defaultText, accepts) => {
    expect(byName.get(name)).toMatchObject({ default: defaultText, accepts });
  });
});
