import type { ModelStatus, StatusActor } from './model-status';
import { canTransition, MODEL_STATUSES } from './model-status';

/** The complete table, written out independently of the implementation: every pair not listed must be refused. */
const ALLOWED = new Set([
  'DRAFT>PUBLISHED:OWNER',
  'DRAFT>ARCHIVED:OWNER',
  'DRAFT>TAKEN_DOWN:MODERATOR',
  'PUBLISHED>UNPUBLISHED:OWNER',
  'PUBLISHED>UNPUBLISHED:MODERATOR',
  'PUBLISHED>ARCHIVED:OWNER',
  'PUBLISHED>TAKEN_DOWN:MODERATOR',
  'UNPUBLISHED>PUBLISHED:OWNER',
  'UNPUBLISHED>ARCHIVED:OWNER',
  'UNPUBLISHED>TAKEN_DOWN:MODERATOR',
  'ARCHIVED>UNPUBLISHED:OWNER',
  'ARCHIVED>TAKEN_DOWN:MODERATOR',
  'TAKEN_DOWN>UNPUBLISHED:MODERATOR',
]);

const ACTORS: StatusActor[] = ['OWNER', 'MODERATOR'];
const cases: [ModelStatus, ModelStatus, StatusActor][] = MODEL_STATUSES.flatMap((from) =>
  MODEL_STATUSES.flatMap((to) => ACTORS.map((actor) => [from, to, actor] as [ModelStatus, ModelStatus, StatusActor])),
);

describe('style model status machine', () => {
  it.each(cases)('%s → %s by %s', (from, to, actor) => {
    expect(canTransition(from, to, actor)).toBe(ALLOWED.has(`${from}>${to}:${actor}`));
  });

  it('never lets an owner leave TAKEN_DOWN, and has no self-transitions', () => {
    for (const to of MODEL_STATUSES) expect(canTransition('TAKEN_DOWN', to, 'OWNER')).toBe(false);
    for (const s of MODEL_STATUSES) for (const a of ACTORS) expect(canTransition(s, s, a)).toBe(false);
  });
});
