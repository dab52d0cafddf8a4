import { Controller, Get, Req, Res } from '@nestjs/common';
import { createSession } from 'better-sse';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '@lookbook/core';
import { CurrentActor } from '@lookbook/core';
import { NotificationHub } from './notification-hub.service';

/** Heartbeat: a comment line this often keeps proxies from closing an idle stream. */
export const KEEP_ALIVE_MS = 20_000;

/**
 * The live bell: a Server-Sent Events stream of the member's unread count (`event: unread`, `data: {"count":n}`), sent
 * on connect and whenever it changes. Signed-in sessions and API keys with the `read` scope; the client sends its
 * credential as a header (fetch + an event-stream parser), so no token travels in a URL.
 */
@Controller('api/v1/me/notifications')
export class NotificationStreamController {
  constructor(private readonly hub: NotificationHub) {}

  @Get('stream')
  async stream(@CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    reply.hijack();
    const session = await createSession(request.raw, reply.raw, {
      keepAlive: KEEP_ALIVE_MS,
      retry: 5_000,
      headers: { 'Cache-Control': 'no-cache, no-store', 'X-Accel-Buffering': 'no' },
    });
    const detach = await this.hub.attach(actor.userId, {
      push: (data, event) => {
        if (session.isConnected) session.push(data, event);
      },
      close: () => reply.raw.end(),
    });
    if (!session.isConnected) detach();
    else session.once('disconnected', detach);
  }
}
