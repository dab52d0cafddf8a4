import { z } from 'zod';

/**
 * A background task, declared once (in `<domain>.tasks.ts`): its name, the schema of its payload and the job key that
 * deduplicates it. Enqueueing and handling both go through the definition, so a payload can never drift from what
 * its handler reads, and every enqueue of the same work carries the same key.
 */
export interface TaskDefinition<P extends Record<string, unknown>> {
  /** `<domain>.<verb>`, e.g. `commerce.refund`. */
  readonly name: string;
  readonly payload: z.ZodType<P>;
  /** The job key: a pending job with the same key is replaced, never doubled. Absent: every enqueue is a new job. */
  readonly key?: (payload: P) => string;
  /** Crontab line (`m h dom mon dow`): the worker enqueues it on this schedule, once per tick cluster-wide. */
  readonly schedule?: string;
}

export type PayloadOf<T> = T extends TaskDefinition<infer P> ? P : never;

export function defineTask<P extends Record<string, unknown>>(definition: TaskDefinition<P>): TaskDefinition<P> {
  if (!/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/.test(definition.name)) {
    throw new Error(`Task names are "<domain>.<verb>": ${definition.name}`);
  }
  return Object.freeze({ ...definition });
}

/** Scheduled tasks take no payload of their own (the queue adds its cron metadata, which is ignored). */
export function defineScheduledTask(name: string, schedule: string): TaskDefinition<Record<string, unknown>> {
  return defineTask({ name, schedule, payload: z.looseObject({}) });
}
