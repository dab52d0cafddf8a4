import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * Keeps docs/decisions/0005-search-reads-foreign-tables.md true: the other domains' tables named in search's SQL are
 * exactly the ones the record lists, only the declared repositories name them, and the engines name none.
 */
const LIB = __dirname;
const RECORD = join(__dirname, '../../../../../docs/decisions/0005-search-reads-foreign-tables.md');
/** Schemas of other domains (and of core's job queue); search's own is `search`. */
const FOREIGN =
  /\b(catalog|identity|licensing|templates|commerce|ledger|storage|community|spaces|moderation|graphile_worker)\.("?[a-z_]+"?)/g;
/** Where the record allows them. */
const READERS = [
  'documents/model-document.repository.ts',
  'documents/template-document.repository.ts',
  'sync/search-outbox.repository.ts',
  'saved/saved-search.repository.ts',
];

function productionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return productionFiles(path);
    return /\.ts$/.test(entry.name) && !/\.(spec|int-spec|behaviour-spec)\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** The text of every template and string literal in a file (where SQL lives), nested templates included. */
function literalText(file: string): string {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const parts: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isNoSubstitutionTemplateLiteral(node) || ts.isStringLiteral(node)) parts.push(node.text);
    else if (ts.isTemplateExpression(node)) {
      parts.push(node.head.text, ...node.templateSpans.map((s) => s.literal.text));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return parts.join('\n');
}

const tablesIn = (text: string) =>
  new Set([...text.matchAll(FOREIGN)].map((m) => `${m[1]}.${m[2]!.replace(/"/g, '')}`));

/** The first column of the record's "Tables read" table. */
function recordedTables(): Set<string> {
  const record = readFileSync(RECORD, 'utf8');
  const section = record.split('### Tables read')[1]!.split('\n## ')[0]!;
  return new Set(
    section
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) => /^\| `([a-z_]+\.[a-z_]+)`/.exec(line)![1]!),
  );
}

describe('the foreign tables search reads (decision record 0005)', () => {
  const byFile = new Map(productionFiles(LIB).map((file) => [relative(LIB, file), tablesIn(literalText(file))]));

  it('finds the SQL it checks (the scan is not vacuous)', () => {
    expect([...byFile.get('documents/model-document.repository.ts')!]).toEqual(
      expect.arrayContaining(['catalog.style_model', 'identity.user', 'licensing.offer', 'licensing.grant']),
    );
    expect(tablesIn('SELECT 1 FROM commerce."order" o')).toEqual(new Set(['commerce.order']));
  });

  it('names other domains’ tables only in the declared repositories', () => {
    const elsewhere = [...byFile].filter(([file, tables]) => tables.size && !READERS.includes(file));
    expect(elsewhere.map(([file, tables]) => [file, [...tables]])).toEqual([]);
  });

  it('lists every table the repositories read, and none they do not', () => {
    const read = new Set(READERS.flatMap((file) => [...byFile.get(file)!]));
    expect([...read].sort()).toEqual([...recordedTables()].sort());
  });
});
