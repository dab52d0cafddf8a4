import ts from 'typescript';
import { isTypeScript, matchesAny } from '../files';
import type { Rule, Violation } from '../rule';
import { lineOf, parse, walk } from '../source';
import type { Workspace } from '../workspace';

/** Data-access names that only repositories (and the declared places) may import. */
const FORBIDDEN_IMPORTS: Record<string, readonly string[]> = {
  typeorm: [
    'DataSource',
    'QueryRunner',
    'Repository',
    'QueryBuilder',
    'SelectQueryBuilder',
    'InsertQueryBuilder',
    'UpdateQueryBuilder',
    'DeleteQueryBuilder',
  ],
  '@nestjs/typeorm': ['InjectDataSource', 'InjectRepository', 'InjectEntityManager'],
};

/** Methods that build or run SQL whatever the receiver (`manager`, `dataSource`, `tx`, a pg client). */
const QUERY_BUILDERS = new Set(['createQueryBuilder', 'getRepository']);

/**
 * SQL written as text: a statement's opening keywords in capitals, as this codebase writes SQL. Words in prose
 * ("select a file from…") are lower case and do not match.
 */
const SQL_TEXT =
  /\b(SELECT\b[\s\S]*\bFROM|INSERT\s+INTO|UPDATE\s+[\w."]+\s+SET|DELETE\s+FROM|WITH\s+(RECURSIVE\s+)?\w+(\s*\([^)]*\))?\s+AS\s*(NOT\s+)?(MATERIALIZED\s+)?\(|CREATE\s+(TABLE|INDEX|DATABASE)|LISTEN\s+\w|NOTIFY\s+\w)/;

/** Browser code cannot reach the database: the rule reads everything else. */
const BROWSER = ['apps/web/**', 'libs/web/**'];

export const isRepository = (path: string): boolean => path.endsWith('.repository.ts');

/** Text without any of these cannot hold a finding: such files are not parsed. */
const MAY_HOLD_SQL =
  /typeorm|\.query\s*\(|createQueryBuilder|getRepository|\b(SELECT|INSERT|UPDATE|DELETE|WITH|CREATE|LISTEN|NOTIFY)\b/;

/** What in one file touches SQL, line by line. */
export function sqlFindings(path: string, text: string): { line: number; what: string }[] {
  if (!MAY_HOLD_SQL.test(text)) return [];
  const file = parse(path, text);
  const found: { line: number; what: string }[] = [];
  walk(file, (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const forbidden = FORBIDDEN_IMPORTS[node.moduleSpecifier.text];
      const named = node.importClause?.namedBindings;
      if (forbidden && named && ts.isNamedImports(named)) {
        for (const element of named.elements) {
          const imported = (element.propertyName ?? element.name).text;
          if (forbidden.includes(imported)) {
            found.push({ line: lineOf(element), what: `imports ${imported} from ${node.moduleSpecifier.text}` });
          }
        }
      }
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const [first] = node.arguments;
      if (QUERY_BUILDERS.has(method)) found.push({ line: lineOf(node), what: `calls .${method}()` });
      else if (
        method === 'query' &&
        first &&
        first.kind !== ts.SyntaxKind.UndefinedKeyword &&
        first.kind !== ts.SyntaxKind.NullKeyword &&
        !(ts.isIdentifier(first) && first.text === 'undefined') &&
        !ts.isObjectLiteralExpression(first)
      ) {
        // `.query(sql, params)` on a DataSource, an EntityManager or a pg client. (graphql-jit's compiled
        // `query.query(root, context, variables)` passes `undefined` first and is not SQL.)
        found.push({ line: lineOf(node), what: 'runs SQL with .query()' });
      }
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const literal = ts.isTemplateExpression(node) ? node.getText() : node.text;
      if (SQL_TEXT.test(literal)) found.push({ line: lineOf(node), what: 'holds SQL text' });
    }
  });
  // A statement spread over a template and its parts is reported once per line.
  return found.filter((f, i) => found.findIndex((g) => g.line === f.line && g.what === f.what) === i);
}

/**
 * SQL, `DataSource` and query builders live in repositories (`*.repository.ts`) and the declared places only:
 * `places` maps a glob to the reason SQL may live there (tools/house-rules/allow-list.ts `SQL_PLACES`).
 */
export function sqlOutsideRepositories(places: Record<string, string>): Rule {
  const globs = Object.keys(places);
  return {
    id: 'sql-outside-repositories',
    title: 'SQL, DataSource or a query builder outside a repository',
    fix:
      'move the statement into a method of the aggregate’s *.repository.ts (taking an optional EntityManager) and ' +
      'call it; a new place where SQL must live goes into SQL_PLACES in tools/house-rules/allow-list.ts, with its reason',
    check(workspace: Workspace): Violation[] {
      const violations: Violation[] = [];
      const usedPlaces = new Set<string>();
      for (const path of workspace.files) {
        if (!isTypeScript(path) || isRepository(path) || matchesAny(path, BROWSER)) continue;
        const place = globs.filter((glob) => matchesAny(path, [glob]));
        // In a declared place, a file matters only to show the place still holds SQL.
        if (place.length > 0 && place.every((glob) => usedPlaces.has(glob))) continue;
        const findings = sqlFindings(path, workspace.read(path));
        if (findings.length === 0) continue;
        if (place.length > 0) {
          place.forEach((glob) => usedPlaces.add(glob));
          continue;
        }
        for (const { line, what } of findings) {
          violations.push({
            rule: 'sql-outside-repositories',
            file: path,
            line,
            message: `${what} outside a repository`,
          });
        }
      }
      for (const glob of globs.filter((g) => !usedPlaces.has(g))) {
        violations.push({
          rule: 'sql-outside-repositories',
          file: 'tools/house-rules/allow-list.ts',
          message: `SQL_PLACES declares \`${glob}\` but no file there touches SQL any more: remove the entry`,
        });
      }
      return violations;
    },
  };
}
