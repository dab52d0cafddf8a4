import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { DataSource, getMetadataArgsStorage } from 'typeorm';
import { Clock, typeormOptions } from '@lookbook/core';
import { formatSql } from './format-sql';
import { SYNC_COMMAND } from './snapshot-diff';
import type { SqlCase, SqlCaseFile, SqlMethodCases, SqlWorld } from './sql-cases';
import type { LoadedCaseFile, SqlClass } from './sql-classes';
import { checkCases, findSqlClasses, isNotCaptured } from './sql-classes';
import { buildSqlWorld } from './sql-world';

/**
 * Domains in dependency order: their cases run in this order (later domains' `prepare` may read what earlier cases
 * wrote). A domain not listed runs after these, alphabetically.
 */
const DOMAIN_ORDER = ['core', 'identity', 'ledger', 'catalog', 'licensing', 'templates', 'search', 'commerce'];

export interface SnapshotRun {
  /** Repository-relative path of each snapshot → its generated text. */
  files: Map<string, string>;
  /** Snapshot files committed now (to compare, and to remove when their class is gone). */
  committed: Map<string, string>;
  problems: string[];
  statements: number;
}

/** Collects what TypeORM sends while a case runs (TypeORM calls its logger for every statement). */
class StatementCapture implements TypeOrmLogger {
  private statements: string[] | null = null;
  start(): void {
    this.statements = [];
  }
  stop(): string[] {
    const captured = this.statements ?? [];
    this.statements = null;
    return captured;
  }
  logQuery(query: string): void {
    this.statements?.push(query);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

interface CaseResult {
  className: string;
  method: string;
  name?: string;
  statements: string[];
  notCaptured?: string;
}

/**
 * Runs every case against `url` (an empty database migrated like production) and renders the snapshots: one file per
 * class, `libs/server/<domain>/sql/<class>.sql`, methods in name order, each statement normalised (`formatSql`).
 */
export async function generateSqlSnapshots(root: string, url: string): Promise<SnapshotRun> {
  const classes = findSqlClasses(root);
  const caseFiles = await loadCaseFiles(root);
  const problems = checkCases(classes, caseFiles);
  const constructors = new Map<string, Type>();
  for (const file of new Set(classes.map((c) => c.file))) {
    const exports = (await import(join(root, file))) as Record<string, unknown>;
    for (const c of classes.filter((k) => k.file === file && k.exported)) {
      const ctor = exports[c.name];
      if (typeof ctor === 'function') constructors.set(c.name, ctor as Type);
    }
  }

  const capture = new StatementCapture();
  const entities = await loadEntities(root);
  const options = typeormOptions({ url, poolMax: 8, applicationName: 'lookbook-sql-snapshots' });
  const extra = caseFiles.flatMap((file) => file.cases.providers ?? []);
  const moduleRef = await Test.createTestingModule({
    imports: [
      TypeOrmModule.forRoot({
        ...options,
        entities,
        logger: capture,
        retryAttempts: 0,
        // Connections stay open for the whole run (warmed below): statements issued at once keep their order.
        extra: { ...(options.extra as object), idleTimeoutMillis: 0 },
      }),
      TypeOrmModule.forFeature(entities),
    ],
    providers: [Clock, ...constructors.values(), ...extra],
  })
    .setLogger({ log: () => undefined, error: () => undefined, warn: () => undefined })
    .compile()
    .catch((error: unknown) => {
      throw new Error(
        `The SQL classes could not be constructed (${describe(error)}). A class that injects more than the ` +
          `DataSource, TypeORM repositories, the clock and other SQL classes needs it under \`providers\` in its ` +
          `domain's sql/cases.ts.`,
      );
    });
  const results: CaseResult[] = [];
  try {
    const dataSource = moduleRef.get(DataSource);
    const instance = (className: string): Record<string, unknown> => {
      const ctor = constructors.get(className);
      if (!ctor) throw new Error(`No SQL class is named ${className} (moved or renamed?)`);
      return moduleRef.get(ctor);
    };
    await Promise.all(Array.from({ length: 8 }, () => dataSource.query('SELECT 1')));
    const world = await buildSqlWorld(dataSource, instance);
    for (const file of caseFiles) {
      if (file.cases.prepare) {
        try {
          await file.cases.prepare(world);
        } catch (error) {
          problems.push(`${file.path}: prepare failed: ${describe(error)}`);
          continue;
        }
      }
      for (const [className, methods] of Object.entries(file.cases.classes)) {
        if (!constructors.has(className)) continue; // reported by checkCases
        const target = instance(className);
        for (const [method, cases] of Object.entries(methods)) {
          if (isNotCaptured(cases)) {
            results.push({ className, method, statements: [], notCaptured: cases.notCaptured });
            continue;
          }
          if (typeof target[method] !== 'function') continue; // reported by checkCases
          for (const c of caseList(cases)) {
            const label = `${className}.${method}${c.name ? ` (${c.name})` : ''}`;
            const outcome = await runCase(dataSource, capture, world, target, method, c);
            if (outcome.error) {
              problems.push(`${label} (${file.path}) threw: ${outcome.error}. Fix its example arguments.`);
            } else if (!outcome.statements.length) {
              problems.push(
                `${label} (${file.path}) ran no SQL: give it arguments that reach the database, or list it as ` +
                  `{ notCaptured: '<why>' }.`,
              );
            }
            results.push({ className, method, name: c.name, statements: outcome.statements });
          }
        }
      }
    }
  } finally {
    await moduleRef.close();
  }
  const files = render(classes, results);
  return {
    files,
    committed: committedSnapshots(root),
    problems,
    statements: results.reduce((n, r) => n + r.statements.length, 0),
  };
}

async function runCase(
  dataSource: DataSource,
  capture: StatementCapture,
  world: SqlWorld,
  target: Record<string, unknown>,
  method: string,
  c: SqlCase,
): Promise<{ statements: string[]; error?: string }> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    const args = await c.args(world, runner.manager);
    capture.start();
    try {
      await (target[method] as (...a: unknown[]) => Promise<unknown>)(...args);
      return { statements: capture.stop() };
    } catch (error) {
      return { statements: capture.stop(), error: describe(error) };
    }
  } catch (error) {
    return { statements: [], error: `its arguments failed: ${describe(error)}` };
  } finally {
    capture.stop();
    await runner.rollbackTransaction().catch(() => undefined);
    await runner.release();
  }
}

/** `libs/server/<domain>/sql/cases.ts` of every domain, in `DOMAIN_ORDER`. */
async function loadCaseFiles(root: string): Promise<LoadedCaseFile[]> {
  const domains = readdirSync(join(root, 'libs', 'server'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, 'libs', 'server', d.name, 'sql', 'cases.ts')))
    .map((d) => d.name)
    .sort((a, b) => rank(a) - rank(b) || compare(a, b));
  const files: LoadedCaseFile[] = [];
  for (const name of domains) {
    const path = `libs/server/${name}/sql/cases.ts`;
    const loaded = (await import(join(root, path))) as { default?: SqlCaseFile };
    if (!loaded.default?.classes) throw new Error(`${path} must default-export { classes: { … } } (a SqlCaseFile)`);
    files.push({ path, domain: `libs/server/${name}`, cases: loaded.default });
  }
  return files;
}

const rank = (domain: string) => {
  const i = DOMAIN_ORDER.indexOf(domain);
  return i < 0 ? DOMAIN_ORDER.length : i;
};

/** The entity classes of every domain (exported classes TypeORM has table metadata for). */
async function loadEntities(root: string): Promise<Type[]> {
  const exported: unknown[] = [];
  for (const file of entityFiles(root))
    exported.push(...Object.values((await import(join(root, file))) as Record<string, unknown>));
  // Read after loading: the storage is global, and may hold other test files' classes too.
  const tables = new Set(getMetadataArgsStorage().tables.map((t) => t.target));
  return [...new Set(exported.filter((value): value is Type => typeof value === 'function' && tables.has(value)))];
}

/** Every `*.entity.ts` and `*.view.ts` (TypeORM view entities) in the server libs (`libs/server/<domain>/src`). */
function entityFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(join(root, dir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (/\.(entity|view)\.ts$/.test(entry.name)) found.push(path);
    }
  };
  for (const domain of readdirSync(join(root, 'libs', 'server'))) walk(`libs/server/${domain}/src`);
  return found.sort();
}

function caseList(cases: Exclude<SqlMethodCases, { notCaptured: string }>): SqlCase[] {
  if (typeof cases === 'function') return [{ args: cases }];
  return Array.isArray(cases) ? cases : [cases];
}

/** One file per class with cases, entries sorted by method then case name. */
function render(classes: readonly SqlClass[], results: readonly CaseResult[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const c of classes) {
    const mine = results
      .filter((r) => r.className === c.name)
      .sort((a, b) => compare(a.method, b.method) || compare(a.name ?? '', b.name ?? ''));
    if (!mine.length) continue;
    const entries = mine.map((r) => {
      const label = `${c.name}.${r.method}${r.name ? ` (${r.name})` : ''}`;
      if (r.notCaptured !== undefined) return `-- ${label}: not captured (${r.notCaptured})`;
      return [`-- ${label}`, ...r.statements.map(formatSql)].join('\n');
    });
    const header =
      `-- Generated by \`${SYNC_COMMAND}\` from ${c.domain}/sql/cases.ts: every statement ${c.name} ` +
      `(${c.file.split('/').pop()}) sends, per method. Do not edit.`;
    files.set(`${c.domain}/sql/${snapshotName(c.name)}.sql`, `${[header, ...entries].join('\n\n')}\n`);
  }
  return files;
}

/** `StyleModelRepository` → `style-model.repository`; `PostgresSearchEngine` → `postgres-search.engine`. */
export function snapshotName(className: string): string {
  const words = className.match(/[A-Z][a-z0-9]*|[a-z0-9]+/g) ?? [className];
  const last = words[words.length - 1]!;
  const kinds = ['Repository', 'Engine', 'Service', 'Store'];
  const stem = (kinds.includes(last) ? words.slice(0, -1) : words).map((w) => w.toLowerCase()).join('-');
  return kinds.includes(last) ? `${stem}.${last.toLowerCase()}` : stem;
}

function committedSnapshots(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const domain of readdirSync(join(root, 'libs', 'server'))) {
    const dir = `libs/server/${domain}/sql`;
    let names: string[];
    try {
      names = readdirSync(join(root, dir));
    } catch {
      continue;
    }
    for (const name of names.filter((n) => n.endsWith('.sql')).sort()) {
      files.set(`${dir}/${name}`, readFileSync(join(root, dir, name), 'utf8'));
    }
  }
  return files;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
