import ts from 'typescript';
import { isSpec, isTypeScript } from '../files';
import type { Rule, Violation } from '../rule';
import { classes, decoratorNames, lineOf, parse, typeName } from '../source';

/** Decorators that make a class a unit the domain template gives a file of its own. */
const ONE_PER_FILE = ['Resolver', 'JobTask'] as const;

const candidates = (path: string, text: string): boolean =>
  isTypeScript(path) && !isSpec(path) && /@(Resolver|JobTask)\b/.test(text);

/** One `@Resolver` class per file (one resolver per aggregate), one `@JobTask` class per file (`<x>.job.ts`). */
export const oneResolverOrJobPerFile: Rule = {
  id: 'one-resolver-or-job-per-file',
  title: 'two @Resolver or two @JobTask classes in one file',
  fix:
    'give each class a file of its own: <aggregate>/<x>.resolver.ts per resolver (a field resolver of another ' +
    'type goes with that type’s aggregate), <x>.job.ts per job',
  check(workspace) {
    const violations: Violation[] = [];
    for (const path of workspace.files) {
      const text = workspace.read(path);
      if (!candidates(path, text)) continue;
      const found = classes(parse(path, text));
      for (const decorator of ONE_PER_FILE) {
        const decorated = found.filter((node) => decoratorNames(node).includes(decorator));
        if (decorated.length < 2) continue;
        const names = decorated.map((node) => node.name?.text ?? '(anonymous)').join(', ');
        violations.push({
          rule: 'one-resolver-or-job-per-file',
          file: path,
          line: lineOf(decorated[1]!),
          message: `holds ${decorated.length} @${decorator} classes (${names})`,
        });
      }
    }
    return violations;
  },
};

/** Resolvers are thin: guard + args → a service or facade call → mapper. They never reach a repository. */
export const resolverInjectsRepository: Rule = {
  id: 'resolver-injects-repository',
  title: 'a resolver that injects a repository',
  fix:
    'inject the service (or another domain’s facade) that owns the read, add the method there, and let the ' +
    'repository stay behind it; DataLoaders go in <domain>.loaders.ts',
  check(workspace) {
    const violations: Violation[] = [];
    for (const path of workspace.files) {
      const text = workspace.read(path);
      if (!candidates(path, text)) continue;
      for (const node of classes(parse(path, text))) {
        if (!decoratorNames(node).includes('Resolver')) continue;
        const constructor = node.members.find(ts.isConstructorDeclaration);
        for (const parameter of constructor?.parameters ?? []) {
          const type = typeName(parameter.type);
          if (!type?.endsWith('Repository')) continue;
          violations.push({
            rule: 'resolver-injects-repository',
            file: path,
            line: lineOf(parameter),
            message: `${node.name?.text ?? 'a resolver'} injects ${type}`,
          });
        }
      }
    }
    return violations;
  },
};
