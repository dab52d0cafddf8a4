import type { Body, Meta, PluginOpts, Uppy, UppyFile } from '@uppy/core';
import { BasePlugin } from '@uppy/core';
import { errorMessage, isRetryable } from '../api-error';

/** What the uploader needs from the API: the upload mutations, nothing about storage. */
export interface UploadApi {
  create(file: {
    name: string;
    size: number;
  }): Promise<{ uploadId: string; fileId: string; partSize: number; partCount: number }>;
  uploadedParts(uploadId: string): Promise<{ partNumber: number; size: number }[]>;
  partUrls(uploadId: string, partNumbers: number[]): Promise<{ partNumber: number; url: string }[]>;
  complete(uploadId: string): Promise<unknown>;
  abort(uploadId: string): Promise<unknown>;
}

export interface LookbookMeta extends Meta {
  uploadId?: string;
  fileId?: string;
  partSize?: number;
  partCount?: number;
  /** After a failure: whether retrying can help (false for a refusal, which a retry would only repeat). */
  retryable?: boolean;
}

export interface LookbookUploaderOptions extends PluginOpts {
  api: UploadApi;
  /** Remembers open uploads so a reload can resume them (see resumable-uploads.ts). */
  onStarted?: (file: { name: string; size: number; uploadId: string; fileId: string }) => void;
  onFinished?: (uploadId: string) => void;
  /** Parts in flight per file. */
  concurrency?: number;
}

class Paused extends Error {}

/**
 * An Uppy uploader for Lookbook's resumable uploads: the API creates the multipart upload, hands out short-lived part
 * URLs, and completes and checks the file; the browser only PUTs parts straight to storage. Progress is per byte,
 * pause aborts the parts in flight (they restart on resume), and a known `uploadId` in the file's meta resumes from
 * the parts storage already holds. (Uppy 6's @uppy/aws-s3 speaks the S3 protocol from the browser — create, list and
 * complete with presigned requests — which cannot fit uploads the API owns and checks, hence this plugin.)
 */
export class LookbookUploader<B extends Body> extends BasePlugin<LookbookUploaderOptions, LookbookMeta, B> {
  private readonly inFlight = new Map<string, Set<XMLHttpRequest>>();
  private readonly resumers = new Map<string, () => void>();

  constructor(uppy: Uppy<LookbookMeta, B>, opts: LookbookUploaderOptions) {
    super(uppy, opts);
    this.id = opts.id ?? 'LookbookUploader';
    this.type = 'uploader';
  }

  override install(): void {
    const { capabilities } = this.uppy.getState();
    this.uppy.setState({ capabilities: { ...capabilities, resumableUploads: true } });
    this.uppy.addUploader(this.upload);
    this.uppy.on('upload-pause', this.onPause);
    this.uppy.on('pause-all', this.onPauseAll);
    this.uppy.on('resume-all', this.onResumeAll);
    this.uppy.on('file-removed', this.onRemoved);
  }

  override uninstall(): void {
    this.uppy.removeUploader(this.upload);
    this.uppy.off('upload-pause', this.onPause);
    this.uppy.off('pause-all', this.onPauseAll);
    this.uppy.off('resume-all', this.onResumeAll);
    this.uppy.off('file-removed', this.onRemoved);
  }

  private readonly upload = async (fileIds: string[]): Promise<void> => {
    const files = fileIds.map((id) => this.uppy.getFile(id)).filter(Boolean);
    this.uppy.emit('upload-start', files);
    await Promise.all(files.map((file) => this.uploadFile(file.id)));
  };

  private async uploadFile(id: string): Promise<void> {
    const started = Date.now();
    try {
      let file = this.uppy.getFile(id);
      const size = file.size ?? 0;
      if (!file.meta.uploadId) {
        const created = await this.opts.api.create({ name: file.name ?? 'model.safetensors', size });
        this.uppy.setFileMeta(id, created);
        this.opts.onStarted?.({ name: file.name ?? '', size, uploadId: created.uploadId, fileId: created.fileId });
        file = this.uppy.getFile(id);
      }
      const { uploadId, partSize = size, partCount = 1 } = file.meta as Required<LookbookMeta>;
      const done = new Map((await this.opts.api.uploadedParts(uploadId)).map((p) => [p.partNumber, p.size]));
      const partBytes = new Map<number, number>(done);
      const report = () =>
        this.uppy.emit('upload-progress', this.uppy.getFile(id), {
          uploadStarted: started,
          bytesUploaded: [...partBytes.values()].reduce((a, b) => a + b, 0),
          bytesTotal: size,
        });
      report();
      const pending = Array.from({ length: partCount }, (_, i) => i + 1).filter((n) => !done.has(n));
      const workers = Array.from({ length: Math.min(this.opts.concurrency ?? 3, pending.length) }, async () => {
        for (let next = pending.shift(); next !== undefined; next = pending.shift()) {
          const partNumber = next;
          const blob = (this.uppy.getFile(id).data as Blob).slice((partNumber - 1) * partSize, partNumber * partSize);
          for (;;) {
            await this.whilePaused(id);
            try {
              const [url] = await this.opts.api.partUrls(uploadId, [partNumber]);
              await this.put(id, url!.url, blob, (loaded) => {
                partBytes.set(partNumber, loaded);
                report();
              });
              partBytes.set(partNumber, blob.size);
              report();
              break;
            } catch (error) {
              partBytes.set(partNumber, 0);
              if (!(error instanceof Paused)) throw error;
            }
          }
        }
      });
      await Promise.all(workers);
      const body = (await this.opts.api.complete(uploadId)) as B;
      this.opts.onFinished?.(uploadId);
      this.uppy.emit('upload-success', this.uppy.getFile(id), { status: 200, body, uploadURL: undefined });
    } catch (error) {
      if (!this.uppy.getFile(id)) return; // removed meanwhile
      // Uppy shows `message` (and appends `details`, which would print an API error's details as "[object Object]"):
      // hand it the sentence alone, and remember whether a retry can help.
      this.uppy.setFileMeta(id, { retryable: isRetryable(error) });
      this.uppy.emit('upload-error', this.uppy.getFile(id), new Error(errorMessage(error)));
    }
  }

  private whilePaused(id: string): Promise<void> {
    if (!this.uppy.getFile(id)?.isPaused) return Promise.resolve();
    return new Promise((resolve) => this.resumers.set(id, resolve));
  }

  private put(id: string, url: string, blob: Blob, onProgress: (loaded: number) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      const requests = this.inFlight.get(id) ?? new Set();
      this.inFlight.set(id, requests);
      requests.add(xhr);
      xhr.open('PUT', url);
      xhr.upload.onprogress = (event) => onProgress(event.loaded);
      xhr.onload = () => {
        requests.delete(xhr);
        if (xhr.status >= 200 && xhr.status < 300) resolve();
        else reject(new Error(`Storage refused a part (HTTP ${xhr.status}). Try again.`));
      };
      xhr.onerror = () => {
        requests.delete(xhr);
        reject(new Error('The connection to storage dropped. Resume to continue where it stopped.'));
      };
      xhr.onabort = () => {
        requests.delete(xhr);
        reject(new Paused());
      };
      xhr.send(blob);
    });
  }

  private readonly onPause = (file: UppyFile<LookbookMeta, B> | undefined, isPaused: boolean) => {
    if (!file) return;
    if (isPaused) this.inFlight.get(file.id)?.forEach((xhr) => xhr.abort());
    else this.resume(file.id);
  };

  private readonly onPauseAll = () => this.inFlight.forEach((requests) => requests.forEach((xhr) => xhr.abort()));
  private readonly onResumeAll = () => [...this.resumers.keys()].forEach((id) => this.resume(id));

  private resume(id: string) {
    const resume = this.resumers.get(id);
    this.resumers.delete(id);
    resume?.();
  }

  private readonly onRemoved = (file: UppyFile<LookbookMeta, B>) => {
    this.inFlight.get(file.id)?.forEach((xhr) => xhr.abort());
    this.inFlight.delete(file.id);
    const uploadId = file.meta.uploadId;
    if (uploadId && !file.progress.uploadComplete) {
      void this.opts.api.abort(uploadId).catch(() => undefined);
      this.opts.onFinished?.(uploadId);
    }
  };
}
