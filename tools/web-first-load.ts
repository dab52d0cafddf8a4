/**
 * First-load JavaScript of a page of the built web client (dist/web), gzipped: the entry chunk, the page's chunk and
 * every chunk they import statically — what a browser must fetch before the page can render. Budget (issue 12):
 * browse ≤ 200 KB.   npm run size:web [-- page-chunk-prefix …]   (default: browse-page model-page)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = join(__dirname, '..', '..', '..', 'dist', 'web');
const assets = readdirSync(join(dist, 'assets'));
const gz = (file: string) => gzipSync(readFileSync(join(dist, file))).length;

function closure(roots: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.endsWith('.js')) return;
    const source = readFileSync(join(dist, file), 'utf8');
    // Static imports only (`import … from "./x.js"` / `import "./x.js"`); `import("./x.js")` loads later.
    for (const match of source.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+)["']/g))
      visit(`assets/${match[1]}`);
  };
  roots.forEach(visit);
  return seen;
}

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entry = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
const pages = process.argv.slice(2).length ? process.argv.slice(2) : ['browse-page', 'model-page'];
for (const page of pages) {
  const chunk = assets.find((name) => name.startsWith(`${page}-`) && name.endsWith('.js'));
  if (!chunk) throw new Error(`no chunk named ${page}-*.js in dist/web/assets: run "npm run build:web"`);
  const files = [...closure([...entry, `assets/${chunk}`])];
  const js = files.filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + gz(f), 0);
  const css = files.filter((f) => f.endsWith('.css')).reduce((sum, f) => sum + gz(f), 0);
  process.stdout.write(
    `${page}: first-load JS ${(js / 1024).toFixed(1)} KB gzip in ${files.filter((f) => f.endsWith('.js')).length} chunks, CSS ${(css / 1024).toFixed(1)} KB gzip\n`,
  );
}
