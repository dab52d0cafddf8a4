// globalSetup runs outside Jest's module registry, so moduleNameMapper does not apply there: map the workspace
// aliases (@lookbook/*) to their TypeScript sources for Node's own require (Jest's transform compiles them).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { register } from 'tsconfig-paths';

const root = join(__dirname, '..', '..', '..', '..', '..');
const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')) as {
  compilerOptions: { paths: Record<string, string[]> };
};
register({ baseUrl: root, paths: compilerOptions.paths });
