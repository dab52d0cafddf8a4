import type { ObjectLiteral, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * Inserts a row unless one with the same key exists (`ON CONFLICT DO NOTHING`) and says whether it did: the way
 * repositories record things that arrive more than once (provider events, disputes, reversals) exactly once.
 */
export async function insertIfAbsent<E extends ObjectLiteral>(
  repository: Repository<E>,
  values: QueryDeepPartialEntity<E>,
): Promise<boolean> {
  const result = await repository.createQueryBuilder().insert().values(values).orIgnore().returning('*').execute();
  return (result.raw as unknown[]).length > 0;
}
