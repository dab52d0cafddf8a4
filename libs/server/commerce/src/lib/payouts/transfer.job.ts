import { Injectable } from '@nestjs/common';
import type { JobHandler } from '@lookbook/core';
import { JobTask } from '@lookbook/core';
import { TRANSFER_TASK, TransferService } from './transfer.service';

@Injectable()
@JobTask({ task: TRANSFER_TASK })
export class TransferJob implements JobHandler<{ orderId: string; recipientId: string }> {
  constructor(private readonly transfers: TransferService) {}

  async handle({ orderId, recipientId }: { orderId: string; recipientId: string }): Promise<void> {
    await this.transfers.run(orderId, recipientId);
  }
}
