import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Card, NativeSelect, Notice, SectionHeading, Stack } from '@lookbook/web-ui';
import { searchKeys, sessionKeys } from '../../../api/keys';
import type { Maturity } from '../../../gql/graphql';
import { errorMessage } from '../../../lib/api-error';
import { execute } from '../../../lib/graphql-client';
import { SetMaturity } from '../api/mutations';

const MATURITY_CHOICES: { id: Maturity; label: string }[] = [
  { id: 'SFW', label: 'Safe for work only' },
  { id: 'SUGGESTIVE', label: 'Up to suggestive (the default)' },
  { id: 'MATURE', label: 'Up to mature' },
  { id: 'EXPLICIT', label: 'Everything, explicit included' },
];

/** What search shows by default: every level up to this one (a search can still ask for more, shown as a chip). */
export function MaturityCard({ current }: { current: Maturity }) {
  const client = useQueryClient();
  const [choice, setChoice] = useState<Maturity>(current);
  const save = useMutation({
    mutationFn: () => execute(SetMaturity, { maxMaturity: choice }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: sessionKeys.all });
      await client.invalidateQueries({ queryKey: searchKeys.all });
    },
  });
  return (
    <Card>
      <SectionHeading description="What search shows you unless you ask for more.">Content maturity</SectionHeading>
      <Stack
        as="form"
        className="max-w-md"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <NativeSelect
          label="Show models rated"
          value={choice}
          onChange={(value) => setChoice(value as Maturity)}
          options={MATURITY_CHOICES}
        />
        {save.isError && <Notice tone="bad">{errorMessage(save.error)}</Notice>}
        {save.isSuccess && <Notice tone="good">Saved. Search now follows this setting.</Notice>}
        <Button
          type="submit"
          variant="secondary"
          className="self-start"
          isPending={save.isPending}
          isDisabled={choice === current && !save.isError}
        >
          Save
        </Button>
      </Stack>
    </Card>
  );
}
