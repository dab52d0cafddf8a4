import { useState } from 'react';
import { Button, TextButton } from '@lookbook/web-ui';
import { CommentPreview } from '../../api/discussions';
import { errorMessage } from '../../lib/api-error';
import { execute } from '../../lib/graphql-client';
import type { FlatMarkdownNode } from '../safe-markdown';
import { SafeMarkdown } from '../safe-markdown';

export const MAX_COMMENT = 5000;

/**
 * Writes a comment: Markdown (a subset) in a text area, a preview the server renders into the same safe tree the
 * comment will show, and a submit button. `onSubmit` throws to show its error; the text is kept until it succeeds.
 */
export function CommentComposer({
  initial = '',
  submitLabel,
  label,
  onSubmit,
  onCancel,
  autoFocus,
}: {
  initial?: string;
  submitLabel: string;
  label: string;
  onSubmit: (text: string) => Promise<void>;
  onCancel?: () => void;
  autoFocus?: boolean;
}) {
  const [text, setText] = useState(initial);
  const [preview, setPreview] = useState<FlatMarkdownNode[] | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const blank = text.trim() === '';
  const showPreview = async () => {
    setError(null);
    try {
      setPreview((await execute(CommentPreview, { text })).commentPreview);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const submit = async () => {
    setPending(true);
    setError(null);
    try {
      await onSubmit(text);
      setText('');
      setPreview(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="flex flex-col gap-2" data-testid="comment-composer">
      {preview ? (
        <div className="min-h-24 rounded-lg border border-line bg-surface p-3 text-sm" data-testid="comment-preview">
          {preview.length ? <SafeMarkdown nodes={preview} /> : <span className="text-muted">Nothing to preview</span>}
        </div>
      ) : (
        <textarea
          aria-label={label}
          value={text}
          maxLength={MAX_COMMENT}
          autoFocus={autoFocus}
          onChange={(e) => setText(e.target.value)}
          rows={3}
          placeholder="Write a comment — **bold**, *italic*, `code`, [links](https://…), lists, > quotes, @handle"
          className="w-full rounded-lg border border-line bg-surface p-3 text-sm text-ink focus:outline-2 focus:outline-accent"
          data-testid="comment-input"
        />
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button
          size="sm"
          isPending={pending}
          isDisabled={blank}
          onPress={() => void submit()}
          data-testid="comment-submit"
        >
          {submitLabel}
        </Button>
        <TextButton
          onClick={() => (preview ? setPreview(null) : void showPreview())}
          data-testid="comment-preview-toggle"
        >
          {preview ? 'Write' : 'Preview'}
        </TextButton>
        {onCancel && <TextButton onClick={onCancel}>Cancel</TextButton>}
        <span className="ml-auto text-xs text-muted">
          {text.length}/{MAX_COMMENT}
        </span>
      </div>
      {error && (
        <p role="alert" className="text-sm text-bad">
          {error}
        </p>
      )}
    </div>
  );
}
