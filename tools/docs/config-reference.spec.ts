import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConfigVariable } from '@lookbook/core/config';
import { describeConfig } from '@lookbook/core/config';
import { CONFIG_REFERENCE, configDrift, normaliseMarkdown, renderConfigReference } from './config-reference';

const variable = (name: string, extra: Partial<ConfigVariable> = {}): ConfigVariable => ({
  name,
  group: 'server',
  description: `What ${name} does.`,
  sensitive: false,
  default: undefined,
  accepts: 'text',
  ...extra,
});

/** What prettier does to a table: pads every cell to its column's width. */
const padded = (markdown: string) =>
  markdown.replace(/^\| (.*) \|$/gm, (row) =>
    row
      .split(' | ')
      .map((c) => (/^\|? ?-+/.test(c) ? c.replace(/-+/, '-'.repeat(12)) : c.padEnd(12)))
      .join(' | '),
  );

describe('the configuration reference', () => {
  const variables = [
    variable('PORT', { default: '`3000`', accepts: 'integer, 1–65,535' }),
    variable('AUTH_SECRET', { group: 'auth', sensitive: true, description: 'Signs | tokens.' }),
  ];
  const reference = renderConfigReference(variables);

  it('shows every variable under its group, with its default, rule, sensitivity and description', () => {
    expect(reference).toContain('## Server');
    expect(reference).toContain('| `PORT` | `3000` | integer, 1–65,535 | no | What PORT does. |');
    expect(reference).toContain('## Accounts and licence keys');
    expect(reference).toContain('| `AUTH_SECRET` | — | text | **yes** | Signs \\| tokens. |');
    expect(reference).not.toContain('## Search'); // a group without variables has no section
  });

  it('is in step with itself however its tables are padded', () => {
    expect(configDrift(reference, reference)).toEqual([]);
    expect(padded(reference)).not.toEqual(reference);
    expect(configDrift(padded(reference), reference)).toEqual([]);
    expect(configDrift(`${reference}\n\n\n`, reference)).toEqual([]);
  });

  it('fails on drift: a changed description, default or sensitivity, naming the line', () => {
    for (const changed of [
      reference.replace('What PORT does.', 'What PORT did.'),
      reference.replace('`3000`', '`8080`'),
      reference.replace('| **yes** |', '| no |'),
    ]) {
      const problems = configDrift(changed, reference);
      expect(problems).toHaveLength(1);
      expect(problems[0]!.message).toMatch(/^out of date: expected ".*", found ".*": run `npm run docs:config`/);
      expect(changed.split('\n')[problems[0]!.line - 1]).toMatch(/PORT|AUTH_SECRET/);
    }
  });

  it('fails on a variable missing from the reference, or one the schema no longer has', () => {
    const withoutPort = reference
      .split('\n')
      .filter((l) => !l.includes('`PORT`'))
      .join('\n');
    expect(configDrift(withoutPort, reference)).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^PORT is not documented/) }),
    ]);
    const stale = `${reference}| \`OLD_PORT\` | — | text | no | Gone. |\n`;
    expect(configDrift(stale, reference)).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^OLD_PORT is not in the schema/) }),
    ]);
    expect(configDrift(undefined, reference)).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^missing/) }),
    ]);
  });

  it('normalises table padding and blank-line runs only', () => {
    expect(normaliseMarkdown('| a   | b |\n| --- | :-: |\n\n\n\ntext  \n')).toEqual(['a|b', '---|---', '', 'text']);
  });

  it('is committed in step with the config schema', () => {
    const file = join(__dirname, '../..', CONFIG_REFERENCE);
    const committed = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    expect(configDrift(committed, renderConfigReference(describeConfig()))).toEqual([]);
  });
});
