import { Injectable } from '@nestjs/common';
import type { JobHandler, PayloadOf } from '@lookbook/core';
import { JobTask } from '@lookbook/core';
import { IdentityTasks } from '../identity.tasks';
import { PasswordResetService } from './password-reset.service';

/** Mails the reset link of a request, if an account has its address (the request itself never looks). */
@Injectable()
@JobTask(IdentityTasks.sendPasswordReset)
export class SendPasswordResetJob implements JobHandler<PayloadOf<typeof IdentityTasks.sendPasswordReset>> {
  constructor(private readonly resets: PasswordResetService) {}

  async handle({ email, baseUrl }: PayloadOf<typeof IdentityTasks.sendPasswordReset>): Promise<void> {
    await this.resets.sendLink(email, baseUrl);
  }
}
