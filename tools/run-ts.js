// Runs a TypeScript tool straight from source, without building the server: `node tools/run-ts.js <file.ts> [args…]`.
// Files are compiled one by one with SWC (the settings Jest uses, from .swcrc) and the workspace aliases (@lookbook/*)
// resolve to the libraries' sources. For small tools that lint runs (the docs checks); the server itself runs compiled
// (tools/register.js).
const { readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { transformSync } = require('@swc/core');
const tsconfigPaths = require('tsconfig-paths');

const root = join(__dirname, '..');
const swc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...swc, swcrc: false, filename });
  module._compile(code, filename);
};
const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
tsconfigPaths.register({ baseUrl: root, paths: compilerOptions.paths });

const entry = process.argv[2];
if (!entry) {
  process.stderr.write('Usage: node tools/run-ts.js <file.ts> [args…]\n');
  process.exit(2);
}
process.argv.splice(2, 1);
require(resolve(entry));
