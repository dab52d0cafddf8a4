import { lineDiff, snapshotDrift, SYNC_COMMAND } from './snapshot-diff';

describe('snapshotDrift', () => {
  const a = 'libs/server/shop/sql/widget.repository.sql';

  it('is empty when the committed files are the generated ones', () => {
    expect(snapshotDrift(new Map([[a, 'x\n']]), new Map([[a, 'x\n']]))).toBe('');
    expect(snapshotDrift(new Map(), new Map())).toBe('');
  });

  it('names changed, new and stale files and the command to run', () => {
    const drift = snapshotDrift(
      new Map([
        [a, '-- W.byId\nSELECT 1;\n'],
        ['libs/server/shop/sql/gone.repository.sql', 'x'],
      ]),
      new Map([
        [a, '-- W.byId\nSELECT 2;\n'],
        ['libs/server/shop/sql/new.repository.sql', 'y'],
      ]),
    );
    expect(drift).toContain(SYNC_COMMAND);
    expect(drift).toContain(`${a}:\n`);
    expect(drift).toContain('- SELECT 1;');
    expect(drift).toContain('+ SELECT 2;');
    expect(drift).toContain('gone.repository.sql: stale');
    expect(drift).toContain('new.repository.sql: new');
  });
});

describe('lineDiff', () => {
  it('shows changes with two lines of context and elides the rest', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i}`);
    const after = [...before];
    after[10] = 'changed';
    expect(lineDiff(before.join('\n'), after.join('\n')).split('\n')).toEqual([
      '  …',
      '  line 8',
      '  line 9',
      '- line 10',
      '+ changed',
      '  line 11',
      '  line 12',
      '  …',
    ]);
  });

  it('keeps common lines common when lines are inserted or removed', () => {
    expect(lineDiff('a\nb\nc', 'a\nx\nb\nc')).toBe('  a\n+ x\n  b\n  c');
    expect(lineDiff('a\nb\nc', 'a\nc')).toBe('  a\n- b\n  c');
  });
});
