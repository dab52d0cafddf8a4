import { COLLECTION_ROLES, COLLECTION_VISIBILITIES } from './collection';
import type { CollectionRole, CollectionVisibility } from './collection';
import {
  checkDescription,
  checkNote,
  checkTitle,
  collectionPermissions,
  POSITION_GAP,
  positionBetween,
  renumbered,
  roleOf,
} from './collection-rules';

describe('collectionPermissions', () => {
  // role × visibility → [view, editItems, editSettings, delete, manageEditors, accept, leave, follow]
  const table: [CollectionRole, CollectionVisibility, boolean[]][] = [
    ['OWNER', 'PUBLIC', [true, true, true, true, true, false, false, false]],
    ['OWNER', 'PRIVATE', [true, true, true, true, true, false, false, false]],
    ['EDITOR', 'PUBLIC', [true, true, false, false, false, false, true, false]],
    ['EDITOR', 'PRIVATE', [true, true, false, false, false, false, true, false]],
    ['INVITED', 'PUBLIC', [true, false, false, false, false, true, true, true]],
    ['INVITED', 'PRIVATE', [true, false, false, false, false, true, true, true]],
    ['NONE', 'PUBLIC', [true, false, false, false, false, false, false, true]],
    ['NONE', 'PRIVATE', [false, false, false, false, false, false, false, false]],
  ];

  it('covers every role and visibility', () => {
    expect(table).toHaveLength(COLLECTION_ROLES.length * COLLECTION_VISIBILITIES.length);
  });

  it.each(table)('%s of a %s collection', (role, visibility, expected) => {
    const can = collectionPermissions(role, visibility);
    expect([
      can.view,
      can.editItems,
      can.editSettings,
      can.delete,
      can.manageEditors,
      can.accept,
      can.leave,
      can.follow,
    ]).toEqual(expected);
  });

  it('never lets anyone do anything with what they cannot see', () => {
    for (const role of COLLECTION_ROLES)
      for (const visibility of COLLECTION_VISIBILITIES) {
        const { view, ...rest } = collectionPermissions(role, visibility);
        if (!view) expect(Object.values(rest).every((v) => !v)).toBe(true);
      }
  });
});

describe('roleOf', () => {
  it.each([
    [null, 'o', null, 'NONE'],
    [null, 'o', 'ACTIVE', 'NONE'],
    ['o', 'o', null, 'OWNER'],
    ['o', 'o', 'INVITED', 'OWNER'],
    ['e', 'o', 'ACTIVE', 'EDITOR'],
    ['e', 'o', 'INVITED', 'INVITED'],
    ['x', 'o', null, 'NONE'],
  ] as const)('viewer %s, owner %s, membership %s → %s', (viewer, owner, membership, role) => {
    expect(roleOf(viewer, owner, membership)).toBe(role);
  });
});

describe('positionBetween', () => {
  it.each([
    [null, null, POSITION_GAP],
    [null, 1024, 0],
    [null, -5, -5 - POSITION_GAP],
    [2048, null, 2048 + POSITION_GAP],
    [1024, 2048, 1536],
    [1, 4, 2],
    [1, 3, 2],
    [-10, 10, 0],
  ])('between %p and %p → %p', (before, after, expected) => {
    expect(positionBetween(before, after)).toBe(expected);
  });

  it.each([
    [1, 2],
    [7, 8],
    [-1, 0],
  ])('finds no room between adjacent %p and %p (renumber)', (before, after) => {
    expect(positionBetween(before, after)).toBeNull();
  });

  it('refuses neighbours out of order', () => {
    expect(() => positionBetween(5, 5)).toThrow();
    expect(() => positionBetween(6, 5)).toThrow();
  });

  it('keeps a strict order over many moves into the same gap, renumbering only when a gap is used up', () => {
    // Items a..e; repeatedly move the last item to just after the first.
    let order = ['a', 'b', 'c', 'd', 'e'];
    let pos = new Map(order.map((k, i) => [k, renumbered(order.length)[i]!]));
    let renumbers = 0;
    for (let move = 0; move < 50; move++) {
      const moving = order[order.length - 1]!;
      const rest = order.filter((k) => k !== moving);
      let p = positionBetween(pos.get(rest[0]!)!, pos.get(rest[1]!)!);
      if (p === null) {
        renumbers++;
        pos = new Map(order.map((k, i) => [k, renumbered(order.length)[i]!]));
        p = positionBetween(pos.get(rest[0]!)!, pos.get(rest[1]!)!)!;
      }
      pos.set(moving, p);
      order = [...order].sort((x, y) => pos.get(x)! - pos.get(y)!);
      expect(order).toEqual([rest[0], moving, ...rest.slice(1)]);
    }
    // A gap of 1024 halves about ten times before it is used up.
    expect(renumbers).toBeGreaterThan(0);
    expect(renumbers).toBeLessThanOrEqual(6);
  });

  it('renumbers in order, GAP apart', () => {
    expect(renumbered(3)).toEqual([1024, 2048, 3072]);
    expect(renumbered(0)).toEqual([]);
  });
});

describe('text', () => {
  it('takes a one-line title of 1–100 characters, trimmed', () => {
    expect(checkTitle('  Rainy neon nights ')).toBe('Rainy neon nights');
    expect(checkTitle('🌧'.repeat(100))).toHaveLength(200);
    expect(() => checkTitle('')).toThrow(expect.objectContaining({ code: 'INVALID_TEXT' }));
    expect(() => checkTitle('\u200b')).toThrow(expect.objectContaining({ code: 'INVALID_TEXT' }));
    expect(() => checkTitle('a'.repeat(101))).toThrow(expect.objectContaining({ code: 'INVALID_TEXT' }));
    expect(() => checkTitle('two\nlines')).toThrow(expect.objectContaining({ code: 'INVALID_TEXT' }));
  });

  it('keeps markup in notes and descriptions as typed (they render as text), within their caps', () => {
    expect(checkNote('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
    expect(checkNote('line one\r\nline two  ')).toBe('line one\nline two');
    expect(checkNote('')).toBe('');
    expect(checkNote('x'.repeat(500))).toHaveLength(500);
    expect(() => checkNote('x'.repeat(501))).toThrow(expect.objectContaining({ code: 'INVALID_TEXT' }));
    expect(() => checkNote('a\u202eb')).toThrow(expect.objectContaining({ code: 'INVALID_TEXT' }));
    expect(checkDescription('')).toBe('');
    expect(() => checkDescription('d'.repeat(1001))).toThrow(expect.objectContaining({ code: 'INVALID_TEXT' }));
  });
});
