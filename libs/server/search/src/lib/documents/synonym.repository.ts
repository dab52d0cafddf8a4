import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Search synonyms (`search.synonym`, seeded from base models and types): one table feeds every engine. */
@Injectable()
export class SynonymRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `{ term: [synonyms…] }`, terms and synonyms sorted, so the same table always gives the same settings. */
  async all(): Promise<Record<string, string[]>> {
    const rows = await this.dataSource.query<{ term: string; synonyms: string[] }[]>(
      `SELECT term, array_agg(synonym ORDER BY synonym) AS synonyms FROM search.synonym GROUP BY term ORDER BY term`,
    );
    return Object.fromEntries(rows.map((r) => [r.term, r.synonyms]));
  }
}
