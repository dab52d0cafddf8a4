import { basename, beside } from '../files';
import type { Rule, Violation } from '../rule';
import type { Workspace } from '../workspace';

/** Each repository has an integration spec beside it, against real PostgreSQL: `x.repository.ts` → `x.repository.int-spec.ts`. */
export const repositoryWithoutIntSpec: Rule = {
  id: 'repository-without-int-spec',
  title: 'a repository without an *.int-spec.ts beside it',
  fix:
    'write <name>.repository.int-spec.ts beside it (a real database through RepositoryTestBed from @lookbook/testing): ' +
    'each query on the rows that make it differ, each constraint mapped to its domain error',
  check: (workspace) => missingBeside(workspace, 'repository-without-int-spec', /\.repository\.ts$/, '.int-spec.ts'),
};

/** Each service and job has a unit spec beside it: `x.service.ts` → `x.service.spec.ts`, `x.job.ts` → `x.job.spec.ts`. */
export const serviceWithoutSpec: Rule = {
  id: 'service-without-spec',
  title: 'a service or job without a *.spec.ts beside it',
  fix:
    'write <name>.spec.ts beside it with newTestService from @lookbook/testing (strict auto-mocks): its rules, ' +
    'each on inputs that make it differ',
  check: (workspace) => missingBeside(workspace, 'service-without-spec', /\.(service|job|jobs)\.ts$/, '.spec.ts'),
};

function missingBeside(workspace: Workspace, rule: Violation['rule'], pattern: RegExp, suffix: string): Violation[] {
  const files = new Set(workspace.files);
  return workspace.files
    .filter((path) => pattern.test(path) && !files.has(beside(path, suffix)))
    .map((path) => ({ rule, file: path, message: `has no ${basename(beside(path, suffix))} beside it` }));
}
