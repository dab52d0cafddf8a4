import { memoryWorkspace } from '../workspace';
import { sqlFindings, sqlOutsideRepositories } from './sql-outside-repositories';

const SERVICE = 'libs/server/shop/src/lib/orders/order.service.ts';
const places = { 'libs/server/core/src/lib/database/**': 'core plumbing', '**/*.*spec.ts': 'specs' };
const check = (tree: Record<string, string>, declared: Record<string, string> = places) =>
  sqlOutsideRepositories(declared).check(memoryWorkspace(tree));
/** Keeps the declared places in use, so only the file under test can fail. */
const plumbing = {
  'libs/server/core/src/lib/database/transactions.ts': "import { DataSource } from 'typeorm';",
  'libs/server/core/src/lib/database/transactions.spec.ts': "db.query('SELECT 1 FROM x')",
};

describe('sql-outside-repositories', () => {
  it.each([
    ["import { DataSource } from 'typeorm';", 'imports DataSource from typeorm'],
    ["import type { SelectQueryBuilder } from 'typeorm';", 'imports SelectQueryBuilder from typeorm'],
    ["import { DataSource as Db } from 'typeorm';", 'imports DataSource from typeorm'],
    ["import { InjectRepository } from '@nestjs/typeorm';", 'imports InjectRepository from @nestjs/typeorm'],
    ['await manager.query(sql, [id]);', 'runs SQL with .query()'],
    ["await this.dataSource.query('SELECT 1');", 'runs SQL with .query()'],
    ["manager.createQueryBuilder(Order, 'o').where('o.id = :id');", 'calls .createQueryBuilder()'],
    ['manager.getRepository(Order).save(row);', 'calls .getRepository()'],
    ['const SQL = `SELECT id FROM shop.order WHERE buyer_id = $1`;', 'holds SQL text'],
    ["const s = 'INSERT INTO shop.order (id) VALUES ($1)';", 'holds SQL text'],
    ['const s = `UPDATE shop.order SET status = $2 WHERE id = ${id}`;', 'holds SQL text'],
    ["const s = 'WITH RECURSIVE up AS (SELECT 1) SELECT * FROM up';", 'holds SQL text'],
  ])('fails a service that does %s', (code, what) => {
    const violations = check({ ...plumbing, [SERVICE]: `\n${code}\n` });
    expect(violations.map((v) => [v.file, v.line, v.message])).toContainEqual([
      SERVICE,
      2,
      `${what} outside a repository`,
    ]);
    expect(violations.every((v) => v.file === SERVICE)).toBe(true);
  });

  it.each([
    ["import type { EntityManager } from 'typeorm';"],
    ["import { QueryFailedError } from 'typeorm';"],
    ['await this.orders.byBuyer(manager, buyerId);'],
    ['const result = await query.query(undefined, context, variables);'],
    ["const s = 'Select a file from your disk to update the model';"],
    ["const s = 'Order the items by date';"],
  ])('passes a service that does %s', (code) => {
    expect(check({ ...plumbing, [SERVICE]: code })).toEqual([]);
  });

  it('lets repositories and the declared places hold SQL', () => {
    const sql = "import { DataSource } from 'typeorm';\nawait ds.query('DELETE FROM shop.order');";
    expect(
      check({
        ...plumbing,
        'libs/server/shop/src/lib/orders/order.repository.ts': sql,
        'libs/server/core/src/lib/database/migrate.ts': sql,
        'libs/server/shop/src/lib/orders/order.repository.int-spec.ts': sql,
      }),
    ).toEqual([]);
  });

  it('ignores browser code, which cannot reach a database', () => {
    const code = "client.query('SELECT 1 FROM x'); cache.getRepository();";
    expect(check({ ...plumbing, 'apps/web/src/features/x/x-page.tsx': code, 'libs/web/ui/src/x.ts': code })).toEqual(
      [],
    );
  });

  it('fails a declared place that no longer touches SQL, so the list stays true', () => {
    const violations = check(
      { ...plumbing, 'libs/server/ledger/src/ledger.service.ts': 'export const x = 1;' },
      {
        ...places,
        'libs/server/ledger/**': 'the ledger store',
      },
    );
    expect(violations).toEqual([
      expect.objectContaining({
        file: 'tools/house-rules/allow-list.ts',
        message: expect.stringContaining('libs/server/ledger/**'),
      }),
    ]);
  });

  it('reports each finding on its own line', () => {
    const findings = sqlFindings(
      SERVICE,
      "import { DataSource } from 'typeorm';\n\nds.query(`\n  SELECT 1 FROM t`);\n",
    );
    expect(findings).toEqual([
      { line: 1, what: 'imports DataSource from typeorm' },
      { line: 3, what: 'runs SQL with .query()' },
      { line: 3, what: 'holds SQL text' },
    ]);
  });
});
