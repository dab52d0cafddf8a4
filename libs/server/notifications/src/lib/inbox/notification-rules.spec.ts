import { NOTIFICATION_KINDS } from '@lookbook/core';
import { DEFAULT_EMAIL, effectivePreferences, groupKeyOf, groupSummary } from './notification-rules';

const at = new Date('2026-12-07T23:59:59.000Z');
const subject = '00000000-0000-4000-8000-0000000000c1';

describe('notification preferences', () => {
  it('gives every kind a choice: the member’s where they made one, the default elsewhere', () => {
    const prefs = effectivePreferences([
      { kind: 'LIKE', inApp: false, email: 'OFF' },
      { kind: 'SALE', inApp: true, email: 'DIGEST' },
    ]);
    expect(prefs.map((p) => p.kind)).toEqual([...NOTIFICATION_KINDS]);
    expect(prefs.find((p) => p.kind === 'LIKE')).toEqual({ kind: 'LIKE', inApp: false, email: 'OFF' });
    expect(prefs.find((p) => p.kind === 'SALE')).toEqual({ kind: 'SALE', inApp: true, email: 'DIGEST' });
    expect(prefs.find((p) => p.kind === 'FOLLOW')).toEqual({ kind: 'FOLLOW', inApp: true, email: 'DIGEST' });
  });

  it.each([
    ['SALE', 'IMMEDIATE'],
    ['LICENSE_REVOKED', 'IMMEDIATE'],
    ['REMIX_DECISION', 'IMMEDIATE'],
    ['MENTION', 'IMMEDIATE'],
    ['REVIEW', 'IMMEDIATE'],
    ['LIKE', 'DIGEST'],
    ['FOLLOW', 'DIGEST'],
    ['SAVED_SEARCH_MATCH', 'DIGEST'],
  ] as const)('mails %s %s by default', (kind, email) => {
    expect(DEFAULT_EMAIL[kind]).toBe(email);
  });
});

describe('grouping', () => {
  it('groups a storm kind by subject and UTC day, and leaves every other notification alone', () => {
    const like = { id: 'n1', kind: 'LIKE' as const, subjectKind: 'MODEL', subjectId: subject };
    expect(groupKeyOf(like, at)).toBe(`LIKE:MODEL:${subject}:2026-12-07`);
    expect(groupKeyOf({ ...like, id: 'n2' }, at)).toBe(groupKeyOf(like, at));
    expect(groupKeyOf(like, new Date('2026-12-08T00:00:00.000Z'))).not.toBe(groupKeyOf(like, at));
    expect(groupKeyOf({ ...like, subjectId: 'other' }, at)).not.toBe(groupKeyOf(like, at));
    expect(groupKeyOf({ ...like, kind: 'SALE' }, at)).toBe('n1');
    expect(groupKeyOf({ ...like, subjectId: null }, at)).toBe('n1');
  });

  it.each([
    ['Ada liked Neon Harbour', 'Ada', 1, 'Ada liked Neon Harbour'],
    ['Ada liked Neon Harbour', 'Ada', 2, 'Ada and 1 other liked Neon Harbour'],
    ['Ada liked Neon Harbour', 'Ada', 40, 'Ada and 39 others liked Neon Harbour'],
    ['Ada Lovelace followed you', 'Ada Lovelace', 1000, 'Ada Lovelace and 999 others followed you'],
    // The name changed since, or the text does not start with it: the count still shows.
    ['Ada liked Neon Harbour', 'Adalind', 3, 'Ada liked Neon Harbour (and 2 more)'],
    ['3 new models match “ink”', null, 2, '3 new models match “ink” (and 1 more)'],
  ])('reads "%s" by %s ×%i as "%s"', (text, name, count, expected) => {
    expect(groupSummary(text, name, count)).toBe(expected);
  });
});
