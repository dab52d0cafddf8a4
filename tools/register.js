// Runs a compiled entry point from dist/server with the workspace path aliases (@lookbook/*) resolved to dist.
// Usage: node tools/register.js <path inside dist/server, e.g. apps/api/src/main.js> [args…]
const { join } = require('node:path');
const { existsSync, readFileSync } = require('node:fs');
const tsconfigPaths = require('tsconfig-paths');

const root = join(__dirname, '..');
const out = join(root, 'dist', 'server');
const entry = process.argv[2];
if (!entry || !existsSync(join(out, entry))) {
  process.stderr.write(`Nothing to run at dist/server/${entry ?? '<entry>'}: run "npm run build:server" first.\n`);
  process.exit(1);
}
const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
const paths = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    alias,
    [target.replace(/^\.\//, '').replace(/\.ts$/, '')],
  ]),
);
tsconfigPaths.register({ baseUrl: out, paths });
process.argv.splice(2, 1);
require(join(out, entry));
