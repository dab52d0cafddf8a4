import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Button,
  Card,
  NativeSelect,
  Notice,
  PercentField,
  SectionHeading,
  Stack,
  Text,
  TextField,
  TextLink,
  parsePercent,
} from '@lookbook/web-ui';
import { modelParentKeys } from '../../../api/keys';
import { modelParentsQuery, RELATION } from '../../../api/model-parents';
import { errorMessage } from '../../../lib/api-error';
import { execute } from '../../../lib/graphql-client';
import { DeriveModel } from '../api/mutations';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * What this model derives from, and the share of each sale it passes to each parent's author (the royalty cascade
 * pays them on every sale from now on). Paste the parent model's link or id.
 */
export function ModelLineageCard({ modelId }: { modelId: string }) {
  const client = useQueryClient();
  const parents = useSuspenseQuery(modelParentsQuery(modelId));
  const [parent, setParent] = useState('');
  const [relation, setRelation] = useState('FINETUNE');
  const [share, setShare] = useState('10');
  const parentModelId = UUID.exec(parent)?.[0]?.toLowerCase() ?? '';
  // Entered in percent, checked in percent, sent in basis points.
  const { bps, error: shareError } = parsePercent(share);
  const shareBps = bps ?? 0;
  const derive = useMutation({
    mutationFn: () => execute(DeriveModel, { modelId, parentModelId, relation, shareBps }),
    onSuccess: async () => {
      setParent('');
      // This card and the public model page read the same list.
      await client.invalidateQueries({ queryKey: modelParentKeys.of(modelId) });
    },
  });
  return (
    <Card>
      <SectionHeading description="Built on someone’s model? Declare it and pass its author a share of every sale, paid with each sale.">
        Derived from
      </SectionHeading>
      {parents.data.modelParents.length === 0 ? (
        <Text className="mb-3">No parent declared.</Text>
      ) : (
        <Stack as="ul" gap={1} className="mb-3 text-sm" data-testid="model-parents">
          {parents.data.modelParents.map((p) => (
            <li key={p.parentId}>
              {RELATION[p.relation] ?? 'Derived from'}{' '}
              <TextLink to="/models/$id" params={{ id: p.parentId }}>
                {p.parentModel?.name ?? 'this model'}
              </TextLink>{' '}
              · {p.shareBps / 100}% of each sale
            </li>
          ))}
        </Stack>
      )}
      <Stack
        as="form"
        onSubmit={(event) => {
          event.preventDefault();
          derive.mutate();
        }}
      >
        <TextField
          label="Parent model (link or id)"
          value={parent}
          onChange={setParent}
          error={parent && !parentModelId ? 'Paste a model page link or its id' : undefined}
        />
        <NativeSelect
          label="How"
          value={relation}
          onChange={setRelation}
          options={[
            { id: 'FINETUNE', label: 'Fine-tuned from it' },
            { id: 'MERGE', label: 'Merged with it' },
            { id: 'ADAPTER', label: 'An adapter trained on it' },
          ]}
        />
        <PercentField label="Share of each sale" value={share} onChange={setShare} />
        {derive.isError && <Notice tone="bad">{errorMessage(derive.error)}</Notice>}
        <Button
          type="submit"
          className="self-start"
          isPending={derive.isPending}
          isDisabled={!parentModelId || !!shareError}
        >
          Declare parent
        </Button>
      </Stack>
    </Card>
  );
}
