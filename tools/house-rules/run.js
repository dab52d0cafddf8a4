// `npm run lint` runs the house rules from their TypeScript sources, without a server build: `.ts` files required
// from here are compiled on the fly by SWC with the workspace's .swcrc (the same compiler jest uses).
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { transformSync } = require('@swc/core');

const swcrc = JSON.parse(readFileSync(join(__dirname, '..', '..', '.swcrc'), 'utf8'));
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...swcrc, swcrc: false, filename });
  module._compile(code, filename);
};

require('./check').main();
