import { SetMetadata } from '@nestjs/common';
import type { JobHelpers } from 'graphile-worker';

export const JOB_HANDLER = Symbol('JOB_HANDLER');

export interface JobHandlerOptions {
  /** Task identifier, `<domain>.<verb>`, e.g. `identity.sweep-sessions`. */
  task: string;
  /** Optional crontab schedule (`m h dom mon dow`); the worker enqueues the task on it, once per tick cluster-wide. */
  schedule?: string;
}

/** A job consumer. Throwing makes the queue retry with exponential backoff; handlers must be idempotent. */
export interface JobHandler<TPayload = unknown> {
  handle(payload: TPayload, helpers: JobHelpers): Promise<void>;
}

export const JobTask = (options: JobHandlerOptions): ClassDecorator => SetMetadata(JOB_HANDLER, options);
