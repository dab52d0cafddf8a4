import { Injectable } from '@nestjs/common';
import type { JobHandler } from '@lookbook/core';
import { Clock, JobTask } from '@lookbook/core';
import { IdentityTasks } from '../identity.tasks';
import { SessionRepository } from './session.repository';

const GRACE_MS = 7 * 86_400_000;

/** Hourly: drop sessions (and their refresh tokens) a week after they expired or were revoked. */
@Injectable()
@JobTask(IdentityTasks.sweepSessions)
export class SweepSessionsJob implements JobHandler {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly clock: Clock,
  ) {}

  async handle(): Promise<void> {
    await this.sessions.deleteExpired(new Date(this.clock.now().getTime() - GRACE_MS));
  }
}
