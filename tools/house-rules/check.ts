import { join } from 'node:path';
import type { AllowList } from './allow-list';
import { ALLOW_LIST, SQL_PLACES } from './allow-list';
import type { Rule, RuleId, Violation } from './rule';
import { domainMissingFromDocs, NOT_DOMAINS } from './rules/domain-missing-from-docs';
import { fileTooLong } from './rules/file-too-long';
import { oneResolverOrJobPerFile, resolverInjectsRepository } from './rules/resolvers-and-jobs';
import { sqlOutsideRepositories } from './rules/sql-outside-repositories';
import { repositoryWithoutIntSpec, serviceWithoutSpec } from './rules/tests-beside';
import { webCrossFeatureImport } from './rules/web-cross-feature-import';
import type { Workspace } from './workspace';
import { diskWorkspace } from './workspace';

export interface HouseRulesOptions {
  /** Globs where SQL may live besides repositories, with the reason (SQL_PLACES). */
  sqlPlaces: Record<string, string>;
  /** libs/server folders that are not domains, with the reason. */
  notDomains: Record<string, string>;
  /** Known violations, per rule and file, with the reason (ALLOW_LIST). */
  allowList: AllowList;
}

export const DEFAULTS: HouseRulesOptions = { sqlPlaces: SQL_PLACES, notDomains: NOT_DOMAINS, allowList: ALLOW_LIST };

export function houseRules(options: HouseRulesOptions): Rule[] {
  return [
    sqlOutsideRepositories(options.sqlPlaces),
    repositoryWithoutIntSpec,
    serviceWithoutSpec,
    oneResolverOrJobPerFile,
    resolverInjectsRepository,
    fileTooLong,
    webCrossFeatureImport,
    domainMissingFromDocs(options.notDomains),
  ];
}

export interface Outcome {
  /** Violations not on the allow-list, and allow-list entries that are stale or unexplained. */
  problems: Violation[];
  /** Violations the allow-list accepts. */
  allowed: Violation[];
}

/** Runs every rule, sets aside what the allow-list accepts, and fails each entry the code no longer needs. */
export function checkHouseRules(workspace: Workspace, options: HouseRulesOptions = DEFAULTS): Outcome {
  const rules = houseRules(options);
  const ids = new Set<string>(rules.map((rule) => rule.id));
  const found = rules.flatMap((rule) => rule.check(workspace));
  const allowedBy = (violation: Violation): boolean =>
    violation.rule !== 'allow-list' && options.allowList[violation.rule]?.[violation.file] !== undefined;
  const problems = found.filter((violation) => !allowedBy(violation));
  const allowed = found.filter(allowedBy);

  const exists = (path: string): boolean =>
    workspace.files.some((file) => file === path || file.startsWith(`${path}/`));
  for (const [rule, entries] of Object.entries(options.allowList) as [RuleId, Record<string, string>][]) {
    for (const [file, reason] of Object.entries(entries)) {
      const entry = (message: string): void => {
        problems.push({ rule: 'allow-list', file, message: `${rule} entry ${message}` });
      };
      if (!ids.has(rule)) entry('names no rule: remove it');
      else if (!exists(file)) entry('names a file that no longer exists: remove the entry');
      else if (!allowed.some((violation) => violation.rule === rule && violation.file === file)) {
        entry('is stale: the file conforms now, remove the entry (the list only shrinks)');
      } else if (reason.trim().length < 10) entry('has no reason: say why the file may break the rule');
    }
  }
  return { problems, allowed };
}

/** The report: problems grouped by rule, each with its file and line, and what to do. */
export function formatOutcome(outcome: Outcome, rules: Rule[], fileCount: number): string {
  const { problems, allowed } = outcome;
  if (problems.length === 0) {
    return (
      `House rules: ${rules.length} rules passed on ${fileCount} files ` +
      `(${allowed.length} known violations allow-listed in tools/house-rules/allow-list.ts).\n`
    );
  }
  const lines = [
    `House rules: ${problems.length} problem${problems.length === 1 ? '' : 's'} ` +
      '(rules: docs/architecture/README.md "House rules"; allow-list: tools/house-rules/allow-list.ts)',
  ];
  const groups: { id: Violation['rule']; title: string; fix: string }[] = [
    ...rules,
    {
      id: 'allow-list',
      title: 'an allow-list entry that is stale or unexplained',
      fix: 'edit tools/house-rules/allow-list.ts as said; entries only ever go away',
    },
  ];
  for (const { id, title, fix } of groups) {
    const mine = problems.filter((violation) => violation.rule === id);
    if (mine.length === 0) continue;
    lines.push('', `✗ ${id}: ${title}`);
    for (const { file, line, message } of mine) lines.push(`  ${file}${line ? `:${line}` : ''}  ${message}`);
    lines.push(`  → what to do: ${fix}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `npm run lint`: checks the working tree, prints the report, exits 1 on any problem. */
export function main(root = join(__dirname, '..', '..')): void {
  const workspace = diskWorkspace(root);
  const outcome = checkHouseRules(workspace);
  const report = formatOutcome(outcome, houseRules(DEFAULTS), workspace.files.length);
  if (outcome.problems.length > 0) {
    process.stderr.write(report);
    process.exitCode = 1;
  } else process.stdout.write(report);
}
