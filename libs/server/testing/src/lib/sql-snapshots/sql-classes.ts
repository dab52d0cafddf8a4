import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import type { SqlCaseFile, SqlMethodCases } from './sql-cases';

/**
 * Where the classes that run SQL live: every repository, and the stores declared beside them. A new store outside a
 * repository joins this list (with why), so its statements are snapshotted too.
 */
export const SQL_CLASS_SOURCES: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /^libs\/server\/[^/]+\/src\/.*\.repository\.ts$/, what: 'repositories' },
  { pattern: /^libs\/server\/ledger\/src\/lib\/ledger\.service\.ts$/, what: "the ledger's store" },
  { pattern: /^libs\/server\/core\/src\/lib\/jobs\/job-queue\.ts$/, what: "the job queue (graphile-worker's add_job)" },
  { pattern: /^libs\/server\/search\/src\/.*postgres[^/]*(\/.*)?\.ts$/, what: 'the PostgreSQL search engine adapter' },
];

const SPEC = /\.[a-z-]*spec\.ts$/;

/** An `@Injectable` class in one of the SQL sources, with the public methods it declares. */
export interface SqlClass {
  name: string;
  /** Repository-relative, with `/`. */
  file: string;
  /** `libs/server/<domain>`: where its cases and snapshot live. */
  domain: string;
  methods: string[];
  exported: boolean;
}

/** Repository-relative paths (with `/`) of the files under `libs/server` that hold SQL classes. */
export function sqlSourceFiles(root: string): string[] {
  return walk(join(root, 'libs', 'server'))
    .map((path) => relative(root, path).split(sep).join('/'))
    .filter((path) => !SPEC.test(path) && SQL_CLASS_SOURCES.some((source) => source.pattern.test(path)))
    .sort();
}

export function findSqlClasses(root: string): SqlClass[] {
  return sqlSourceFiles(root).flatMap((file) => sqlClassesIn(file, readFileSync(join(root, file), 'utf8')));
}

/** The `@Injectable` classes a source declares, and the methods callers can reach (not private, protected or static). */
export function sqlClassesIn(file: string, source: string): SqlClass[] {
  const parsed = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const domain = file.split('/').slice(0, 3).join('/');
  const found: SqlClass[] = [];
  for (const statement of parsed.statements) {
    if (!ts.isClassDeclaration(statement) || !statement.name) continue;
    const injectable = (ts.getDecorators(statement) ?? []).some((d) => {
      const call = d.expression;
      return ts.isCallExpression(call) && call.expression.getText(parsed) === 'Injectable';
    });
    if (!injectable) continue;
    const modifiers = ts.getModifiers(statement) ?? [];
    const exported = modifiers.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    const methods = statement.members
      .filter((member): member is ts.MethodDeclaration => ts.isMethodDeclaration(member))
      .filter((member) => ts.isIdentifier(member.name) && member.body !== undefined)
      .filter((member) =>
        (ts.getModifiers(member) ?? []).every(
          (m) =>
            m.kind !== ts.SyntaxKind.PrivateKeyword &&
            m.kind !== ts.SyntaxKind.ProtectedKeyword &&
            m.kind !== ts.SyntaxKind.StaticKeyword,
        ),
      )
      .map((member) => member.name.getText(parsed));
    found.push({ name: statement.name.text, file, domain, methods: [...new Set(methods)], exported });
  }
  return found;
}

/** A domain's cases, as loaded from `libs/server/<domain>/sql/cases.ts`. */
export interface LoadedCaseFile {
  /** Repository-relative path of the cases file. */
  path: string;
  domain: string;
  cases: SqlCaseFile;
}

export const isNotCaptured = (cases: SqlMethodCases): cases is { notCaptured: string } =>
  typeof cases === 'object' && !Array.isArray(cases) && 'notCaptured' in cases;

/**
 * What is wrong with the cases, in plain words: a public method with neither a case nor a reason, a case naming a
 * class or method that does not exist (moved, renamed), a class's cases in another domain's file.
 */
export function checkCases(classes: readonly SqlClass[], files: readonly LoadedCaseFile[]): string[] {
  const problems: string[] = [];
  const byName = new Map(classes.map((c) => [c.name, c]));
  const covered = new Map<string, Set<string>>();
  const casesFileOf = (domain: string) => `${domain}/sql/cases.ts`;
  for (const c of classes) {
    if (!c.exported) problems.push(`${c.name} (${c.file}) is @Injectable but not exported: export it.`);
    const twin = classes.find((other) => other !== c && other.name === c.name);
    if (twin) problems.push(`${c.name} is declared twice (${c.file}, ${twin.file}): SQL classes need unique names.`);
  }
  for (const file of files) {
    for (const [className, methods] of Object.entries(file.cases.classes)) {
      const target = byName.get(className);
      if (!target) {
        problems.push(
          `${file.path} has cases for ${className}, which no SQL class declares (moved or renamed?). ` +
            `SQL classes of ${file.domain}: ${classes
              .filter((c) => c.domain === file.domain)
              .map((c) => c.name)
              .join(', ')}.`,
        );
        continue;
      }
      if (target.domain !== file.domain) {
        problems.push(
          `${file.path} has cases for ${className}, which lives in ${target.file}: move them to ${casesFileOf(target.domain)}.`,
        );
      }
      const seen = covered.get(className) ?? new Set<string>();
      covered.set(className, seen);
      for (const [method, cases] of Object.entries(methods)) {
        if (!target.methods.includes(method)) {
          problems.push(
            `${file.path} has a case for ${className}.${method}, which ${target.file} does not declare as a public ` +
              `method (renamed, moved or removed?). Its public methods: ${target.methods.join(', ')}.`,
          );
        }
        if (isNotCaptured(cases) && !cases.notCaptured.trim()) {
          problems.push(`${file.path}: ${className}.${method} is not captured without a reason: give one.`);
        }
        if (Array.isArray(cases) && cases.length === 0) {
          problems.push(`${file.path}: ${className}.${method} has an empty list of cases.`);
        }
        seen.add(method);
      }
    }
  }
  for (const c of classes) {
    for (const method of c.methods) {
      if (covered.get(c.name)?.has(method)) continue;
      problems.push(
        `${c.name}.${method} (${c.file}) has no SQL case: add one to ${casesFileOf(c.domain)} ` +
          `(classes.${c.name}.${method}: (world, tx) => [example arguments]), or list it there as ` +
          `{ notCaptured: '<why it runs no SQL of its own>' }.`,
      );
    }
  }
  return problems;
}

function walk(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(path);
    return entry.isFile() && entry.name.endsWith('.ts') ? [path] : [];
  });
}
