import type { Workspace } from './workspace';

export type RuleId =
  | 'sql-outside-repositories'
  | 'repository-without-int-spec'
  | 'service-without-spec'
  | 'one-resolver-or-job-per-file'
  | 'resolver-injects-repository'
  | 'file-too-long'
  | 'web-cross-feature-import'
  | 'domain-missing-from-docs';

/** One broken rule in one file (for the domain table: one domain folder). */
export interface Violation {
  rule: RuleId | 'allow-list';
  /** Repository-relative path: the file to change, or the key an allow-list entry would use. */
  file: string;
  line?: number;
  message: string;
}

export interface Rule {
  id: RuleId;
  /** What the rule forbids, in one line. */
  title: string;
  /** What to do about a violation. */
  fix: string;
  check(workspace: Workspace): Violation[];
}
