import { memoryWorkspace } from '../workspace';
import { domainMissingFromDocs, domainTable } from './domain-missing-from-docs';

const README = 'docs/architecture/README.md';
const projects = (...names: string[]) =>
  Object.fromEntries(names.map((name) => [`libs/server/${name}/project.json`, '{}']));
const table = (...rows: string[]) =>
  [
    '# Architecture',
    '',
    '| domain | notes |',
    '| --- | --- |',
    ...rows.map((row) => `| ${row} | x |`),
    '',
    'After.',
  ].join('\n');
const check = (tree: Record<string, string>) =>
  domainMissingFromDocs({ testing: 'the test harness' }).check(memoryWorkspace(tree));

describe('domain-missing-from-docs', () => {
  it('passes when every domain has one row, and the harness is not a domain', () => {
    const tree = {
      ...projects('core', 'shop', 'testing'),
      [README]: table('`libs/server/core`', '`libs/server/shop`'),
    };
    expect(check(tree)).toEqual([]);
  });

  it('fails a domain without a row, naming the domain folder', () => {
    const tree = { ...projects('core', 'shop', 'spaces'), [README]: table('`libs/server/core`', '`libs/server/shop`') };
    expect(check(tree)).toEqual([
      expect.objectContaining({ file: 'libs/server/spaces', message: `has no row in the domain table of ${README}` }),
    ]);
  });

  it.each([
    ['a bare name', 'shop', 'write the first column as `libs/server/<name>`'],
    ['a row of no domain', '`libs/server/gone`', 'not a server domain'],
    ['a second row', '`libs/server/core`', 'has a second row'],
  ])('fails %s', (_, cell, message) => {
    const tree = { ...projects('core'), [README]: table('`libs/server/core`', cell) };
    expect(check(tree)).toContainEqual(
      expect.objectContaining({ file: README, line: 6, message: expect.stringContaining(message) }),
    );
  });

  it('fails when the docs or their table are missing', () => {
    expect(check({ ...projects('core') })).toEqual([expect.objectContaining({ file: README })]);
    expect(
      check({ ...projects('core'), [README]: '| layer | x |\n| --- | --- |\n| `libs/server/core` | x |' }),
    ).toEqual([expect.objectContaining({ message: expect.stringContaining('has no domain table') })]);
  });

  it('reads the first table headed "domain", up to its end', () => {
    const text = [
      '| tag | x |',
      '|---|---|',
      '| `libs/server/a` | y |',
      '',
      '| Domain | x |',
      '|:--|--:|',
      '| `libs/server/b` | y |',
      'text',
    ];
    expect(domainTable(text.join('\n'))).toEqual([{ cell: '`libs/server/b`', line: 7 }]);
  });
});
