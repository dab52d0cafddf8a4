import { SetMetadata } from '@nestjs/common';
import type { JobHelpers } from 'graphile-worker';
import type { TaskDefinition } from './task';

export const JOB_HANDLER = Symbol('JOB_HANDLER');

/** A job consumer. Throwing makes the queue retry with exponential backoff; handlers must be idempotent. */
export interface JobHandler<TPayload = unknown> {
  handle(payload: TPayload, helpers: JobHelpers): Promise<void>;
}

/** Ties a provider to the task it handles (and the task's schedule, if any). The worker discovers it. */
export const JobTask = <P extends Record<string, unknown>>(task: TaskDefinition<P>): ClassDecorator =>
  SetMetadata(JOB_HANDLER, task);
