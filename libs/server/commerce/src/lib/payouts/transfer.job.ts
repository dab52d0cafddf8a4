import { Injectable } from '@nestjs/common';
import type { JobHandler, PayloadOf } from '@lookbook/core';
import { JobTask } from '@lookbook/core';
import { CommerceTasks } from '../commerce.tasks';
import { TransferService } from './transfer.service';

@Injectable()
@JobTask(CommerceTasks.transfer)
export class TransferJob implements JobHandler<PayloadOf<typeof CommerceTasks.transfer>> {
  constructor(private readonly transfers: TransferService) {}

  async handle({ orderId, recipientId, line }: PayloadOf<typeof CommerceTasks.transfer>): Promise<void> {
    await this.transfers.run(orderId, recipientId, line ?? 1);
  }
}
