import { isSpec, isTypeScript, matchesAny } from '../files';
import type { Rule } from '../rule';

export const MAX_LINES = 400;

/** Where the limit applies: the code we write by hand. `migrations/` is out of scope (see docs/architecture/README.md). */
const SCOPE = ['apps/**', 'libs/**', 'tools/**'];
/** Generated: rewritten by `npm run codegen`, never read as code. */
const GENERATED = ['apps/web/src/gql/**'];

export const lineCount = (text: string): number =>
  text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

/** A production file over 400 lines does more than one thing: split it by concern. */
export const fileTooLong: Rule = {
  id: 'file-too-long',
  title: `a production file over ${MAX_LINES} lines`,
  fix:
    'split it by concern (a sub-component or hook per file in the web client; a helper module per concern in a ' +
    'lib; per aggregate for GraphQL objects), with no change of behaviour',
  check(workspace) {
    return workspace.files
      .filter((path) => isTypeScript(path) && !isSpec(path) && matchesAny(path, SCOPE) && !matchesAny(path, GENERATED))
      .map((path) => ({ path, lines: lineCount(workspace.read(path)) }))
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ path, lines }) => ({
        rule: 'file-too-long' as const,
        file: path,
        message: `has ${lines} lines (at most ${MAX_LINES})`,
      }));
  },
};
