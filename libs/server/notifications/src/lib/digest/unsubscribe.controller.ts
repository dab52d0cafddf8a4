import { Controller, Get, Header, HttpCode, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public } from '@lookbook/core';
import { KIND_LABELS } from './notification-mail';
import { PreferenceService } from '../preferences/preference.service';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
  `<title>${escapeHtml(title)}</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem">` +
  `<h1>${escapeHtml(title)}</h1>${body}<p><a href="/settings/notifications">Notification settings</a></p></body></html>`;

const what = (scope: string) =>
  scope === 'DIGEST'
    ? 'the daily digest'
    : (KIND_LABELS[scope as keyof typeof KIND_LABELS] ?? 'these mails').toLowerCase();

/**
 * One-click unsubscribe (RFC 8058) from the signed link in every notification mail: POST (what mail clients send
 * for `List-Unsubscribe-Post`) turns that mail off without signing in; GET (a person following the link, or a link
 * scanner) only shows a button that POSTs, so prefetching a mail never unsubscribes anyone. A tampered, foreign or
 * incomplete link is refused (400) and changes nothing.
 */
@Public()
@Controller('api/v1/notifications/unsubscribe')
export class UnsubscribeController {
  constructor(private readonly preferences: PreferenceService) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  confirm(@Query('u') userId = '', @Query('k') scope = '', @Query('t') token = ''): string {
    const action = `?${new URLSearchParams({ u: userId, k: scope, t: token }).toString()}`;
    return page(
      `Stop ${what(scope)} by mail?`,
      `<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click">` +
        `<button type="submit">Unsubscribe</button></form>`,
    );
  }

  @Post()
  @HttpCode(200)
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async unsubscribe(
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('u') userId = '',
    @Query('k') scope = '',
    @Query('t') token = '',
  ): Promise<string> {
    const outcome = await this.preferences.unsubscribe(String(userId), String(scope), String(token));
    if (!outcome.ok) {
      void reply.status(400);
      return page(
        'This link is not valid',
        '<p>Nothing was changed. Use the newest mail’s link, or your settings.</p>',
      );
    }
    return page('Unsubscribed', `<p>You will no longer get ${escapeHtml(what(scope))} by mail.</p>`);
  }
}
