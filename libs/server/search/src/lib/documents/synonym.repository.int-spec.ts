import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { SynonymRepository } from './synonym.repository';

describe('SynonymRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let synonyms: SynonymRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([]);
    synonyms = new SynonymRepository(bed.dataSource);
  });
  afterAll(() => bed.close());

  it('reads the seeded synonyms both ways, grouped by term', async () => {
    const all = await synonyms.all();
    expect(all['sdxl']).toEqual(['xl']);
    expect(all['xl']).toEqual(['sdxl']);
    expect(all['lora']).toEqual(['locon', 'lycoris']);
    expect(all['workflow']).toEqual(['wf']);
  });

  it('gives the same settings for the same table: terms and synonyms sorted, whatever the insertion order', async () => {
    await bed.dataSource.query(
      `INSERT INTO search.synonym (term, synonym) VALUES ('zine', 'mag'), ('zine', 'fanzine'), ('aa', 'zz')`,
    );
    const all = await synonyms.all();
    const terms = Object.keys(all);
    expect(terms).toEqual([...terms].sort());
    expect(terms[0]).toBe('aa');
    expect(all['zine']).toEqual(['fanzine', 'mag']);
    for (const list of Object.values(all)) expect(list).toEqual([...list].sort());
    expect(JSON.stringify(await synonyms.all())).toBe(JSON.stringify(all));
  });
});
