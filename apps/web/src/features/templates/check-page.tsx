import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Button,
  Card,
  LoadingState,
  NativeSelect,
  Notice,
  PageHeader,
  SectionHeading,
  Stack,
  Text,
} from '@lookbook/web-ui';
import { errorMessage } from '../../lib/api-error';
import { restRequest } from '../../lib/graphql-client';
import { useMe } from '../../lib/session';
import { useTitle } from '../../lib/use-title';
import { importType } from './new-template-page';
import type { Rollup } from './components/rollup-view';
import { RollupView } from './components/rollup-view';

type Purpose = 'PERSONAL' | 'COMMERCIAL';

/**
 * "Can I use this?": drop a ComfyUI image or workflow, choose a purpose, and see every model it loads matched to the
 * catalog, which you hold and under which licence, what is missing, and a verdict. The file is checked, never kept.
 */
export function CheckPage() {
  useTitle('Can I use this?');
  const { me } = useMe();
  const [file, setFile] = useState<File | null>(null);
  const [purpose, setPurpose] = useState<Purpose>('COMMERCIAL');
  const [dragging, setDragging] = useState(false);
  const check = useMutation({
    mutationFn: (input: { file: File; purpose: Purpose }) =>
      restRequest<Rollup>(`/api/v1/license-check?purpose=${input.purpose}`, {
        method: 'POST',
        headers: { 'content-type': importType(input.file) },
        body: input.file,
      }),
  });
  const run = (next: { file: File | null; purpose: Purpose }) => {
    if (next.file) check.mutate({ file: next.file, purpose: next.purpose });
  };
  const choose = (chosen: File | null) => {
    setFile(chosen);
    run({ file: chosen, purpose });
  };

  return (
    <Stack gap={6} className="mx-auto max-w-3xl">
      <PageHeader
        title="Can I use this?"
        subtitle="Drop an image ComfyUI saved, or a workflow file: we list every model it loads and whether your licences cover what you want to do."
      />
      <Card>
        <Stack gap={4}>
          <label
            className={`flex cursor-pointer flex-col items-center gap-2 rounded-lg border-2 border-dashed p-8 text-center text-sm ${
              dragging ? 'border-accent bg-raised' : 'border-line'
            }`}
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(event) => {
              event.preventDefault();
              setDragging(false);
              choose(event.dataTransfer.files[0] ?? null);
            }}
          >
            <span className="font-medium text-ink">{file ? file.name : 'Drop a PNG, WebP, JPEG or .json here'}</span>
            <Text as="span" size="inherit">
              or choose a file
            </Text>
            <input
              type="file"
              accept=".json,application/json,image/png,image/webp,image/jpeg"
              className="sr-only"
              data-testid="check-file"
              onChange={(event) => choose(event.target.files?.[0] ?? null)}
            />
          </label>
          <Stack direction="row" gap={3} align="end">
            <NativeSelect
              label="What do you want to do?"
              value={purpose}
              onChange={(value) => {
                setPurpose(value as Purpose);
                run({ file, purpose: value as Purpose });
              }}
              options={[
                { id: 'COMMERCIAL', label: 'Use it commercially (sell images, paid work)' },
                { id: 'PERSONAL', label: 'Use it personally' },
              ]}
            />
            <Button variant="secondary" isDisabled={!file || check.isPending} onPress={() => run({ file, purpose })}>
              Check again
            </Button>
          </Stack>
          <Text size="xs">The file is read to find what it loads and is not stored.</Text>
        </Stack>
      </Card>
      {check.isPending ? (
        <LoadingState label="Reading the workflow" />
      ) : check.isError ? (
        <Notice tone="bad">{errorMessage(check.error)}</Notice>
      ) : check.data ? (
        <Card>
          <SectionHeading>What it uses</SectionHeading>
          <RollupView rollup={check.data} signedIn={!!me} />
        </Card>
      ) : (
        <Text>Nothing checked yet.</Text>
      )}
    </Stack>
  );
}
