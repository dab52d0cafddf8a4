import type { ConfigVariable } from '@lookbook/core/config';
import { CONFIG_GROUPS } from '@lookbook/core/config';
import type { DocProblem } from './markdown';

export const CONFIG_REFERENCE = 'docs/reference/configuration.md';
const SCHEMA = 'libs/server/core/src/lib/config/config.schema.ts';

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The configuration reference, as Markdown, from the variables the schema declares. */
export function renderConfigReference(variables: readonly ConfigVariable[]): string {
  const out = [
    '# Configuration',
    '',
    `<!-- Generated from ${SCHEMA} by \`npm run docs:config\`; \`npm run lint\` fails when the two differ. Edit the schema, not this file. -->`,
    '',
    'The server reads environment variables, validated once at start-up: a bad value stops the process with one line',
    'naming the variable (exit code 78). Empty values count as unset. With none set, everything runs on the embedded',
    'defaults; [running in production](../guides/running-in-production.md) says what to set instead.',
    '',
    '**Sensitive** variables hold credentials. Their values are never echoed: a configuration error says',
    '`(value hidden)` instead, and nothing logs them.',
  ];
  for (const [group, title] of Object.entries(CONFIG_GROUPS)) {
    const rows = variables.filter((v) => v.group === group);
    if (rows.length === 0) continue;
    out.push('', `## ${title}`, '', '| variable | default | accepts | sensitive | description |');
    out.push('| --- | --- | --- | --- | --- |');
    for (const v of rows)
      out.push(
        `| \`${v.name}\` | ${cell(v.default ?? '—')} | ${cell(v.accepts)} | ${v.sensitive ? '**yes**' : 'no'} | ${cell(v.description)} |`,
      );
  }
  return `${out.join('\n')}\n`;
}

/** Markdown as far as the reference's content goes: table padding and blank-line runs do not count. */
export function normaliseMarkdown(text: string): string[] {
  const lines: string[] = [];
  for (const raw of text.replace(/\r\n/g, '\n').split('\n')) {
    let line = raw.trimEnd();
    if (line.trimStart().startsWith('|')) {
      const cells = line
        .trim()
        .replace(/^\||\|$/g, '')
        .split(/(?<!\\)\|/)
        .map((c) => c.trim());
      line = cells.every((c) => /^:?-+:?$/.test(c)) ? cells.map(() => '---').join('|') : cells.join('|');
    }
    if (line === '' && (lines.length === 0 || lines[lines.length - 1] === '')) continue;
    lines.push(line);
  }
  while (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Where the committed reference differs from what the schema says now (empty when in step). */
export function configDrift(committed: string | undefined, expected: string): DocProblem[] {
  const fix = `run \`npm run docs:config\` (the schema is ${SCHEMA})`;
  if (committed === undefined) return [{ file: CONFIG_REFERENCE, line: 1, message: `missing: ${fix}` }];
  const have = normaliseMarkdown(committed);
  const want = normaliseMarkdown(expected);
  const problems: DocProblem[] = [];
  const names = (lines: string[]) => new Set(lines.flatMap((l) => /^`([A-Z0-9_]+)`\|/.exec(l)?.[1] ?? []));
  const [documented, declared] = [names(have), names(want)];
  for (const name of declared)
    if (!documented.has(name))
      problems.push({ file: CONFIG_REFERENCE, line: 1, message: `${name} is not documented: ${fix}` });
  for (const name of documented)
    if (!declared.has(name))
      problems.push({ file: CONFIG_REFERENCE, line: 1, message: `${name} is not in the schema: ${fix}` });
  if (problems.length > 0) return problems;
  const at = want.findIndex((line, i) => have[i] !== line);
  if (at === -1 && have.length === want.length) return [];
  const index = at === -1 ? want.length : at;
  const line = committed.split('\n').findIndex((l) => l.trim() !== '' && normaliseMarkdown(l)[0] === have[index]);
  return [
    {
      file: CONFIG_REFERENCE,
      line: line === -1 ? 1 : line + 1,
      message: `out of date: expected "${want[index] ?? '(end of file)'}", found "${have[index] ?? '(end of file)'}": ${fix}`,
    },
  ];
}
