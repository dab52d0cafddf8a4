import { useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { Button, Notice, Select, TextField } from '@lookbook/web-ui';
import type { Maturity, ModelType } from '../../../gql/graphql';
import { ApiError, errorMessage } from '../../../lib/api-error';
import { modelTypeLabel } from '../../../lib/format';
import { baseModelsQuery } from '../../../api/base-models';
import { MODEL_TYPES } from '../../../api/search';

export interface ModelFormValues {
  name: string;
  type: ModelType;
  baseModelId: string;
  description: string;
  tags: string;
  maturity: Maturity;
}

const MATURITY: { id: Maturity; label: string }[] = [
  { id: 'SFW', label: 'Safe for work' },
  { id: 'SUGGESTIVE', label: 'Suggestive' },
  { id: 'MATURE', label: 'Mature' },
  { id: 'EXPLICIT', label: 'Explicit' },
];

/** Which field a server error is about (by its `field`, or by the code's meaning). */
const FIELD_OF_CODE: Record<string, keyof ModelFormValues> = {
  INVALID_NAME: 'name',
  SLUG_TAKEN: 'name',
  UNKNOWN_BASE_MODEL: 'baseModelId',
  INVALID_DESCRIPTION: 'description',
  INVALID_TAGS: 'tags',
};

export const splitTags = (tags: string) =>
  tags
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

/** Name, type, base model, description, tags and maturity: for a new model and for editing one. */
export function ModelForm({
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
}: {
  initial: ModelFormValues;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: ModelFormValues) => void;
}) {
  const [values, setValues] = useState(initial);
  const baseModels = useQuery(baseModelsQuery());
  const set =
    <K extends keyof ModelFormValues>(key: K) =>
    (value: ModelFormValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const field = error instanceof ApiError ? (FIELD_OF_CODE[error.code] ?? null) : null;
  const errorFor = (key: keyof ModelFormValues) => (field === key ? errorMessage(error) : null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(values);
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {!!error && !field && <Notice tone="bad">{errorMessage(error)}</Notice>}
      <TextField label="Name" value={values.name} onChange={set('name')} error={errorFor('name')} isRequired />
      <div className="grid gap-4 sm:grid-cols-3">
        <Select
          label="Type"
          selectedKey={values.type}
          onSelectionChange={(key) => set('type')(key as ModelType)}
          options={MODEL_TYPES.map((t) => ({ id: t, label: modelTypeLabel(t) }))}
        />
        <Select
          label="Base model"
          selectedKey={values.baseModelId || null}
          onSelectionChange={(key) => set('baseModelId')(String(key))}
          options={baseModels.data?.baseModels.map((b) => ({ id: b.id, label: b.name })) ?? []}
          error={errorFor('baseModelId')}
          isDisabled={!baseModels.data}
        />
        <Select
          label="Maturity"
          selectedKey={values.maturity}
          onSelectionChange={(key) => set('maturity')(key as Maturity)}
          options={MATURITY}
        />
      </div>
      <TextField
        label="Description"
        multiline
        rows={5}
        value={values.description}
        onChange={set('description')}
        error={errorFor('description')}
        description="What the style does, what it is good at, and how to prompt it."
      />
      <TextField
        label="Tags"
        value={values.tags}
        onChange={set('tags')}
        error={errorFor('tags')}
        description="Comma-separated, up to 20: e.g. ink, watercolor, portrait."
      />
      <Button type="submit" isPending={pending} className="self-start">
        {submitLabel}
      </Button>
    </form>
  );
}
