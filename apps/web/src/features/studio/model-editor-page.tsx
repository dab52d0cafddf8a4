import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import {
  Badge,
  Button,
  ButtonLink,
  Card,
  ConfirmButton,
  Inline,
  Notice,
  PageHeader,
  RuledList,
  RuledListItem,
  SectionHeading,
  Stack,
  Text,
  TextField,
  TextLink,
} from '@lookbook/web-ui';
import type { ModelStatus } from '../../gql/graphql';
import { errorMessage } from '../../lib/api-error';
import { formatDate, sentenceCase } from '../../lib/format';
import { execute } from '../../lib/graphql-client';
import { useTitle } from '../../lib/use-title';
import { studioKeys } from './api/keys';
import { ChangeStatus, CreateVersion, UpdateModel } from './api/mutations';
import { studioModelQuery } from './api/queries';
import type { ModelFormValues } from './components/model-form';
import { ModelForm, splitTags } from './components/model-form';
import { ModelLineageCard } from './components/model-lineage-card';
import { STATUS_TONE } from './studio-page';

const route = getRouteApi('/studio/models/$id');

/** What an owner may do from each status (the API enforces the same table). */
const ACTIONS: Record<ModelStatus, { to: ModelStatus; label: string }[]> = {
  DRAFT: [{ to: 'ARCHIVED', label: 'Archive' }],
  PUBLISHED: [
    { to: 'UNPUBLISHED', label: 'Unpublish' },
    { to: 'ARCHIVED', label: 'Archive' },
  ],
  UNPUBLISHED: [
    { to: 'PUBLISHED', label: 'Publish again' },
    { to: 'ARCHIVED', label: 'Archive' },
  ],
  ARCHIVED: [{ to: 'UNPUBLISHED', label: 'Restore (unpublished)' }],
  TAKEN_DOWN: [],
};

/** What taking a published model down does, said before it is done. */
const CONSEQUENCES: Partial<Record<ModelStatus, string>> = {
  UNPUBLISHED:
    'It leaves search and its page stops selling licences. People who hold a licence keep it and can still download ' +
    'the files. You can publish it again later.',
  ARCHIVED:
    'It leaves search and your public profile and stops selling licences. People who hold a licence keep it. You can ' +
    'restore it later as unpublished.',
};

/** Step 2: edit the model, change its status, and manage its versions. */
export function ModelEditorPage() {
  const { id } = route.useParams();
  const client = useQueryClient();
  const navigate = useNavigate();
  const model = useSuspenseQuery(studioModelQuery(id));
  const refresh = () => client.invalidateQueries({ queryKey: studioKeys.all });
  const update = useMutation({
    mutationFn: (v: ModelFormValues) =>
      execute(UpdateModel, {
        id,
        input: {
          name: v.name,
          type: v.type,
          baseModelId: v.baseModelId,
          description: v.description,
          tags: splitTags(v.tags),
          maturity: v.maturity,
        },
      }),
    onSuccess: refresh,
  });
  const status = useMutation({
    mutationFn: (to: ModelStatus) => execute(ChangeStatus, { id, status: to }),
    onSuccess: refresh,
  });
  const [versionName, setVersionName] = useState('v1.0');
  const [changelog, setChangelog] = useState('');
  const createVersion = useMutation({
    mutationFn: () => execute(CreateVersion, { modelId: id, input: { name: versionName, changelog } }),
    onSuccess: async ({ createModelVersion }) => {
      await refresh();
      await navigate({ to: '/studio/versions/$id', params: { id: createModelVersion.id } });
    },
  });
  const m = model.data.styleModel;
  useTitle(`Edit ${m.name}`);

  return (
    <Stack gap={6}>
      <PageHeader
        title={m.name}
        subtitle={
          <Inline as="span">
            <Badge tone={STATUS_TONE[m.status]}>{sentenceCase(m.status)}</Badge>
            {m.status === 'DRAFT' && 'Goes public when its first version publishes.'}
          </Inline>
        }
        actions={
          <>
            <ButtonLink to="/models/$id" params={{ id }} variant="secondary">
              View page
            </ButtonLink>
            {ACTIONS[m.status].map((a) =>
              CONSEQUENCES[a.to] && m.status === 'PUBLISHED' ? (
                // Taking a public model down asks first, and says what buyers keep.
                <ConfirmButton
                  key={a.to}
                  label={a.label}
                  size="md"
                  variant={a.to === 'ARCHIVED' ? 'quiet' : 'secondary'}
                  title={`${a.label} ${m.name}?`}
                  confirmLabel={a.label}
                  onConfirm={() => status.mutateAsync(a.to)}
                  isPending={status.isPending && status.variables === a.to}
                  error={status.isError ? errorMessage(status.error) : null}
                >
                  {CONSEQUENCES[a.to]}
                </ConfirmButton>
              ) : (
                <Button
                  key={a.to}
                  variant={a.to === 'ARCHIVED' ? 'quiet' : 'secondary'}
                  onPress={() => status.mutate(a.to)}
                  isPending={status.isPending && status.variables === a.to}
                >
                  {a.label}
                </Button>
              ),
            )}
          </>
        }
      />
      {status.isError && <Notice tone="bad">{errorMessage(status.error)}</Notice>}
      {m.status === 'TAKEN_DOWN' && (
        <Notice tone="bad">This model was taken down by moderators and is not visible to anyone else.</Notice>
      )}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card>
          <SectionHeading>Details</SectionHeading>
          {update.isSuccess && (
            <Notice tone="good" className="mb-4">
              Saved.
            </Notice>
          )}
          <ModelForm
            key={m.id}
            initial={{
              name: m.name,
              type: m.type,
              baseModelId: m.baseModelId,
              description: m.description,
              tags: m.tags.join(', '),
              maturity: m.maturity,
            }}
            submitLabel="Save changes"
            pending={update.isPending}
            error={update.error}
            onSubmit={(v) => update.mutate(v)}
          />
        </Card>
        <Stack gap={6}>
          <Card>
            <SectionHeading>Versions</SectionHeading>
            {m.versions.length === 0 ? (
              <Text>No versions yet: create the first below.</Text>
            ) : (
              <RuledList>
                {m.versions.map((v) => (
                  <RuledListItem key={v.id} data-testid="studio-version">
                    <div>
                      <TextLink to="/studio/versions/$id" params={{ id: v.id }} variant="quiet" strong>
                        {v.name}
                      </TextLink>
                      <Text size="xs">
                        {v.files.length} file{v.files.length === 1 ? '' : 's'} · {v.sampleImages.length} sample
                        {v.sampleImages.length === 1 ? '' : 's'} ·{' '}
                        {v.publishedAt ? `published ${formatDate(v.publishedAt)}` : 'draft'}
                      </Text>
                    </div>
                    <Badge tone={v.status === 'PUBLISHED' ? 'good' : 'warn'}>{sentenceCase(v.status)}</Badge>
                  </RuledListItem>
                ))}
              </RuledList>
            )}
          </Card>
          <Card>
            <SectionHeading>New version</SectionHeading>
            <Stack
              as="form"
              onSubmit={(event) => {
                event.preventDefault();
                createVersion.mutate();
              }}
            >
              {createVersion.isError && <Notice tone="bad">{errorMessage(createVersion.error)}</Notice>}
              <TextField label="Version name" value={versionName} onChange={setVersionName} isRequired />
              <TextField label="What changed" multiline rows={3} value={changelog} onChange={setChangelog} />
              <Button type="submit" isPending={createVersion.isPending} className="self-start">
                Create version
              </Button>
            </Stack>
          </Card>
          <ModelLineageCard modelId={id} />
        </Stack>
      </div>
    </Stack>
  );
}
