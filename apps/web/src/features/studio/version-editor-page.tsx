import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import {
  Badge,
  Button,
  ButtonLink,
  Card,
  Inline,
  Notice,
  PageHeader,
  SectionHeading,
  Stack,
  Text,
  TextField,
} from '@lookbook/web-ui';
import { toDecimalString } from '@lookbook/kernel/browser';
import { scopes, searchKeys } from '../../api/keys';
import { LicenceOfferFragment } from '../../components/offer-matrix';
import { OffersEditor } from '../../components/offers-editor/offers-editor';
import { SampleImages } from '../../components/sample-images';
import { readFragment } from '../../gql';
import { errorMessage } from '../../lib/api-error';
import { sentenceCase } from '../../lib/format';
import { execute } from '../../lib/graphql-client';
import { useTitle } from '../../lib/use-title';
import { studioKeys } from './api/keys';
import { PublishVersion, UpdateVersion } from './api/mutations';
import { studioVersionModelQuery, studioVersionQuery } from './api/queries';
import { FileUploads } from './components/file-uploads';

const route = getRouteApi('/studio/versions/$id');

/** Step 3: a version's details, files, samples and licences, then publish (each unmet rule explained). */
export function VersionEditorPage() {
  const { id } = route.useParams();
  const client = useQueryClient();
  const version = useSuspenseQuery({
    ...studioVersionQuery(id),
    // Files are checked after their upload: keep looking until every one is READY or REJECTED.
    refetchInterval: (query) =>
      query.state.data?.modelVersion.files.some((f) => f.scanStatus === 'PENDING') ? 1000 : false,
  });
  const model = useSuspenseQuery(studioVersionModelQuery(version.data.modelVersion.modelId));
  const refresh = useCallback(() => void client.invalidateQueries({ queryKey: studioKeys.all }), [client]);
  const publish = useMutation({
    mutationFn: () => execute(PublishVersion, { id }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: studioKeys.all });
      // Now on the browse page and its model page.
      await client.invalidateQueries({ queryKey: searchKeys.all });
      await client.invalidateQueries({ queryKey: scopes.catalog });
    },
  });
  const v = {
    ...version.data.modelVersion,
    licenseOffers: readFragment(LicenceOfferFragment, version.data.modelVersion.licenseOffers),
  };
  const m = model.data.styleModel;
  useTitle(`Edit ${v.name}`);
  const draft = v.status === 'DRAFT';
  const checklist = [
    { ok: v.files.length > 0, text: 'At least one model file' },
    {
      ok: v.files.length > 0 && v.files.every((f) => f.scanStatus === 'READY'),
      text: 'Every file has passed its checks',
    },
    { ok: v.sampleImages.length > 0, text: 'At least one sample image' },
    { ok: v.licenseOffers.length > 0, text: 'At least one licence offer saved' },
  ];

  return (
    <Stack gap={6}>
      <PageHeader
        title={`${m.name} · ${v.name}`}
        subtitle={
          <Inline as="span">
            <Badge tone={draft ? 'warn' : 'good'}>{sentenceCase(v.status)}</Badge>
            {draft
              ? 'Drafts can change; a published version is fixed (publish a new version to change it).'
              : 'Published: files and details are fixed.'}
          </Inline>
        }
        actions={
          <>
            <ButtonLink to="/studio/models/$id" params={{ id: m.id }} variant="secondary">
              Back to the model
            </ButtonLink>
            <ButtonLink to="/models/$id" params={{ id: m.id }} variant="quiet">
              View page
            </ButtonLink>
          </>
        }
      />
      {draft && (
        <Card>
          <SectionHeading>Publish</SectionHeading>
          <Stack as="ul" gap={1} className="mb-4 text-sm" aria-label="Publishing checklist">
            {checklist.map((item) => (
              <li key={item.text} className={item.ok ? 'text-good' : 'text-muted'}>
                <span aria-hidden>{item.ok ? '✓' : '○'}</span> {item.text}
                <span className="sr-only">{item.ok ? ' (done)' : ' (to do)'}</span>
              </li>
            ))}
          </Stack>
          {publish.isError && (
            <Notice tone="bad" className="mb-3">
              {errorMessage(publish.error)}
            </Notice>
          )}
          <Button
            onPress={() => publish.mutate()}
            isPending={publish.isPending}
            isDisabled={!checklist.every((c) => c.ok)}
          >
            Publish {v.name}
          </Button>
          {m.status === 'DRAFT' && (
            <Text size="xs" className="mt-2">
              Publishing the first version also makes the model public.
            </Text>
          )}
        </Card>
      )}
      {!draft && publish.isSuccess && <Notice tone="good">Published. It is now on the browse page.</Notice>}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <SectionHeading>Files</SectionHeading>
          <FileUploads versionId={v.id} files={v.files} editable={draft} onChanged={refresh} />
        </Card>
        <Card>
          <SectionHeading>Sample images</SectionHeading>
          <SampleImages versionId={v.id} images={v.sampleImages} editable={draft} onChanged={refresh} />
        </Card>
      </div>
      <Card>
        <SectionHeading
          description={
            <>
              Choose the tiers you offer and what each allows. The licence text is generated from these choices.
              {m.baseModel.nonCommercial &&
                ` ${m.baseModel.name} does not allow commercial use of derivatives, so only non-commercial tiers can be offered.`}
            </>
          }
        >
          Licences
        </SectionHeading>
        <OffersEditor
          key={v.id}
          versionId={v.id}
          modelName={m.name}
          versionName={v.name}
          editable
          onSaved={refresh}
          initial={v.licenseOffers.map((o) => ({
            tier: o.tier,
            price: toDecimalString(o.priceAmount, o.priceCurrency),
            currency: o.priceCurrency,
            permissions: o.permissions,
          }))}
        />
      </Card>
      <VersionDetailsForm
        key={`${v.id}-${v.name}`}
        id={v.id}
        editable={draft}
        initial={{
          name: v.name,
          changelog: v.changelog,
          triggerWords: v.triggerWords.join(', '),
          settings: v.recommendedSettings.map((s) => `${s.key}=${s.value}`).join('\n'),
        }}
        onSaved={refresh}
      />
    </Stack>
  );
}

function VersionDetailsForm({
  id,
  editable,
  initial,
  onSaved,
}: {
  id: string;
  editable: boolean;
  initial: { name: string; changelog: string; triggerWords: string; settings: string };
  onSaved: () => void;
}) {
  const [values, setValues] = useState(initial);
  const save = useMutation({
    mutationFn: () =>
      execute(UpdateVersion, {
        id,
        input: {
          name: values.name,
          changelog: values.changelog,
          triggerWords: values.triggerWords
            .split(',')
            .map((w) => w.trim())
            .filter(Boolean),
          recommendedSettings: values.settings
            .split('\n')
            .map((line) => line.split('='))
            .filter(([key]) => key?.trim())
            .map(([key, ...value]) => ({ key: key!.trim(), value: value.join('=').trim() })),
        },
      }),
    onSuccess: onSaved,
  });
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  return (
    <Card>
      <SectionHeading>Version details</SectionHeading>
      <form
        className="grid gap-4 md:grid-cols-2"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <TextField label="Version name" value={values.name} onChange={set('name')} isDisabled={!editable} isRequired />
        <TextField
          label="Trigger words"
          value={values.triggerWords}
          onChange={set('triggerWords')}
          isDisabled={!editable}
          description="Comma-separated."
        />
        <TextField
          label="What changed"
          multiline
          value={values.changelog}
          onChange={set('changelog')}
          isDisabled={!editable}
        />
        <TextField
          label="Recommended settings"
          multiline
          value={values.settings}
          onChange={set('settings')}
          isDisabled={!editable}
          description="One per line: steps=28, cfg=6.5, sampler=DPM++ 2M"
        />
        {save.isError && <Notice tone="bad">{errorMessage(save.error)}</Notice>}
        {save.isSuccess && <Notice tone="good">Saved.</Notice>}
        {editable && (
          <Button type="submit" isPending={save.isPending} className="justify-self-start">
            Save details
          </Button>
        )}
      </form>
    </Card>
  );
}
