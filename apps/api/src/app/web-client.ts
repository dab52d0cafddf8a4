import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@lookbook/core';
import { buildPages, ROUTE_MANIFEST_FILE } from './page-routes';

/**
 * Addresses that are never the web app: the API (GraphQL, REST, webhooks, the local payment gateway's pages, health),
 * public media and built assets. Unknown paths under them answer the JSON 404 of the API.
 */
const NOT_THE_APP = /^\/(?:graphql|api|webhooks|\.well-known|healthz|readyz|local-gateway|media|assets)(?:[/?]|$)/;
/** A file name (`/favicon.ico`, `/robots.txt`): a missing file is a plain 404, not a page. */
const FILE_NAME = /\/[^/]*\.[A-Za-z0-9]{1,8}$/;

const pathOf = (url: string) => url.split('?')[0]!;
const queryOf = (url: string) => (url.includes('?') ? url.slice(url.indexOf('?')) : '');
const isRead = (request: FastifyRequest) => request.method === 'GET' || request.method === 'HEAD';
/** A browser navigating (or anything asking for HTML first-class). */
const wantsHtml = (request: FastifyRequest) => /\btext\/html\b/i.test(String(request.headers.accept ?? ''));

/** A page address (not API, media or an asset) — the only addresses that redirect or answer with the app. */
export function isPageAddress(url: string): boolean {
  const path = pathOf(url);
  return !NOT_THE_APP.test(path) && !FILE_NAME.test(path);
}

/**
 * With `PUBLIC_URL` configured, a page opened on another host (an IP, a former domain, `localhost`) moves to the
 * canonical origin, so sessions (kept per origin in the browser) and links all live in one place. Only HTML page
 * reads: the API, webhooks, health checks and media answer on every host.
 */
export function redirectToCanonicalHost(fastify: FastifyInstance, config: AppConfig): void {
  const canonical = config.http.canonicalUrl;
  if (!canonical) return;
  const canonicalHost = new URL(canonical).host.toLowerCase();
  fastify.addHook('onRequest', async (request, reply) => {
    if (!isRead(request) || !wantsHtml(request) || !isPageAddress(request.url)) return;
    if ((request.host ?? '').toLowerCase() === canonicalHost) return;
    await reply.redirect(`${canonical}${request.url.startsWith('/') ? request.url : `/${request.url}`}`, 301);
  });
}

/**
 * The built web client (apps/web → dist/web) is served from `/` when present. Every page address (not the API, media,
 * an asset or a file name) loads the app — opened directly, shared, reloaded, or as the payment provider's return
 * URL. The build's route manifest (`routes.json`, written from the router) says which addresses are pages: those
 * answer 200 whatever the client asks for; any other address a browser asks for as HTML gets the app with status 404,
 * and the app shows its "nothing at this address" page (what a person sees and what a crawler or link checker needs
 * to know). A build without a manifest gets the app with 200 for every HTML page address. A trailing slash is dropped
 * with a 301 (`/account/` → `/account`, the query kept).
 */
export function serveWebClient(app: NestFastifyApplication, config: AppConfig): void {
  const root = resolve(config.web.distDir);
  const index = join(root, 'index.html');
  if (!existsSync(index)) return;
  const logger = new Logger('WebClient');
  const pages = buildPages(root, (message) => logger.warn(message));
  if (!existsSync(join(root, ROUTE_MANIFEST_FILE)))
    logger.warn(`${root} has no ${ROUTE_MANIFEST_FILE}: unknown addresses get the app with status 200`);
  // `preCompressed`: the build writes .br and .gz beside each text asset; they are sent to clients that accept them.
  app.useStaticAssets({ root, prefix: '/', index: ['index.html'], wildcard: false, preCompressed: true });
  const fastify = app.getHttpAdapter().getInstance();
  // Hashed build assets never change; the page itself is revalidated, so a deploy shows at once.
  fastify.addHook('onSend', async (request, reply) => {
    if (request.method !== 'GET' || (reply.statusCode !== 200 && reply.statusCode !== 404)) return;
    if (request.url.startsWith('/assets/') && reply.statusCode === 200)
      void reply.header('cache-control', 'public, max-age=31536000, immutable');
    else if (String(reply.getHeader('content-type') ?? '').startsWith('text/html'))
      void reply.header('cache-control', 'no-cache');
  });
  // No route of the server matched (static files and the API's routes have theirs).
  fastify.addHook('onRequest', async (request, reply) => {
    if (!request.is404 || !isRead(request) || !isPageAddress(request.url)) return;
    const path = pathOf(request.url);
    if (path.length > 1 && path.endsWith('/')) {
      const trimmed = path.replace(/\/+$/, '');
      // `//evil.example/` must not become a protocol-relative redirect to another site.
      if (trimmed === '' || /^\/[/\\]/.test(trimmed)) return sendApp(reply, index, 404);
      return reply.redirect(`${trimmed}${queryOf(request.url)}`, 301);
    }
    const isPage = await pages();
    if (isPage ? isPage(path) : wantsHtml(request)) return sendApp(reply, index, 200);
    if (wantsHtml(request)) return sendApp(reply, index, 404);
  });
}

/** index.html, read per request (a rebuilt client is served at once); small, and compressed on the way out. */
async function sendApp(reply: FastifyReply, index: string, status: number): Promise<FastifyReply> {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .send(await readFile(index));
}
