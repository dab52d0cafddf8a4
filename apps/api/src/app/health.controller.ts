import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public, Readiness } from '@lookbook/core';

@Controller()
export class HealthController {
  constructor(private readonly readiness: Readiness) {}

  /** Liveness: the process is up and serving. Never touches dependencies. */
  @Public()
  @Get('healthz')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: dependencies reachable. 503 takes this instance out of a load balancer until it recovers. */
  @Public()
  @Get('readyz')
  async ready(@Res() reply: FastifyReply): Promise<void> {
    const report = await this.readiness.check();
    await reply.status(report.ready ? 200 : 503).send({ status: report.ready ? 'ready' : 'unavailable', ...report });
  }
}
