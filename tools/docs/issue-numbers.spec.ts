import { checkNoIssueNumbers } from './issue-numbers';

const check = (...lines: string[]) => checkNoIssueNumbers([{ path: 'docs/x.md', text: lines.join('\n') }]);

describe('checkNoIssueNumbers', () => {
  it.each(['Search (issue 13)', 'Issue 26 changed the order', 'as #27 asked', 'see issues 13 and 14', '(#4)'])(
    'fails on "%s"',
    (line) => {
      expect(check('# Title', line)).toEqual([expect.objectContaining({ line: 2 })]);
    },
  );

  it.each(['the licence issuer issues a grant', 'C# and F#', 'step 13', '`issue 13` in code', 'colour #fff'])(
    'passes "%s"',
    (line) => {
      expect(check(line)).toEqual([]);
    },
  );
});
