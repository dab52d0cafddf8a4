import type { z } from 'zod';
import { configSchema, isSensitive } from './config.schema';

/** The variables, their rules and their documentation live in `config.schema.ts`. */
type Env = z.output<typeof configSchema>;

export interface AppConfig {
  readonly env: Env['NODE_ENV'];
  readonly isProduction: boolean;
  readonly http: {
    host: string;
    port: number;
    /**
     * `PUBLIC_URL` when configured: canonical — absolute URLs use it, and HTML pages opened on another host redirect
     * to it. Absent: absolute URLs built in a request use that request's origin (see `publicBaseUrl`).
     */
    canonicalUrl: string | undefined;
    /** Absolute URLs built outside any request when no `PUBLIC_URL` is set: `http://localhost:$PORT`. */
    defaultUrl: string;
    trustProxy: boolean;
  };
  readonly logLevel: Env['LOG_LEVEL'];
  readonly dataDir: string;
  readonly database: { url: string | undefined; poolMax: number; embeddedPort: number };
  readonly auth: {
    /** Absent outside production: the embedded default keeps a generated secret under DATA_DIR. */
    secret: string | undefined;
    /** JSON array of Ed25519 private JWKs (each with a kid), newest first; absent outside production: generated. */
    licenseSigningKeys: string | undefined;
    accessTokenTtlSeconds: number;
    sessionTtlDays: number;
    rateLimitPerMinute: number;
  };
  readonly graphql: { maxDepth: number; maxAliases: number; maxCost: number; maxTokens: number };
  readonly storage: {
    /** Absent outside production: the embedded S3-compatible server is started instead. */
    endpoint: string | undefined;
    region: string;
    accessKeyId: string | undefined;
    secretAccessKey: string | undefined;
    forcePathStyle: boolean;
    weightsBucket: string;
    mediaBucket: string;
    embeddedPort: number;
    /**
     * Where public media (sample images, thumbnails) is served from: `MEDIA_PUBLIC_URL` (a CDN in production), else
     * the API's own `/media` — under `PUBLIC_URL` when configured, else relative (`/media`), so pages on any host load
     * media from their own origin.
     */
    mediaPublicUrl: string;
  };
  /** Anonymous public catalog reads are cached this long in-process (0 turns the cache off). */
  readonly publicCacheTtlMs: number;
  /** Adds `x-sql-statements` (statements the request ran) to responses: tests and benchmarks, never production. */
  readonly sqlStatementHeader: boolean;
  readonly web: { distDir: string };
  readonly worker: { concurrency: number };
  readonly payments: {
    provider: 'local' | 'stripe';
    /** Stripe only (required with it). */
    stripeSecretKey: string | undefined;
    /** Stripe: the endpoint's signing secret. Local gateway: absent, derived from the auth secret. */
    webhookSecret: string | undefined;
    connectWebhookSecret: string | undefined;
    /** Tests point the Stripe SDK at a local stub. */
    stripeApi: { host: string | undefined; port: number | undefined; protocol: 'http' | 'https' | undefined };
    platformFeeBps: number;
    payoutHoldHours: number;
    refundWindowDays: number;
    checkoutTtlMinutes: number;
    /** Where the local gateway delivers its events (default: http://HOST:PORT/webhooks/stripe). */
    localGatewayWebhookUrl: string;
  };
  readonly search: {
    /** `postgres` (default; full text + pg_trgm in the main database) or `meilisearch` (production). */
    engine: 'postgres' | 'meilisearch';
    meiliUrl: string | undefined;
    meiliApiKey: string | undefined;
    /** Index uids are `<prefix>_models` (and `<prefix>_models__next` while a reindex builds). */
    meiliIndexPrefix: string;
    /** How long a Meilisearch task may take before the write counts as failed (and is retried). */
    meiliTaskTimeoutMs: number;
  };
  readonly mail: {
    /** Absent outside production: the embedded SMTP sink receives every mail (the development inbox shows it). */
    smtpUrl: string | undefined;
    from: string;
    embeddedPort: number;
  };
  /** Days after which the retention job deletes a read notification, and any notification. */
  readonly notifications: { readRetentionDays: number; retentionDays: number };
  readonly shutdownTimeoutMs: number;
}

export class ConfigError extends Error {}

/**
 * Validates the environment once. A bad value throws a ConfigError whose message is one line naming the variable,
 * e.g. `Invalid configuration: PORT: Too big: expected number to be <=65535 (got "70000")`.
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty strings mean "unset" so that `FOO= npm start` falls back to the default.
  const raw = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      const got =
        raw[name] === undefined ? '' : isSensitive(name) ? ' (value hidden)' : ` (got ${JSON.stringify(raw[name])})`;
      return `${name}: ${issue.message}${got}`;
    });
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const env = parsed.data;
  const canonicalUrl = env.PUBLIC_URL?.replace(/\/+$/, '');
  return {
    env: env.NODE_ENV,
    isProduction: env.NODE_ENV === 'production',
    http: {
      host: env.HOST,
      port: env.PORT,
      canonicalUrl,
      defaultUrl: canonicalUrl ?? `http://localhost:${env.PORT}`,
      trustProxy: env.TRUST_PROXY,
    },
    logLevel: env.LOG_LEVEL,
    dataDir: env.DATA_DIR,
    database: { url: env.DATABASE_URL, poolMax: env.DATABASE_POOL_MAX, embeddedPort: env.EMBEDDED_POSTGRES_PORT },
    auth: {
      secret: env.AUTH_SECRET,
      licenseSigningKeys: env.LICENSE_SIGNING_KEYS,
      accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
      sessionTtlDays: env.SESSION_TTL_DAYS,
      rateLimitPerMinute: env.AUTH_RATE_LIMIT_PER_MINUTE,
    },
    graphql: {
      maxDepth: env.GRAPHQL_MAX_DEPTH,
      maxAliases: env.GRAPHQL_MAX_ALIASES,
      maxCost: env.GRAPHQL_MAX_COST,
      maxTokens: env.GRAPHQL_MAX_TOKENS,
    },
    storage: {
      endpoint: env.S3_ENDPOINT,
      region: env.S3_REGION,
      accessKeyId: env.S3_ACCESS_KEY_ID,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
      weightsBucket: env.S3_WEIGHTS_BUCKET,
      mediaBucket: env.S3_MEDIA_BUCKET,
      embeddedPort: env.EMBEDDED_S3_PORT,
      mediaPublicUrl: (env.MEDIA_PUBLIC_URL ?? `${canonicalUrl ?? ''}/media`).replace(/\/$/, ''),
    },
    publicCacheTtlMs: env.PUBLIC_CACHE_TTL_MS,
    sqlStatementHeader: env.SQL_STATEMENT_HEADER && env.NODE_ENV !== 'production',
    web: { distDir: env.WEB_DIST_DIR },
    worker: { concurrency: env.WORKER_CONCURRENCY },
    payments: {
      provider: env.PAYMENTS_PROVIDER,
      stripeSecretKey: env.STRIPE_SECRET_KEY,
      webhookSecret: env.STRIPE_WEBHOOK_SECRET,
      connectWebhookSecret: env.STRIPE_CONNECT_WEBHOOK_SECRET,
      stripeApi: { host: env.STRIPE_API_HOST, port: env.STRIPE_API_PORT, protocol: env.STRIPE_API_PROTOCOL },
      platformFeeBps: env.PLATFORM_FEE_BPS,
      payoutHoldHours: env.PAYOUT_HOLD_HOURS,
      refundWindowDays: env.REFUND_WINDOW_DAYS,
      checkoutTtlMinutes: env.CHECKOUT_TTL_MINUTES,
      // The gateway runs beside the API: it posts to the API's own listening address, not the public one.
      localGatewayWebhookUrl:
        env.LOCAL_GATEWAY_WEBHOOK_URL ??
        `http://${['0.0.0.0', '::'].includes(env.HOST) ? '127.0.0.1' : env.HOST}:${env.PORT}/webhooks/stripe`,
    },
    search: {
      engine: env.SEARCH_ENGINE,
      meiliUrl: env.MEILI_URL,
      meiliApiKey: env.MEILI_API_KEY,
      meiliIndexPrefix: env.MEILI_INDEX_PREFIX,
      meiliTaskTimeoutMs: env.MEILI_TASK_TIMEOUT_MS,
    },
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, embeddedPort: env.EMBEDDED_SMTP_PORT },
    notifications: {
      readRetentionDays: env.NOTIFICATION_READ_RETENTION_DAYS,
      retentionDays: env.NOTIFICATION_RETENTION_DAYS,
    },
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
  };
}

/** Entry points call this: a bad environment prints one line and exits with status 78 (EX_CONFIG). */
export function loadConfigOrExit(source: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(source);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}
