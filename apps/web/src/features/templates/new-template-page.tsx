import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { Button, Card, Notice, PageHeader, Stack, TextField } from '@lookbook/web-ui';
import { errorMessage } from '../../lib/api-error';
import { execute, restRequest } from '../../lib/graphql-client';
import { useTitle } from '../../lib/use-title';
import { CreateTemplate } from './api/mutations';

const IMAGE_TYPES: Record<string, string> = {
  png: 'image/png',
  webp: 'image/webp',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

/** The content type the import route reads a file as: images as themselves, workflow JSON as raw bytes. */
export const importType = (file: File) =>
  IMAGE_TYPES[file.name.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';

/** A new workflow template: a name, and a ComfyUI workflow (.json) or an image ComfyUI saved with its workflow. */
export function NewTemplatePage() {
  useTitle('New workflow template');
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const create = useMutation({
    mutationFn: async () => {
      if (!file) throw new Error('Choose a workflow file');
      const { createTemplate } = await execute(CreateTemplate, { input: { name } });
      await restRequest(`/api/v1/templates/${createTemplate.id}/versions`, {
        method: 'POST',
        headers: { 'content-type': importType(file) },
        body: file,
      });
      return createTemplate.id;
    },
    onSuccess: (id) => navigate({ to: '/templates/$id', params: { id } }),
  });
  return (
    <Stack gap={6} className="mx-auto max-w-3xl">
      <PageHeader
        title="New workflow template"
        subtitle="Import a ComfyUI workflow: its export (.json), its API prompt, or an image ComfyUI saved."
      />
      <Card>
        <Stack
          as="form"
          gap={4}
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate();
          }}
        >
          <TextField label="Name" value={name} onChange={setName} isRequired />
          <label className="flex flex-col gap-1 text-sm font-medium text-ink">
            Workflow file
            <input
              type="file"
              accept=".json,application/json,image/png,image/webp,image/jpeg"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
              data-testid="workflow-file"
              className="text-sm font-normal"
            />
          </label>
          {create.isError && <Notice tone="bad">{errorMessage(create.error)}</Notice>}
          <Button type="submit" className="self-start" isPending={create.isPending} isDisabled={!name.trim() || !file}>
            Import
          </Button>
        </Stack>
      </Card>
    </Stack>
  );
}
