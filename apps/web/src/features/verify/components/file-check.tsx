import { useMutation } from '@tanstack/react-query';
import { DropZone, FileTrigger } from 'react-aria-components';
import { Button, ButtonAnchor, Notice, Section, Spinner, Text, cn } from '@lookbook/web-ui';
import { sha256Hex } from '../sha256';
import { droppedFiles } from '../../../lib/dropped-files';

/** Drop a model file: its SHA-256 is computed here and compared with the certificate (the file never leaves). */
export function FileCheck({ hashes }: { hashes: readonly string[] }) {
  const check = useMutation({
    mutationFn: async (file: File) => ({ name: file.name, hash: await sha256Hex(file) }),
  });
  const pick = (files: FileList | File[] | null) => {
    const file = files ? Array.from(files)[0] : undefined;
    if (file) check.mutate(file);
  };
  return (
    <Section title="Is my file covered?" headingId="file-check" level={3} size="sm" gap={2}>
      <DropZone
        onDrop={(event) => void droppedFiles(event).then(([file]) => file && check.mutate(file))}
        className={({ isDropTarget }) =>
          cn(
            'flex flex-col items-center gap-2 rounded-lg border-2 border-dashed border-line p-6 text-center text-sm',
            isDropTarget && 'border-accent bg-accent-soft',
          )
        }
      >
        <Text size="inherit">Drop a model file here, or</Text>
        <FileTrigger onSelect={pick}>
          <Button variant="secondary" size="sm">
            Choose a file
          </Button>
        </FileTrigger>
      </DropZone>
      {check.isPending && <Spinner label="Hashing the file" />}
      {check.data &&
        (hashes.includes(check.data.hash) ? (
          <Notice tone="good">
            <span data-testid="file-check-result">{check.data.name} is covered by this licence</span> (SHA-256{' '}
            {check.data.hash}).
          </Notice>
        ) : (
          <Notice tone="bad">
            <span data-testid="file-check-result">{check.data.name} is not covered by this licence</span>: its SHA-256
            is {check.data.hash}.
          </Notice>
        ))}
      {check.isError && <Notice tone="bad">The file could not be read.</Notice>}
      <ButtonAnchor href="/.well-known/jwks.json" variant="quiet" size="sm" className="self-start">
        Lookbook's public keys (JWKS)
      </ButtonAnchor>
    </Section>
  );
}
