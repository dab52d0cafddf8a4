import { posix } from 'node:path';

/** Specs of every kind: unit, integration, end-to-end, conformance, behaviour and browser (`*.spec.ts`, `*.int-spec.ts`…). */
export const SPEC = /\.([a-z0-9]+-)?spec\.tsx?$/;

export const isTypeScript = (path: string): boolean => /\.tsx?$/.test(path) && !path.endsWith('.d.ts');
export const isSpec = (path: string): boolean => SPEC.test(path);

/** The file `path` would have beside it with `suffix` instead of `.ts` (`a/b.service.ts` → `a/b.service.spec.ts`). */
export const beside = (path: string, suffix: string): string => path.replace(/\.tsx?$/, suffix);

export const dirname = (path: string): string => posix.dirname(path);
export const basename = (path: string): string => posix.basename(path);

/** `a/b/../c` → `a/c`; `./x` → `x`. */
export const normalise = (path: string): string => posix.normalize(path).replace(/^\.\//, '');

const compiled = new Map<string, RegExp>();

/**
 * A small glob: `**` any number of folders, `*` anything but `/`, `{a,b}` alternatives. Enough for the lists in
 * allow-list.ts, without a dependency.
 */
export function globToRegExp(glob: string): RegExp {
  const known = compiled.get(glob);
  if (known) return known;
  let source = '';
  for (let i = 0; i < glob.length; i += 1) {
    const char = glob[i]!;
    if (char === '*' && glob[i + 1] === '*') {
      // `**/` matches zero or more whole folders; a trailing `**` matches the rest of the path.
      if (glob[i + 2] === '/') {
        source += '(?:[^/]+/)*';
        i += 2;
      } else {
        source += '.*';
        i += 1;
      }
    } else if (char === '*') source += '[^/]*';
    else if (char === '{') source += '(?:';
    else if (char === '}') source += ')';
    else if (char === ',' && glob.lastIndexOf('{', i) > glob.lastIndexOf('}', i)) source += '|';
    else source += char.replace(/[.+?^$()|[\]\\]/g, '\\$&');
  }
  const regExp = new RegExp(`^${source}$`);
  compiled.set(glob, regExp);
  return regExp;
}

export function matchesAny(path: string, globs: readonly string[]): boolean {
  return globs.some((glob) => globToRegExp(glob).test(path));
}
