import { checkLinks } from './links';
import { headingAnchors, linksIn } from './markdown';

const disk: Record<string, string> = {
  'README.md': '# Lookbook\n\n## Quick start\n',
  'docs/guides/search.md':
    '# Search\n\n## Facets are disjunctive\n\n## `search` in GraphQL\n\n## Facets are disjunctive\n',
  'docs/reference/configuration.md': '# Configuration\n',
  'apps/api/schema.gql': 'type Query { a: Int }',
};
const dirs = new Set(['docs', 'docs/guides', 'docs/reference', 'apps/api']);
const repository = {
  exists: (path: string) => path in disk || dirs.has(path),
  read: (path: string) => disk[path],
};
const check = (path: string, ...lines: string[]) => checkLinks([{ path, text: lines.join('\n') }], repository);

describe('checkLinks', () => {
  it('accepts links to files, folders, headings and the outside world', () => {
    expect(
      check(
        'docs/guides/buying.md',
        '# Buying',
        '',
        'See [search](search.md), [its facets](search.md#facets-are-disjunctive), the [second](./search.md#facets-are-disjunctive-1)',
        'and [GraphQL](search.md#search-in-graphql), [the schema](../../apps/api/schema.gql), [guides](./), [top](#buying),',
        '[the README](/README.md#quick-start), [Stripe](https://stripe.com/docs) and [mail](mailto:a@b.c).',
        '[ref]: ../reference/configuration.md',
      ),
    ).toEqual([]);
  });

  it.each([
    ['a missing file', '[x](missing.md)', /broken link: missing\.md \(no docs\/guides\/missing\.md\)/],
    ['a missing heading', '[x](search.md#no-such-part)', /no heading #no-such-part in docs\/guides\/search\.md/],
    ['a missing heading in the same page', '[x](#nowhere)', /no heading #nowhere in docs\/guides\/buying\.md/],
    ['a path outside the repository', '[x](../../../shared/ARCHITECTURE.md)', /leaves the repository/],
    ['a reference definition', '[x]: ../reference/nothing.md', /no docs\/reference\/nothing\.md/],
    ['an image', '![diagram](img/flow.png)', /no docs\/guides\/img\/flow\.png/],
  ])('fails on %s, with its line', (_, link, message) => {
    expect(check('docs/guides/buying.md', '# Buying', '', link)).toEqual([
      { file: 'docs/guides/buying.md', line: 3, message: expect.stringMatching(message) },
    ]);
  });

  it('lets a pending page be linked while it is missing, and reports the entry once the page exists', () => {
    const pending = { 'docs/architecture/snapshots.md': 'written elsewhere', 'docs/guides/search.md': 'landed' };
    const text = '[snapshots](../architecture/snapshots.md) and [other](../architecture/other.md)';
    expect(checkLinks([{ path: 'docs/guides/a.md', text }], repository, pending)).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringMatching(/no docs\/architecture\/other\.md/) }),
      { file: 'docs/guides/search.md', line: 1, message: expect.stringMatching(/^exists now: remove it/) },
    ]);
  });

  it('does not read links inside code', () => {
    expect(check('docs/a.md', '`[x](missing.md)`', '', '```md', '[x](missing.md)', '```')).toEqual([]);
  });
});

describe('markdown helpers', () => {
  it('makes GitHub anchors, numbering repeats and ignoring headings in code', () => {
    expect([...headingAnchors('# One: two\n```\n# not a heading\n```\n## One: two\n### `libs/server/core`\n')]).toEqual(
      ['one-two', 'one-two-1', 'libsservercore'],
    );
  });

  it('finds inline links, images and definitions with their lines', () => {
    expect(linksIn('a [b](c.md) ![d](e.png "title")\n\n[f]: <g.md>\n')).toEqual([
      { target: 'c.md', line: 1 },
      { target: 'e.png', line: 1 },
      { target: 'g.md', line: 3 },
    ]);
  });
});
