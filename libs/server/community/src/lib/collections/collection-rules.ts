import { multiLine, singleLine } from '@lookbook/kernel';
import type { CollectionRole, CollectionVisibility } from './collection';
import { MAX_DESCRIPTION, MAX_NOTE, MAX_TITLE } from './collection';

/** What one may do with a collection. Computed in one place, from the role and the visibility only. */
export interface CollectionPermissions {
  view: boolean;
  /** Add and remove items, reorder them, edit their notes. */
  editItems: boolean;
  /** Title, description, visibility, cover. */
  editSettings: boolean;
  delete: boolean;
  /** Invite editors and remove them. */
  manageEditors: boolean;
  /** Accept a pending invitation. */
  accept: boolean;
  /** Leave (an editor) or decline (an invited member). */
  leave: boolean;
  /** Follow: anyone who can see it but its owner and editors. */
  follow: boolean;
}

/**
 * The one permission table (no OR-ed flags scattered over handlers): the owner does everything but follow or leave;
 * an active editor edits items and may leave; an invited member sees the collection (to decide) and may accept or
 * decline; anyone else sees it only when it is public, and may follow it then.
 */
export function collectionPermissions(role: CollectionRole, visibility: CollectionVisibility): CollectionPermissions {
  const member = role === 'OWNER' || role === 'EDITOR';
  const view = member || role === 'INVITED' || visibility === 'PUBLIC';
  return {
    view,
    editItems: member,
    editSettings: role === 'OWNER',
    delete: role === 'OWNER',
    manageEditors: role === 'OWNER',
    accept: role === 'INVITED',
    leave: role === 'EDITOR' || role === 'INVITED',
    follow: view && !member,
  };
}

/** The viewer's role from the collection's owner and the viewer's membership row (if any). */
export function roleOf(
  viewerId: string | null,
  ownerId: string,
  membership: 'INVITED' | 'ACTIVE' | null,
): CollectionRole {
  if (!viewerId) return 'NONE';
  if (viewerId === ownerId) return 'OWNER';
  if (membership === 'ACTIVE') return 'EDITOR';
  if (membership === 'INVITED') return 'INVITED';
  return 'NONE';
}

export function checkTitle(title: string): string {
  return singleLine(title, 'title', { max: MAX_TITLE });
}

export function checkDescription(description: string): string {
  return multiLine(description, 'description', { max: MAX_DESCRIPTION, optional: true });
}

/** A note: plain text, several lines, at most 500 characters; stored as typed and always rendered escaped. */
export function checkNote(note: string): string {
  return multiLine(note, 'note', { max: MAX_NOTE, optional: true });
}

/**
 * Gapped integer positions. An append takes the last position + GAP; a move takes the midpoint of its new neighbours.
 * Only when two neighbours are adjacent integers is there no room: then the caller renumbers that one collection
 * (GAP apart, in order) and asks again. With GAP 1024 that happens after about ten moves into the same gap, so a
 * drag costs one UPDATE of one row, not a rewrite of the list.
 */
export const POSITION_GAP = 1024;

/** The position for an item placed between `before` and `after` (null: the start or the end), or null: renumber. */
export function positionBetween(before: number | null, after: number | null): number | null {
  if (before === null && after === null) return POSITION_GAP;
  if (before === null) return after! - POSITION_GAP;
  if (after === null) return before + POSITION_GAP;
  if (after <= before) throw new Error(`positions out of order: ${before} ≥ ${after}`);
  if (after - before < 2) return null;
  return before + Math.floor((after - before) / 2);
}

/** Positions after renumbering `count` items in their current order. */
export function renumbered(count: number): number[] {
  return Array.from({ length: count }, (_, i) => (i + 1) * POSITION_GAP);
}
