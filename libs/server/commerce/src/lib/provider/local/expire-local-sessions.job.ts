import { Injectable } from '@nestjs/common';
import type { JobHandler } from '@lookbook/core';
import { JobTask } from '@lookbook/core';
import { LocalGatewayTasks } from '../../commerce.tasks';
import { LocalGatewaySimulator } from './local-gateway.simulator';

/** What Stripe does on its own clock: expire abandoned checkouts. */
@Injectable()
@JobTask(LocalGatewayTasks.expireSessions)
export class ExpireLocalSessionsJob implements JobHandler {
  constructor(private readonly gateway: LocalGatewaySimulator) {}

  async handle(): Promise<void> {
    await this.gateway.expireSessions();
  }
}
