import { AsyncLocalStorage } from 'node:async_hooks';
import type { AppConfig } from '../config/config';

const current = new AsyncLocalStorage<string>();

/**
 * A host as a browser sends it: DNS labels or an IPv4 address, or a bracketed IPv6 address, with an optional port.
 * Anything else (spaces, commas of a forwarded list, paths, userinfo, control characters) is not trusted for URLs.
 */
const HOST =
  /^(?:(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?))*|\[[0-9a-f:.]{2,45}\])(?::\d{1,5})?$/i;

/** `http://host[:port]` from a request's protocol and host, or null when the host is not a plain host. */
export function originOf(protocol: string, host: string | undefined): string | null {
  if (!host || host.length > 255 || !HOST.test(host)) return null;
  if (protocol !== 'http' && protocol !== 'https') return null;
  const port = /:(\d+)$/.exec(host)?.[1];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return null;
  return `${protocol}://${host.toLowerCase()}`;
}

/**
 * The origin absolute URLs start with. A configured `PUBLIC_URL` is canonical and always wins. Without one, a request
 * runs inside `RequestOrigin.run` with its own origin (Host, or X-Forwarded-Host/-Proto behind a trusted proxy,
 * validated by `originOf`), so a visitor on `127.0.0.1:3000` is sent back to `127.0.0.1:3000` and keeps the session
 * that lives in that origin's storage. Work without a request (jobs, webhook deliveries) gets the default
 * (`http://localhost:$PORT`).
 */
export const RequestOrigin = {
  /** Runs `work` with the request's origin as the base of absolute URLs (null: the default). */
  run<T>(origin: string | null, work: () => T): T {
    return origin ? current.run(origin, work) : work();
  },
  /** The request's own origin, when inside one. */
  current(): string | undefined {
    return current.getStore();
  },
};

/** The base of absolute URLs built now: `PUBLIC_URL`, else the request's origin, else the default. No trailing `/`. */
export function publicBaseUrl(config: AppConfig): string {
  return config.http.canonicalUrl ?? RequestOrigin.current() ?? config.http.defaultUrl;
}
