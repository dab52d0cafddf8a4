import type { ReactNode } from 'react';
import { useState } from 'react';
import { Button, Card, ConfirmDialog, Notice, SectionHeading, Stack } from '@lookbook/web-ui';
import { errorMessage } from '../../../lib/api-error';

export function ActionCard({
  title,
  children,
  onSubmit,
  pending,
  error,
  done,
  confirm,
}: {
  title: string;
  children: ReactNode;
  onSubmit: () => void;
  pending: boolean;
  error: unknown;
  done: string | null;
  /** A step that cannot be undone asks first (the form's submit opens the question). */
  confirm?: { title: string; body: ReactNode; confirmLabel: string };
}) {
  const [asking, setAsking] = useState(false);
  return (
    <Card>
      <SectionHeading>{title}</SectionHeading>
      <Stack
        as="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (confirm) setAsking(true);
          else onSubmit();
        }}
      >
        {children}
        {!!error && <Notice tone="bad">{errorMessage(error)}</Notice>}
        {done && <Notice tone="good">{done}</Notice>}
        <Button type="submit" isPending={pending} className="self-start">
          {title}
        </Button>
      </Stack>
      {confirm && (
        <ConfirmDialog
          isOpen={asking}
          onOpenChange={setAsking}
          title={confirm.title}
          confirmLabel={confirm.confirmLabel}
          onConfirm={() => {
            setAsking(false);
            onSubmit();
          }}
        >
          {confirm.body}
        </ConfirmDialog>
      )}
    </Card>
  );
}
