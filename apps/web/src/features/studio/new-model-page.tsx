import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Card, PageHeader, Stack } from '@lookbook/web-ui';
import { execute } from '../../lib/graphql-client';
import { useTitle } from '../../lib/use-title';
import { studioKeys } from './api/keys';
import { CreateModel } from './api/mutations';
import type { ModelFormValues } from './components/model-form';
import { ModelForm, splitTags } from './components/model-form';

/** Step 1 of publishing: the model itself (a draft until its first version publishes). */
export function NewModelPage() {
  useTitle('New model');
  const navigate = useNavigate();
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: (v: ModelFormValues) =>
      execute(CreateModel, {
        input: {
          name: v.name,
          type: v.type,
          baseModelId: v.baseModelId,
          description: v.description,
          tags: splitTags(v.tags),
          maturity: v.maturity,
        },
      }),
    onSuccess: async ({ createStyleModel }) => {
      await client.invalidateQueries({ queryKey: studioKeys.all });
      await navigate({ to: '/studio/models/$id', params: { id: createStyleModel.id } });
    },
  });
  return (
    <Stack gap={6} className="mx-auto max-w-3xl">
      <PageHeader
        title="New model"
        subtitle="Start with what it is; files, samples and licences come with its first version."
      />
      <Card>
        <ModelForm
          initial={{ name: '', type: 'LORA', baseModelId: '', description: '', tags: '', maturity: 'SFW' }}
          submitLabel="Create draft"
          pending={create.isPending}
          error={create.error}
          onSubmit={(v) => create.mutate(v)}
        />
      </Card>
    </Stack>
  );
}
