import type { LoadedCaseFile, SqlClass } from './sql-classes';
import { checkCases, findSqlClasses, sqlClassesIn, sqlSourceFiles } from './sql-classes';
import { join } from 'node:path';

const SOURCE = `
import { Injectable } from '@nestjs/common';

@Injectable()
export class WidgetRepository {
  constructor(private readonly dataSource: DataSource) {}
  private repo() { return this.dataSource; }
  protected helper() { return 1; }
  static make() { return 2; }
  get client() { return this.dataSource; }
  byId(id: string) { return this.repo().query('SELECT 1', [id]); }
  async insert(widget: object): Promise<void> { await this.repo().query('INSERT', [widget]); }
}

export class NotInjected { query() { return 1; } }

@Injectable()
class Hidden { run() { return 1; } }
`;

const widget = (methods: string[] = ['byId', 'insert']): SqlClass => ({
  name: 'WidgetRepository',
  file: 'libs/server/shop/src/lib/widget.repository.ts',
  domain: 'libs/server/shop',
  methods,
  exported: true,
});
const casesFile = (classes: LoadedCaseFile['cases']['classes'], domain = 'libs/server/shop'): LoadedCaseFile => ({
  path: `${domain}/sql/cases.ts`,
  domain,
  cases: { classes },
});
const args = () => [];

describe('sqlClassesIn', () => {
  it('finds @Injectable classes and the methods callers reach: not private, protected, static or accessors', () => {
    const found = sqlClassesIn('libs/server/shop/src/lib/widget.repository.ts', SOURCE);
    expect(found).toEqual([
      { ...widget(), methods: ['byId', 'insert'] },
      { name: 'Hidden', file: widget().file, domain: 'libs/server/shop', methods: ['run'], exported: false },
    ]);
  });
});

describe('checkCases', () => {
  it('passes when every method has a case or a reason', () => {
    expect(
      checkCases([widget()], [casesFile({ WidgetRepository: { byId: args, insert: { notCaptured: 'x' } } })]),
    ).toEqual([]);
  });

  it('names a method without a case, where to add it and how to excuse it', () => {
    const problems = checkCases([widget()], [casesFile({ WidgetRepository: { byId: args } })]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(
      'WidgetRepository.insert (libs/server/shop/src/lib/widget.repository.ts) has no SQL case',
    );
    expect(problems[0]).toContain('libs/server/shop/sql/cases.ts');
    expect(problems[0]).toContain('notCaptured');
  });

  it('flags every method of a class nobody wrote cases for', () => {
    expect(checkCases([widget(['a', 'b', 'c'])], [])).toHaveLength(3);
  });

  it('names a case whose method no longer exists (renamed or moved), with the methods there are', () => {
    const problems = checkCases(
      [widget()],
      [casesFile({ WidgetRepository: { byId: args, insert: args, byName: args } })],
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /WidgetRepository\.byName, which .* does not declare .* Its public methods: byId, insert\./,
      ),
    ]);
  });

  it('names cases for a class that no longer exists, and cases kept in another domain', () => {
    const gone = checkCases(
      [widget()],
      [casesFile({ WidgetRepository: { byId: args, insert: args }, GadgetRepository: { x: args } })],
    );
    expect(gone).toEqual([expect.stringContaining('cases for GadgetRepository, which no SQL class declares')]);
    const elsewhere = checkCases(
      [widget()],
      [casesFile({ WidgetRepository: { byId: args, insert: args } }, 'libs/server/other')],
    );
    expect(elsewhere).toEqual([expect.stringContaining('move them to libs/server/shop/sql/cases.ts')]);
  });

  it('refuses a reason left empty, an empty list of cases, an unexported class, a duplicate name', () => {
    expect(
      checkCases([widget()], [casesFile({ WidgetRepository: { byId: [], insert: { notCaptured: ' ' } } })]),
    ).toHaveLength(2);
    expect(checkCases([{ ...widget([]), exported: false }], [])).toEqual([expect.stringContaining('not exported')]);
    expect(checkCases([widget([]), { ...widget([]), file: 'libs/server/shop/src/b.repository.ts' }], [])).toEqual([
      expect.stringContaining('declared twice'),
      expect.stringContaining('declared twice'),
    ]);
  });
});

describe('the SQL classes of this repository', () => {
  const root = join(__dirname, '..', '..', '..', '..', '..', '..');

  it('include every repository and the declared stores, never a spec', () => {
    const files = sqlSourceFiles(root);
    expect(files).toEqual(
      expect.arrayContaining([
        'libs/server/ledger/src/lib/ledger.service.ts',
        'libs/server/core/src/lib/jobs/job-queue.ts',
      ]),
    );
    expect(files.filter((f) => f.endsWith('.repository.ts')).length).toBeGreaterThan(20);
    expect(files.filter((f) => /spec\.ts$/.test(f))).toEqual([]);
    const names = findSqlClasses(root).map((c) => c.name);
    expect(names).toEqual(
      expect.arrayContaining(['UserRepository', 'LedgerService', 'JobQueue', 'PostgresSearchEngine']),
    );
  });
});
