import { Injectable } from '@nestjs/common';
import type { CountedKind, Counts } from './counters/counter';
import { CounterRepository } from './counters/counter.repository';

/** What other domains may ask of community. */
@Injectable()
export class CommunityFacade {
  constructor(private readonly counters: CounterRepository) {}

  /** The counts of many subjects of one kind (one statement); unknown ids read zeros. */
  counts(kind: CountedKind, ids: readonly string[]): Promise<Map<string, Counts>> {
    return this.counters.countsOf(kind, ids);
  }
}
