import Uppy from '@uppy/core';
import type { UppyFile } from '@uppy/core';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { DropZone, FileTrigger } from 'react-aria-components';
import { hasModelFileExtension, MODEL_FILE_EXTENSIONS, MODEL_FILE_FORMATS_TEXT } from '@lookbook/kernel/browser';
import { Badge, Button, Inline, LongValue, Notice, Stack, Text, cn } from '@lookbook/web-ui';
import { formatBytes, sentenceCase } from '../../../lib/format';
import { execute } from '../../../lib/graphql-client';
import type { LookbookMeta, UploadApi } from '../../../lib/upload/lookbook-uploader';
import { LookbookUploader } from '../../../lib/upload/lookbook-uploader';
import { rememberedUploads } from '../../../lib/upload/resumable-uploads';
import { droppedFiles } from '../../../lib/dropped-files';
import { AbortUpload, CompleteUpload, CreateUpload, PartUrls, UploadedParts } from '../api/uploads';

export interface ServerFile {
  id: string;
  fileName: string;
  sizeBytes?: number | null;
  declaredSize: number;
  scanStatus: string;
  rejectionMessage?: string | null;
  sha256?: string | null;
}

// Exactly what the API accepts (one list for both): offering more would only promise a refusal.
const ACCEPTED = [...MODEL_FILE_EXTENSIONS];

/** Plain words for where a file stands on the server. */
const SERVER_STATUS: Record<string, { label: string; tone: 'warn' | 'good' | 'bad' | 'neutral' }> = {
  UPLOADING: { label: 'Not finished', tone: 'warn' },
  PENDING: { label: 'Checking', tone: 'warn' },
  READY: { label: 'Ready', tone: 'good' },
  REJECTED: { label: 'Rejected', tone: 'bad' },
};

/**
 * Model files for a draft version: drop or choose files, watch real progress, pause and resume, resume after a
 * reload by choosing the same file again, and see each file's check result (ready, or rejected with the reason).
 */
export function FileUploads({
  versionId,
  files,
  editable,
  onChanged,
}: {
  versionId: string;
  files: readonly ServerFile[];
  editable: boolean;
  onChanged: () => void;
}) {
  const uppy = useMemo(() => {
    const api: UploadApi = {
      create: async (file) => {
        const result = await execute(CreateUpload, { versionId, input: { fileName: file.name, size: file.size } });
        const { upload, file: created } = result.createModelFileUpload;
        return { uploadId: upload.id, fileId: created.id, partSize: upload.partSize, partCount: upload.partCount };
      },
      uploadedParts: async (uploadId) => (await execute(UploadedParts, { uploadId })).uploadedParts,
      partUrls: async (uploadId, partNumbers) =>
        (await execute(PartUrls, { uploadId, partNumbers })).requestUploadPartUrls,
      complete: async (uploadId) => (await execute(CompleteUpload, { uploadId })).completeModelFileUpload,
      abort: (uploadId) => execute(AbortUpload, { uploadId }),
    };
    return new Uppy<LookbookMeta, Record<string, never>>({
      id: `files-${versionId}`,
      autoProceed: true,
      restrictions: { allowedFileTypes: ACCEPTED, maxFileSize: 20 * 1024 ** 3 },
    }).use(LookbookUploader, {
      api,
      onStarted: (upload) => rememberedUploads.add(versionId, upload),
      onFinished: (uploadId) => rememberedUploads.remove(versionId, uploadId),
    });
  }, [versionId]);
  useEffect(() => () => uppy.destroy(), [uppy]);
  const state = useSyncExternalStore(
    (listener) => uppy.store.subscribe(listener),
    () => uppy.getState(),
  );
  const [restriction, setRestriction] = useState<string | null>(null);
  useEffect(() => {
    const onSuccess = () => onChanged();
    const onRestriction = (_file: unknown, error: Error) => setRestriction(error.message);
    uppy.on('upload-success', onSuccess);
    uppy.on('restriction-failed', onRestriction);
    return () => {
      uppy.off('upload-success', onSuccess);
      uppy.off('restriction-failed', onRestriction);
    };
  }, [uppy, onChanged]);

  const add = (list: File[]) => {
    setRestriction(null);
    const refused = list.filter((file) => !hasModelFileExtension(file.name));
    if (refused.length)
      setRestriction(
        `${refused.map((f) => f.name).join(', ')}: Lookbook takes ${MODEL_FILE_FORMATS_TEXT} model files only. ` +
          'Convert the file to that format and choose it again.',
      );
    for (const data of list.filter((file) => hasModelFileExtension(file.name))) {
      const resumed = rememberedUploads.match(versionId, { name: data.name, size: data.size });
      try {
        uppy.addFile({
          name: data.name,
          type: data.type || 'application/octet-stream',
          data,
          meta: resumed ? { uploadId: resumed.uploadId, fileId: resumed.fileId } : {},
        });
      } catch {
        // Restrictions are reported through `restriction-failed`.
      }
    }
  };

  // An upload's row gives way to the file's own row once the server has checked it.
  useEffect(() => {
    const checked = new Set(
      files.filter((f) => f.scanStatus === 'READY' || f.scanStatus === 'REJECTED').map((f) => f.id),
    );
    for (const file of Object.values(state.files)) {
      if (file.progress.uploadComplete && file.meta.fileId && checked.has(file.meta.fileId)) uppy.removeFile(file.id);
    }
  }, [files, state.files, uppy]);

  const local: UppyFile<LookbookMeta, Record<string, never>>[] = Object.values(state.files);
  const localFileIds = new Set(local.map((f) => f.meta.fileId).filter(Boolean));
  const remembered = rememberedUploads.list(versionId).filter((u) => !localFileIds.has(u.fileId));

  return (
    <Stack gap={4}>
      {editable && (
        <DropZone
          onDrop={(event) => void droppedFiles(event).then(add)}
          className={({ isDropTarget }) =>
            cn(
              'flex flex-col items-center gap-2 rounded-card border-2 border-dashed border-line p-8 text-center',
              isDropTarget && 'border-accent bg-accent-soft',
            )
          }
        >
          <p className="text-sm font-medium">Drop model files here</p>
          <Text size="xs">{MODEL_FILE_EXTENSIONS.join(', ')} files up to 20 GB.</Text>
          <FileTrigger allowsMultiple acceptedFileTypes={ACCEPTED} onSelect={(list) => list && add(Array.from(list))}>
            <Button variant="secondary" size="sm">
              Choose files
            </Button>
          </FileTrigger>
        </DropZone>
      )}
      {restriction && <Notice tone="bad">{restriction}</Notice>}
      {remembered.length > 0 && editable && (
        <Notice tone="warn">
          {remembered.length === 1 ? 'An upload' : `${remembered.length} uploads`} did not finish:{' '}
          {remembered.map((u) => `${u.name} (${formatBytes(u.size)})`).join(', ')}. Choose the same file again to resume
          where it stopped.
        </Notice>
      )}
      {local.length > 0 && (
        <Stack as="ul" gap={2} aria-label="Uploads in progress">
          {local.map((file) => (
            <UploadRow key={file.id} file={file} uppy={uppy} />
          ))}
        </Stack>
      )}
      {files.length === 0 ? (
        <Text>No files yet.</Text>
      ) : (
        <Stack as="ul" gap={2} aria-label="Files">
          {files.map((f) => {
            const status = SERVER_STATUS[f.scanStatus] ?? {
              label: sentenceCase(f.scanStatus),
              tone: 'neutral' as const,
            };
            return (
              <li
                key={f.id}
                className="rounded-lg border border-line p-3"
                data-testid="version-file"
                data-status={f.scanStatus}
              >
                <Inline justify="between">
                  <span className="min-w-0 font-mono text-sm break-all">{f.fileName}</span>
                  <Inline as="span" className="text-xs text-muted">
                    {formatBytes(f.sizeBytes ?? f.declaredSize)}
                    <Badge tone={status.tone}>{status.label}</Badge>
                  </Inline>
                </Inline>
                {f.scanStatus === 'REJECTED' && f.rejectionMessage && (
                  <Text tone="bad" className="mt-1">
                    {f.rejectionMessage}
                  </Text>
                )}
                {f.sha256 && (
                  <Inline as="p" className="mt-1 text-xs text-muted">
                    SHA-256 <LongValue value={f.sha256} label="Copy hash" />
                  </Inline>
                )}
              </li>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}

function UploadRow({
  file,
  uppy,
}: {
  file: UppyFile<LookbookMeta, Record<string, never>>;
  uppy: Uppy<LookbookMeta, Record<string, never>>;
}) {
  const percent = file.progress.percentage ?? 0;
  const done = file.progress.uploadComplete;
  const failed = !!file.error;
  // A refusal (a bad name, a version that is no longer a draft) would fail the same way again: no Retry for it.
  const retryable = failed && file.meta.retryable !== false;
  const label = failed
    ? 'Failed'
    : done
      ? 'Uploaded · checking'
      : file.isPaused
        ? 'Paused'
        : file.progress.uploadStarted
          ? 'Uploading'
          : 'Waiting';
  return (
    <li
      className="rounded-lg border border-line p-3"
      data-testid="upload-row"
      data-state={failed ? 'failed' : done ? 'done' : file.isPaused ? 'paused' : 'uploading'}
    >
      <Inline justify="between">
        <span className="min-w-0 font-mono text-sm break-all">{file.name}</span>
        <Text as="span" size="xs">
          {label} · {percent}% of {formatBytes(file.size ?? 0)}
        </Text>
      </Inline>
      <div
        role="progressbar"
        aria-label={`Uploading ${file.name}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="mt-2 h-2 overflow-hidden rounded-full bg-raised"
      >
        <div
          className={cn('h-full transition-all', failed ? 'bg-bad' : 'bg-accent')}
          style={{ width: `${percent}%` }}
        />
      </div>
      {failed && (
        <Text tone="bad" className="mt-1" data-testid="upload-error">
          {file.error}
        </Text>
      )}
      {!done && (
        <Inline className="mt-2">
          {failed ? (
            retryable && (
              <Button size="sm" variant="secondary" onPress={() => void uppy.retryUpload(file.id)}>
                Retry
              </Button>
            )
          ) : (
            <Button size="sm" variant="secondary" onPress={() => uppy.pauseResume(file.id)}>
              {file.isPaused ? 'Resume' : 'Pause'}
            </Button>
          )}
          <Button size="sm" variant="quiet" onPress={() => uppy.removeFile(file.id)}>
            {failed ? 'Dismiss' : 'Cancel'}
          </Button>
        </Inline>
      )}
      {done && (
        <Button size="sm" variant="quiet" className="mt-2" onPress={() => uppy.removeFile(file.id)}>
          Dismiss
        </Button>
      )}
    </li>
  );
}
