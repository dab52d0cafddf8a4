import { z } from 'zod';

/**
 * Every environment variable the server reads: its rule, its default, and what the configuration reference says about
 * it (`docs/reference/configuration.md` is generated from this file by `npm run docs:config`; lint fails on drift).
 */

/** The reference's sections, in order. */
export const CONFIG_GROUPS = {
  server: 'Server',
  database: 'Database',
  auth: 'Accounts and licence keys',
  graphql: 'GraphQL limits',
  storage: 'Storage and media',
  payments: 'Payments',
  search: 'Search',
  mail: 'Mail',
  notifications: 'Notifications',
} as const;
export type ConfigGroup = keyof typeof CONFIG_GROUPS;

export interface VariableDoc {
  readonly group: ConfigGroup;
  /** What it does, in a sentence or two; ranges and allowed values come from the rule itself. */
  readonly description: string;
  /** A credential: its value is never echoed — not in configuration errors, not in logs. */
  readonly sensitive: boolean;
  /** How the default reads when it is computed rather than a constant. */
  readonly defaultText?: string;
}

/** The documentation of every variable, attached to its zod type. */
export const configDocs = z.registry<VariableDoc>();

type Extra = Pick<VariableDoc, 'defaultText'>;
function documented<T extends z.ZodType>(type: T, doc: VariableDoc): T {
  configDocs.add(type, doc);
  return type;
}
/** A variable whose value may be shown (in configuration errors, in logs). */
const setting = <T extends z.ZodType>(group: ConfigGroup, description: string, type: T, extra: Extra = {}): T =>
  documented(type, { group, description, sensitive: false, ...extra });
/** A credential (or a value that embeds one): never echoed. */
const secret = <T extends z.ZodType>(group: ConfigGroup, description: string, type: T, extra: Extra = {}): T =>
  documented(type, { group, description, sensitive: true, ...extra });

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().positive();
const bucket = z.string().regex(/^[a-z0-9][a-z0-9.-]{2,62}$/, 'must be a valid S3 bucket name');
const webhookSecret = z.string().regex(/^whsec_\w+$/, 'must be a webhook signing secret (whsec_…)');

export const configSchema = z
  .object({
    // Server
    NODE_ENV: setting(
      'server',
      'Production requires `DATABASE_URL`, `AUTH_SECRET`, `PUBLIC_URL`, `S3_*`, `LICENSE_SIGNING_KEYS`, `SMTP_URL` and `PAYMENTS_PROVIDER=stripe`, and turns off GraphQL introspection and field suggestions.',
      z.enum(['development', 'test', 'production']).default('development'),
    ),
    HOST: setting(
      'server',
      'Interface the API listens on (`0.0.0.0` in containers).',
      z.string().min(1).default('127.0.0.1'),
    ),
    PORT: setting('server', 'Port the API listens on.', port.default(3000)),
    PUBLIC_URL: setting(
      'server',
      'Canonical external origin (http(s), no path): absolute links use it, and HTML pages opened on another host redirect to it. Unset: links follow the host each request came on.',
      z
        .url()
        .refine(
          (u) => /^https?:\/\/[^/?#@]+\/?$/i.test(u),
          'must be an http(s) origin with no path, e.g. https://lookbook.example (the site is served at its root)',
        )
        .optional(),
    ),
    TRUST_PROXY: setting(
      'server',
      'Trust `X-Forwarded-*` from a reverse proxy (client IPs for rate limits, the request origin).',
      bool.default(false),
    ),
    LOG_LEVEL: setting(
      'server',
      'JSON logs via pino.',
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ),
    DATA_DIR: setting(
      'server',
      'Where the embedded defaults keep their data: the PostgreSQL cluster, the S3 store, the generated auth secret and licence-signing keys.',
      z.string().min(1).default('.data'),
    ),
    PUBLIC_CACHE_TTL_MS: setting(
      'server',
      'Anonymous GraphQL query results are cached in-process this long, dropped on any public catalog write (LISTEN/NOTIFY); `0` turns the cache off.',
      z.coerce.number().int().min(0).max(600_000).default(5000),
    ),
    SQL_STATEMENT_HEADER: setting(
      'server',
      'Adds `x-sql-statements` (the statements the request ran) to responses, for tests and benchmarks; ignored in production.',
      bool.default(false),
    ),
    WEB_DIST_DIR: setting(
      'server',
      'The built web client, served at `/` when present.',
      z.string().min(1).default('dist/web'),
    ),
    WORKER_CONCURRENCY: setting('server', 'Jobs run in parallel per worker process.', positiveInt.max(64).default(4)),
    SHUTDOWN_TIMEOUT_MS: setting(
      'server',
      'Graceful shutdown limit before a forced exit.',
      positiveInt.max(120_000).default(10_000),
    ),
    // Database
    DATABASE_URL: secret(
      'database',
      'PostgreSQL ≥ 15 (the URL carries its password). Unset: the embedded server is started under `DATA_DIR` and migrated automatically.',
      z
        .url()
        .refine((u) => /^postgres(ql)?:\/\//.test(u), 'must be a postgres:// or postgresql:// URL')
        .optional(),
    ),
    DATABASE_POOL_MAX: setting('database', 'Connections per process.', positiveInt.max(200).default(10)),
    EMBEDDED_POSTGRES_PORT: setting('database', 'Port of the embedded PostgreSQL server.', port.default(54329)),
    // Accounts and licence keys
    AUTH_SECRET: secret(
      'auth',
      'HMAC key (at least 32 characters) that signs access tokens; the local gateway derives its webhook secret from it. Required in production.',
      z.string().min(32, 'must be at least 32 characters').optional(),
      { defaultText: 'generated into `DATA_DIR/auth-secret`' },
    ),
    LICENSE_SIGNING_KEYS: secret(
      'auth',
      'JSON array of Ed25519 private JWKs (each with a `kid`), newest first, that sign licence certificates. Required in production; `npm run keys:rotate` makes a new one.',
      z.string().min(2).optional(),
      { defaultText: 'generated into `DATA_DIR/license-signing-keys.json`' },
    ),
    ACCESS_TOKEN_TTL_SECONDS: setting('auth', 'Access token lifetime.', positiveInt.max(3600).default(900)),
    SESSION_TTL_DAYS: setting(
      'auth',
      'Idle lifetime of a session; each refresh extends it.',
      positiveInt.max(365).default(30),
    ),
    AUTH_RATE_LIMIT_PER_MINUTE: setting(
      'auth',
      'Sign-ins per account and sign-ups per IP per minute (sign-ins per IP: five times this).',
      positiveInt.max(10_000).default(10),
    ),
    // GraphQL limits
    GRAPHQL_MAX_DEPTH: setting('graphql', 'Maximum query depth.', positiveInt.max(50).default(12)),
    GRAPHQL_MAX_ALIASES: setting('graphql', 'Maximum aliases per document.', positiveInt.max(100).default(15)),
    GRAPHQL_MAX_COST: setting('graphql', 'Maximum computed query cost.', positiveInt.max(100_000).default(5000)),
    GRAPHQL_MAX_TOKENS: setting(
      'graphql',
      'Maximum lexical tokens per document.',
      positiveInt.max(100_000).default(2000),
    ),
    // Storage and media
    S3_ENDPOINT: setting(
      'storage',
      'S3 API endpoint (AWS, MinIO, R2, …). Unset: the embedded S3-compatible server is started. Required in production.',
      z.url().optional(),
    ),
    S3_REGION: setting('storage', 'Region used for signing.', z.string().min(1).default('us-east-1')),
    S3_ACCESS_KEY_ID: secret('storage', 'Access key id; required with `S3_ENDPOINT`.', z.string().min(1).optional()),
    S3_SECRET_ACCESS_KEY: secret(
      'storage',
      'Secret access key; required with `S3_ENDPOINT`.',
      z.string().min(1).optional(),
    ),
    S3_FORCE_PATH_STYLE: setting('storage', 'Path-style bucket addressing (MinIO, s3rver).', bool.default(true)),
    S3_WEIGHTS_BUCKET: setting(
      'storage',
      'Private bucket for model files: bytes leave only through presigned URLs.',
      bucket.default('lookbook-weights'),
    ),
    S3_MEDIA_BUCKET: setting(
      'storage',
      'Bucket for sample images and thumbnails (its `media/` prefix is public); must differ from the weights bucket.',
      bucket.default('lookbook-media'),
    ),
    EMBEDDED_S3_PORT: setting('storage', 'Port of the embedded S3 server.', port.default(54330)),
    MEDIA_PUBLIC_URL: setting(
      'storage',
      "Where public media (sample images, thumbnails) is served: a CDN in front of the media bucket's `media/` prefix in production; otherwise the API serves `/media/*` itself.",
      z.url().optional(),
      { defaultText: '`$PUBLIC_URL/media`, else `/media`' },
    ),
    // Payments
    PAYMENTS_PROVIDER: setting(
      'payments',
      '`local` is the embedded gateway (refused in production); `stripe` is Stripe Connect.',
      z.enum(['local', 'stripe']).default('local'),
    ),
    STRIPE_SECRET_KEY: secret(
      'payments',
      'Stripe secret or restricted key (`sk_…`/`rk_…`); required with `stripe`.',
      z
        .string()
        .regex(/^(sk|rk)_(test|live)_\w+$/, 'must be a Stripe secret or restricted key (sk_… or rk_…)')
        .optional(),
    ),
    STRIPE_WEBHOOK_SECRET: secret(
      'payments',
      'Signing secret (`whsec_…`) of the platform webhook endpoint; required with `stripe`.',
      webhookSecret.optional(),
    ),
    STRIPE_CONNECT_WEBHOOK_SECRET: secret(
      'payments',
      "Signing secret of the Connect webhook endpoint (connected accounts' events: `account.updated`, `payout.*`).",
      webhookSecret.optional(),
    ),
    STRIPE_API_HOST: setting(
      'payments',
      'Where the Stripe SDK connects (tests point it at a local stub).',
      z.string().min(1).optional(),
      { defaultText: '`api.stripe.com`' },
    ),
    STRIPE_API_PORT: setting('payments', 'Port for `STRIPE_API_HOST`.', port.optional(), { defaultText: '`443`' }),
    STRIPE_API_PROTOCOL: setting('payments', 'Protocol for `STRIPE_API_HOST`.', z.enum(['http', 'https']).optional(), {
      defaultText: '`https`',
    }),
    PLATFORM_FEE_BPS: setting(
      'payments',
      'Platform fee in basis points of each sale; the rest is split among the recipients.',
      z.coerce.number().int().min(0).max(10_000).default(1000),
    ),
    PAYOUT_HOLD_HOURS: setting(
      'payments',
      "Hold before a sale is transferred to its recipients' payout accounts (a refund window); up to 90 days.",
      z.coerce
        .number()
        .int()
        .min(0)
        .max(24 * 90)
        .default(0),
    ),
    REFUND_WINDOW_DAYS: setting(
      'payments',
      'How long buyers can refund a purchase themselves.',
      z.coerce.number().int().min(0).max(365).default(14),
    ),
    CHECKOUT_TTL_MINUTES: setting(
      'payments',
      'Checkout sessions expire after this (30 minutes to 24 hours).',
      z.coerce
        .number()
        .int()
        .min(30)
        .max(24 * 60)
        .default(60),
    ),
    LOCAL_GATEWAY_WEBHOOK_URL: setting(
      'payments',
      "Where the local gateway delivers its signed events (the API's own listening address, not the public one).",
      z.url().optional(),
      { defaultText: '`http://$HOST:$PORT/webhooks/stripe`' },
    ),
    // Search
    SEARCH_ENGINE: setting(
      'search',
      '`postgres` (the embedded default: full text and pg_trgm in the main database) or `meilisearch`.',
      z.enum(['postgres', 'meilisearch']).default('postgres'),
    ),
    MEILI_URL: setting('search', "Meilisearch's URL; required with `SEARCH_ENGINE=meilisearch`.", z.url().optional()),
    MEILI_API_KEY: secret(
      'search',
      'Meilisearch key with document, settings, index and task rights.',
      z.string().min(1).optional(),
    ),
    MEILI_INDEX_PREFIX: setting(
      'search',
      'Index uids are `<prefix>_models` (and `<prefix>_models__next` while a reindex builds).',
      z
        .string()
        .regex(/^[a-z][a-z0-9_-]{0,40}$/, 'must be lowercase letters, digits, - or _')
        .default('lookbook'),
    ),
    MEILI_TASK_TIMEOUT_MS: setting(
      'search',
      'How long a Meilisearch task may take before the write counts as failed and is retried.',
      positiveInt.max(600_000).default(30_000),
    ),
    // Mail
    SMTP_URL: secret(
      'mail',
      'SMTP relay that sends mail (`smtp://user:pass@host:587` upgrades with STARTTLS, `smtps://…:465` is TLS from the start; the URL carries its password). Required in production. Unset: an in-process SMTP sink on 127.0.0.1 receives every mail and the development inbox (`/dev/inbox`) shows it.',
      z
        .url()
        .refine((u) => /^smtps?:\/\//.test(u), 'must be an smtp:// or smtps:// URL')
        .optional(),
    ),
    MAIL_FROM: setting(
      'mail',
      'The sender of every mail (`Name <address>` or a bare address); its domain also names Message-IDs.',
      z
        .string()
        .regex(
          /^(?:[^<>\r\n]{0,80}<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/,
          'must be an address or "Name <address>"',
        )
        .default('Lookbook <no-reply@lookbook.localhost>'),
    ),
    EMBEDDED_SMTP_PORT: setting(
      'mail',
      'Port of the embedded SMTP sink (when `SMTP_URL` is unset).',
      port.default(54331),
    ),
    // Notifications
    NOTIFICATION_READ_RETENTION_DAYS: setting(
      'notifications',
      'A read notification is deleted this many days after it was written (by the daily retention job).',
      positiveInt.max(3650).default(90),
    ),
    NOTIFICATION_RETENTION_DAYS: setting(
      'notifications',
      'Any notification, read or not, is deleted this many days after it was written; at least `NOTIFICATION_READ_RETENTION_DAYS`.',
      positiveInt.max(3650).default(365),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    for (const name of [
      'DATABASE_URL',
      'AUTH_SECRET',
      'PUBLIC_URL',
      'S3_ENDPOINT',
      'LICENSE_SIGNING_KEYS',
      'SMTP_URL',
    ] as const)
      if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is required when NODE_ENV=production' });
    if (env.PAYMENTS_PROVIDER !== 'stripe')
      ctx.addIssue({
        code: 'custom',
        path: ['PAYMENTS_PROVIDER'],
        message: 'must be "stripe" when NODE_ENV=production (the local gateway is for development and tests)',
      });
  })
  .superRefine((env, ctx) => {
    if (env.PAYMENTS_PROVIDER !== 'stripe') return;
    for (const name of ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'] as const)
      if (!env[name])
        ctx.addIssue({ code: 'custom', path: [name], message: 'is required when PAYMENTS_PROVIDER=stripe' });
  })
  .superRefine((env, ctx) => {
    if (env.NOTIFICATION_RETENTION_DAYS < env.NOTIFICATION_READ_RETENTION_DAYS)
      ctx.addIssue({
        code: 'custom',
        path: ['NOTIFICATION_RETENTION_DAYS'],
        message: 'must be at least NOTIFICATION_READ_RETENTION_DAYS',
      });
  })
  .superRefine((env, ctx) => {
    if (env.SEARCH_ENGINE === 'meilisearch' && !env.MEILI_URL)
      ctx.addIssue({ code: 'custom', path: ['MEILI_URL'], message: 'is required when SEARCH_ENGINE=meilisearch' });
  })
  .superRefine((env, ctx) => {
    if (env.S3_ENDPOINT && (!env.S3_ACCESS_KEY_ID || !env.S3_SECRET_ACCESS_KEY))
      ctx.addIssue({
        code: 'custom',
        path: ['S3_ACCESS_KEY_ID'],
        message: 'and S3_SECRET_ACCESS_KEY are required with S3_ENDPOINT',
      });
    if (env.S3_WEIGHTS_BUCKET === env.S3_MEDIA_BUCKET)
      ctx.addIssue({
        code: 'custom',
        path: ['S3_MEDIA_BUCKET'],
        message: 'must differ from S3_WEIGHTS_BUCKET (weights stay private)',
      });
  });

export type ConfigVariableName = keyof typeof configSchema.shape;

/** Whether a variable's value must never be shown. Unknown names count as sensitive (fail closed). */
export function isSensitive(name: string): boolean {
  const type = (configSchema.shape as Record<string, z.ZodType | undefined>)[name];
  return type === undefined ? true : (configDocs.get(type)?.sensitive ?? true);
}
