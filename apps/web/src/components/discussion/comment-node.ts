import { CommentFields } from '../../api/discussions';
import type { CommentFieldsFragment } from '../../gql/graphql';
import { readFragment } from '../../gql';
import type { FragmentType } from '../../gql';

/** A comment as the section renders it: its fields unmasked, with its replies. */
export type CommentNode = Omit<CommentFieldsFragment, ' $fragmentName'> & { replies: CommentNode[] };

type Masked = FragmentType<typeof CommentFields> & { replies?: readonly Masked[] };

export function unmaskComment(masked: Masked): CommentNode {
  const fields = readFragment(CommentFields, masked);
  return { ...fields, replies: (masked.replies ?? []).map(unmaskComment) };
}
