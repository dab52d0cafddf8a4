// `npm run docs:check` (part of `npm run lint`): the docs' GraphQL examples against the API schema, every relative
// link, no issue numbers, and the configuration reference against the config schema.
// `npm run docs:config`: rewrite docs/reference/configuration.md from the config schema.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { buildSchema } from 'graphql';
import { describeConfig } from '@lookbook/core/config';
import { CONFIG_REFERENCE, configDrift, renderConfigReference } from './config-reference';
import { checkGraphqlExamples } from './graphql-examples';
import { checkNoIssueNumbers } from './issue-numbers';
import { checkLinks } from './links';
import type { DocFile } from './markdown';
import { PENDING_LINKS } from './pending-links';
import { formatProblem } from './markdown';

const root = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

function markdownUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return markdownUnder(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

async function main(): Promise<void> {
  const expected = renderConfigReference(describeConfig());
  if (process.argv.includes('--write-config')) {
    const prettier = await import('prettier');
    const file = join(root, CONFIG_REFERENCE);
    const options = (await prettier.resolveConfig(file)) ?? {};
    writeFileSync(file, await prettier.format(expected, { ...options, filepath: file }));
    process.stdout.write(`Wrote ${CONFIG_REFERENCE}\n`);
    return;
  }
  const files: DocFile[] = ['README.md', ...markdownUnder('docs')].map((path) => ({ path, text: read(path) }));
  const problems = [
    ...checkGraphqlExamples(files, buildSchema(read('apps/api/schema.gql'))),
    ...checkLinks(
      files,
      {
        exists: (path) => existsSync(join(root, path)) && relative(root, join(root, path)).split(sep)[0] !== '..',
        read: (path) =>
          path.endsWith('.md') && existsSync(join(root, path)) && statSync(join(root, path)).isFile()
            ? read(path)
            : undefined,
      },
      PENDING_LINKS,
    ),
    ...checkNoIssueNumbers(files),
    ...configDrift(existsSync(join(root, CONFIG_REFERENCE)) ? read(CONFIG_REFERENCE) : undefined, expected),
  ];
  if (problems.length === 0) {
    process.stdout.write(`docs: ${files.length} files checked (GraphQL examples, links, config reference)\n`);
    return;
  }
  process.stderr.write(`${problems.map(formatProblem).join('\n')}\n\ndocs: ${problems.length} problem(s)\n`);
  process.exitCode = 1;
}

void main();
