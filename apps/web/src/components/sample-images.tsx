import { useMutation } from '@tanstack/react-query';
import { DropZone, FileTrigger } from 'react-aria-components';
import { Button, Notice, Spinner, cn } from '@lookbook/web-ui';
import { errorMessage } from '../lib/api-error';
import { restRequest } from '../lib/graphql-client';
import { droppedFiles } from '../lib/dropped-files';
import type { ImageSource } from './responsive-image';
import { ResponsiveImage } from './responsive-image';

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'];

/**
 * Sample images by drag and drop: each is sent as it is; the API strips metadata, keeps the generation info
 * (prompt, seed, resources), renders the thumbnails and credits linked models.
 */
export function SampleImages({
  versionId,
  images,
  editable,
  onChanged,
  uploadPath = `/api/v1/model-versions/${versionId}/sample-images`,
  emptyText = 'No sample images yet: a version needs at least one to publish.',
  hint = 'PNG, JPEG or WebP. ComfyUI and A1111 generation info is kept and shown.',
}: {
  versionId: string;
  images: readonly (ImageSource & { id: string })[];
  editable: boolean;
  onChanged: () => void;
  /** Where each image is POSTed (a template version's images live elsewhere). */
  uploadPath?: string;
  emptyText?: string;
  hint?: string;
}) {
  const upload = useMutation({
    mutationFn: async (files: File[]) => {
      for (const file of files) {
        await restRequest(uploadPath, {
          method: 'POST',
          headers: { 'content-type': file.type },
          body: file,
        });
      }
    },
    onSettled: onChanged,
  });
  const add = (files: File[]) => {
    const images = files.filter((f) => IMAGE_TYPES.includes(f.type));
    if (images.length) upload.mutate(images);
  };
  return (
    <div className="flex flex-col gap-3">
      {images.length > 0 ? (
        <ul className="grid grid-cols-3 gap-3 sm:grid-cols-4">
          {images.map((image, i) => (
            <li key={image.id} className="aspect-[4/5] overflow-hidden rounded-lg" data-testid="studio-sample">
              <ResponsiveImage image={image} alt={`Sample ${i + 1}`} sizes="160px" />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted">{emptyText}</p>
      )}
      {editable && (
        <DropZone
          getDropOperation={(types) => (IMAGE_TYPES.some((t) => types.has(t)) ? 'copy' : 'cancel')}
          onDrop={(event) => void droppedFiles(event).then(add)}
          className={({ isDropTarget }) =>
            cn(
              'flex flex-col items-center gap-2 rounded-card border-2 border-dashed border-line p-6 text-center',
              isDropTarget && 'border-accent bg-accent-soft',
            )
          }
        >
          <p className="text-sm font-medium">Drop sample images here</p>
          <p className="text-xs text-muted">{hint}</p>
          <FileTrigger
            allowsMultiple
            acceptedFileTypes={IMAGE_TYPES}
            onSelect={(list) => list && add(Array.from(list))}
          >
            <Button variant="secondary" size="sm">
              Choose images
            </Button>
          </FileTrigger>
        </DropZone>
      )}
      {upload.isPending && <Spinner label="Adding sample images" />}
      {upload.isError && <Notice tone="bad">{errorMessage(upload.error)}</Notice>}
    </div>
  );
}
