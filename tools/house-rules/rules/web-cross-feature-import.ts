import ts from 'typescript';
import { dirname, isTypeScript, normalise } from '../files';
import type { Rule, Violation } from '../rule';
import { lineOf, moduleSpecifiers, parse } from '../source';
import type { Workspace } from '../workspace';

const WEB = 'apps/web';
const FEATURES = `${WEB}/src/features/`;

const featureOf = (path: string): string | undefined =>
  path.startsWith(FEATURES) ? path.slice(FEATURES.length).split('/')[0] : undefined;

/** The web client's path aliases (`compilerOptions.paths` of apps/web/tsconfig.json), resolved from the repo root. */
function webAliases(workspace: Workspace): [string, string][] {
  const config = `${WEB}/tsconfig.json`;
  if (!workspace.files.includes(config)) return [];
  const parsed = ts.parseConfigFileTextToJson(config, workspace.read(config)).config as
    { compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } } | undefined;
  const base = normalise(`${WEB}/${parsed?.compilerOptions?.baseUrl ?? '.'}`);
  return Object.entries(parsed?.compilerOptions?.paths ?? {}).flatMap(([alias, [target]]) =>
    target ? [[alias, normalise(`${base}/${target}`)] as [string, string]] : [],
  );
}

/** Where an import lands, as a repository path, when it can be told without a resolver. */
export function resolveWebImport(specifier: string, importer: string, aliases: [string, string][]): string | undefined {
  if (specifier.startsWith('./') || specifier.startsWith('../')) return normalise(`${dirname(importer)}/${specifier}`);
  for (const [alias, target] of aliases) {
    if (alias.endsWith('/*') && specifier.startsWith(alias.slice(0, -1))) {
      return target.replace('*', specifier.slice(alias.length - 1));
    }
    if (alias === specifier) return target;
  }
  // An alias this rule does not know (`@/features/x`, `src/features/x`): the folder name still gives it away.
  const named = /(?:^|\/)features\/([^/]+)(\/.*)?$/.exec(specifier);
  return named ? `${FEATURES}${named[1]}${named[2] ?? ''}` : undefined;
}

/** A web feature never imports another feature's folder: shared pieces live in apps/web/src/components or libs/web/ui. */
export const webCrossFeatureImport: Rule = {
  id: 'web-cross-feature-import',
  title: 'a web feature importing from another feature’s folder',
  fix:
    'move what both features use to apps/web/src/components (or libs/web/ui when it is presentational, ' +
    'apps/web/src/lib when it is not a component), or have the route compose the two features',
  check(workspace) {
    const aliases = webAliases(workspace);
    const violations: Violation[] = [];
    for (const path of workspace.files) {
      const feature = featureOf(path);
      if (!feature || !isTypeScript(path)) continue;
      for (const { specifier, node } of moduleSpecifiers(parse(path, workspace.read(path)))) {
        const target = resolveWebImport(specifier, path, aliases);
        const other = target && featureOf(target);
        if (!other || other === feature) continue;
        violations.push({
          rule: 'web-cross-feature-import',
          file: path,
          line: lineOf(node),
          message: `features/${feature} imports '${specifier}' from features/${other}`,
        });
      }
    }
    return violations;
  },
};
