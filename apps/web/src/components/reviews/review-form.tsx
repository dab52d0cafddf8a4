import { useState } from 'react';
import { Button, Stack, TextField } from '@lookbook/web-ui';
import { errorMessage } from '../../lib/api-error';

export const REVIEW_TEXT_MAX = 2000;

/** Stars (a radio group: arrows move, the label says the number) and plain text; create or edit. */
export function ReviewForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: { rating: number; body: string };
  submitLabel: string;
  onSubmit: (input: { rating: number; body: string }) => Promise<void>;
  onCancel?: () => void;
}) {
  const [rating, setRating] = useState(initial?.rating ?? 0);
  const [body, setBody] = useState(initial?.body ?? '');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const submit = async () => {
    if (rating < 1) return setError('Choose 1 to 5 stars.');
    if (!body.trim()) return setError('Say a few words about it.');
    setPending(true);
    setError(null);
    try {
      await onSubmit({ rating, body });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  };
  return (
    <form
      className="flex flex-col gap-3"
      data-testid="review-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium">Your rating</legend>
        <div className="flex gap-1" role="radiogroup" aria-label="Rating">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="cursor-pointer text-2xl leading-none text-accent">
              <input
                type="radio"
                name="rating"
                value={n}
                checked={rating === n}
                onChange={() => setRating(n)}
                className="peer sr-only"
                data-testid={`rating-${n}`}
              />
              <span aria-hidden className="rounded peer-focus-visible:outline peer-focus-visible:outline-2">
                {n <= rating ? '★' : '☆'}
              </span>
              <span className="sr-only">{`${n} star${n === 1 ? '' : 's'}`}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <TextField
        label="Your review"
        multiline
        rows={4}
        value={body}
        onChange={setBody}
        maxLength={REVIEW_TEXT_MAX}
        description={`Plain text, up to ${REVIEW_TEXT_MAX.toLocaleString()} characters. ${body.length.toLocaleString()} used.`}
        data-testid="review-body"
      />
      {error && (
        <p role="alert" className="text-sm text-bad">
          {error}
        </p>
      )}
      <Stack direction="row" gap={2}>
        <Button type="submit" size="sm" isPending={pending} data-testid="review-submit">
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="secondary" size="sm" onPress={onCancel}>
            Cancel
          </Button>
        )}
      </Stack>
    </form>
  );
}
