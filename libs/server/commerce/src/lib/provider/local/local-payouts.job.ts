import { Injectable } from '@nestjs/common';
import type { JobHandler } from '@lookbook/core';
import { JobTask } from '@lookbook/core';
import { LocalGatewayTasks } from '../../commerce.tasks';
import { LocalGatewaySimulator } from './local-gateway.simulator';

/** What Stripe does on its own clock: pay connected balances out to banks. */
@Injectable()
@JobTask(LocalGatewayTasks.payouts)
export class LocalPayoutsJob implements JobHandler {
  constructor(private readonly gateway: LocalGatewaySimulator) {}

  async handle(): Promise<void> {
    await this.gateway.payOutAll();
  }
}
