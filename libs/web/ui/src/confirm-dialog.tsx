import type { ReactNode } from 'react';
import { useId, useState } from 'react';
import { Button } from './button';
import type { ButtonSize, ButtonVariant } from './button-styles';
import { Dialog } from './dialog';
import { Notice } from './feedback';
import { TextField } from './field';

export interface ConfirmReason {
  /** The reason field's label ("Why are you asking for a refund?"). */
  label: string;
  description?: ReactNode;
  /** A reason must be given before confirming. */
  required?: boolean;
  /** Longest reason accepted (characters; default 500). */
  maxLength?: number;
}

export interface ConfirmDialogProps {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  /** The question: "Refund this order?" */
  title: string;
  /** What will happen, and what cannot be undone. */
  children: ReactNode;
  /** The confirming button says what it does ("Refund $12.00"), never just "OK". */
  confirmLabel: string;
  cancelLabel?: string;
  /** `danger` for what destroys or cannot be undone (the default); `primary` for a weighty but safe step. */
  tone?: 'danger' | 'primary';
  /** An optional (or required) free-text reason, handed to onConfirm. */
  reason?: ConfirmReason;
  /**
   * Does the thing. A returned promise keeps the dialog open and pending until it settles: resolved closes it,
   * rejected keeps it open so `error` can say why.
   */
  onConfirm: (reason: string) => unknown;
  isPending?: boolean;
  /** Why the last attempt failed, as a sentence (errorMessage(e)). */
  error?: string | null;
}

/**
 * The design system's "are you sure?": a modal that names the consequence, optionally asks why, and confirms with a
 * button that says what it does. Focus starts on Cancel, so Enter never destroys by accident; Escape cancels.
 */
export function ConfirmDialog({
  isOpen,
  onOpenChange,
  title,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  tone = 'danger',
  reason,
  onConfirm,
  isPending = false,
  error,
}: ConfirmDialogProps) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const descriptionId = useId();
  const max = reason?.maxLength ?? 500;
  const trimmed = text.trim();
  const reasonError =
    reason && [...trimmed].length > max ? `Keep the reason to ${max.toLocaleString('en')} characters or fewer.` : null;
  const blocked = !!reasonError || (!!reason?.required && !trimmed);
  const pending = isPending || busy;

  const close = (open: boolean) => {
    if (pending) return;
    if (!open) setText('');
    onOpenChange(open);
  };
  const confirm = async () => {
    if (blocked || pending) return;
    const result = onConfirm(trimmed);
    if (!(result instanceof Promise)) return;
    setBusy(true);
    try {
      await result;
      setText('');
      onOpenChange(false);
    } catch {
      // The caller's `error` says why; the dialog stays open to try again or cancel.
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={title} isOpen={isOpen} onOpenChange={close}>
      <form
        className="flex flex-col gap-4"
        aria-describedby={descriptionId}
        data-testid="confirm-dialog"
        onSubmit={(event) => {
          event.preventDefault();
          void confirm();
        }}
      >
        <div id={descriptionId} className="text-sm text-muted">
          {children}
        </div>
        {reason && (
          <TextField
            label={reason.required ? reason.label : `${reason.label} (optional)`}
            description={reason.description}
            value={text}
            onChange={setText}
            multiline
            rows={3}
            error={reasonError}
            isRequired={reason.required}
          />
        )}
        {error && <Notice tone="bad">{error}</Notice>}
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" autoFocus onPress={() => close(false)} isDisabled={pending}>
            {cancelLabel}
          </Button>
          <Button type="submit" variant={tone} isDisabled={blocked} isPending={pending}>
            {confirmLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

export interface ConfirmButtonProps extends Omit<ConfirmDialogProps, 'isOpen' | 'onOpenChange'> {
  /** The button that opens the dialog. */
  label: ReactNode;
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
  isDisabled?: boolean;
}

/** A button that asks first: it opens a ConfirmDialog, and only the dialog's button does the thing. */
export function ConfirmButton({
  label,
  variant = 'secondary',
  size = 'sm',
  className,
  isDisabled,
  ...dialog
}: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant={variant}
        size={size}
        className={className}
        isDisabled={isDisabled}
        isPending={dialog.isPending && !open}
        onPress={() => setOpen(true)}
      >
        {label}
      </Button>
      <ConfirmDialog {...dialog} isOpen={open} onOpenChange={setOpen} />
    </>
  );
}
