import type { Rule, Violation } from '../rule';
import type { Workspace } from '../workspace';

export const ARCHITECTURE_README = 'docs/architecture/README.md';

/**
 * Folders of libs/server that are not domains. Each is still a project with a project.json; the reason says why it
 * has no row in the domain table.
 */
export const NOT_DOMAINS: Record<string, string> = {
  testing:
    'the test harness (real-Postgres test bed, factories, auto-mocks, fake clock), imported by specs only: it owns ' +
    'no table and no behaviour; the Tests section of the architecture docs describes it',
};

const ROW = /^\s*\|(.*)\|\s*$/;
const DOMAIN_CELL = /^`libs\/server\/([a-z0-9-]+)`$/;

const cells = (line: string): string[] => (ROW.exec(line)?.[1] ?? '').split('|').map((cell) => cell.trim());

/** The server domains: each `libs/server/<name>` with a project.json, less NOT_DOMAINS. */
export function serverDomains(workspace: Workspace, notDomains: Record<string, string>): string[] {
  return workspace.files
    .map((path) => /^libs\/server\/([^/]+)\/project\.json$/.exec(path)?.[1])
    .filter((name): name is string => name !== undefined && !(name in notDomains));
}

/**
 * The domain table of the architecture docs: the first Markdown table whose first header cell is `domain`. Gives each
 * body row's first cell and its line.
 */
export function domainTable(text: string): { cell: string; line: number }[] | undefined {
  const lines = text.split('\n');
  for (let i = 0; i + 1 < lines.length; i += 1) {
    const header = cells(lines[i]!);
    if (!ROW.test(lines[i]!) || header[0]?.replace(/`/g, '').toLowerCase() !== 'domain') continue;
    if (!/^\s*\|[\s:|-]+\|\s*$/.test(lines[i + 1]!)) continue;
    const rows: { cell: string; line: number }[] = [];
    for (let j = i + 2; j < lines.length && ROW.test(lines[j]!); j += 1)
      rows.push({ cell: cells(lines[j]!)[0]!, line: j + 1 });
    return rows;
  }
  return undefined;
}

/** Every server domain has one row in the domain table of docs/architecture/README.md, and every row is a domain. */
export function domainMissingFromDocs(notDomains: Record<string, string> = NOT_DOMAINS): Rule {
  return {
    id: 'domain-missing-from-docs',
    title: 'a server domain missing from the architecture docs’ domain table',
    fix:
      `add a row to the domain table of ${ARCHITECTURE_README} (first column \`libs/server/<name>\`, then its ` +
      'aggregates and notes), and a page docs/architecture/<name>.md when it has more to say',
    check(workspace) {
      const rule = 'domain-missing-from-docs' as const;
      const domains = serverDomains(workspace, notDomains);
      if (!workspace.files.includes(ARCHITECTURE_README)) {
        return [{ rule, file: ARCHITECTURE_README, message: 'is missing: the domain table lives there' }];
      }
      const rows = domainTable(workspace.read(ARCHITECTURE_README));
      if (!rows) {
        return [
          { rule, file: ARCHITECTURE_README, message: 'has no domain table (a table whose first header is "domain")' },
        ];
      }
      const violations: Violation[] = [];
      const listed = new Map<string, number>();
      for (const { cell, line } of rows) {
        const name = DOMAIN_CELL.exec(cell)?.[1];
        if (name === undefined) {
          violations.push({
            rule,
            file: ARCHITECTURE_README,
            line,
            message: `row "${cell}": write the first column as \`libs/server/<name>\``,
          });
        } else if (listed.has(name)) {
          violations.push({
            rule,
            file: ARCHITECTURE_README,
            line,
            message: `libs/server/${name} has a second row (first at line ${listed.get(name)})`,
          });
        } else if (!domains.includes(name)) {
          listed.set(name, line);
          violations.push({
            rule,
            file: ARCHITECTURE_README,
            line,
            message: `row for libs/server/${name}, which is not a server domain: remove it`,
          });
        } else listed.set(name, line);
      }
      for (const name of domains.filter((d) => !listed.has(d))) {
        violations.push({
          rule,
          file: `libs/server/${name}`,
          message: `has no row in the domain table of ${ARCHITECTURE_README}`,
        });
      }
      return violations;
    },
  };
}
