import Uppy from '@uppy/core';
import type { LookbookMeta, UploadApi } from './lookbook-uploader';
import { LookbookUploader } from './lookbook-uploader';

/** A stand-in for the browser's XHR to storage: records each PUT; `hold` keeps requests open until released. */
class FakeXhr {
  static sent: { url: string; size: number }[] = [];
  static hold = false;
  static open: FakeXhr[] = [];
  upload: { onprogress?: (event: { loaded: number }) => void } = {};
  onload?: () => void;
  onerror?: () => void;
  onabort?: () => void;
  status = 0;
  private url = '';
  open(_method: string, url: string) {
    this.url = url;
  }
  send(body: Blob) {
    FakeXhr.sent.push({ url: this.url, size: body.size });
    if (FakeXhr.hold) FakeXhr.open.push(this);
    else this.finish();
  }
  finish() {
    this.upload.onprogress?.({ loaded: 1 });
    this.status = 200;
    this.onload?.();
  }
  abort() {
    this.onabort?.();
  }
}

const MIB = 1024 * 1024;
const finish = FakeXhr.prototype.finish;

function api(
  uploaded: { partNumber: number; size: number }[] = [],
): UploadApi & { completed: string[]; aborted: string[] } {
  const completed: string[] = [];
  const aborted: string[] = [];
  return {
    completed,
    aborted,
    create: jest.fn(async (file) => ({
      uploadId: 'u1',
      fileId: 'f1',
      partSize: 8 * MIB,
      partCount: Math.ceil(file.size / (8 * MIB)),
    })),
    uploadedParts: jest.fn(async () => uploaded),
    partUrls: jest.fn(async (_id, parts: number[]) =>
      parts.map((partNumber) => ({ partNumber, url: `https://storage/part/${partNumber}` })),
    ),
    complete: jest.fn(async (id: string) => {
      completed.push(id);
      return { id: 'f1', scanStatus: 'PENDING' };
    }),
    abort: jest.fn(async (id: string) => {
      aborted.push(id);
      return true;
    }),
  };
}

function uppyWith(uploadApi: UploadApi) {
  const quiet = { debug: () => undefined, warn: () => undefined, error: () => undefined };
  return new Uppy<LookbookMeta, Record<string, never>>({ logger: quiet }).use(LookbookUploader, {
    api: uploadApi,
    concurrency: 1,
  });
}

const file = (size: number) => ({
  name: 'style.safetensors',
  type: 'application/octet-stream',
  data: new Blob([new Uint8Array(size)]),
});

describe('LookbookUploader', () => {
  beforeEach(() => {
    FakeXhr.sent = [];
    FakeXhr.hold = false;
    FakeXhr.open = [];
    FakeXhr.prototype.finish = finish;
    (globalThis as { XMLHttpRequest: unknown }).XMLHttpRequest = FakeXhr;
  });

  it('creates the upload, PUTs every part to its URL, completes it, and reports every byte', async () => {
    const uploadApi = api();
    const uppy = uppyWith(uploadApi);
    const progress: number[] = [];
    uppy.on('upload-progress', (_f, p) => progress.push(p.bytesUploaded));
    uppy.addFile(file(20 * MIB));
    const result = await uppy.upload();
    expect(result?.successful).toHaveLength(1);
    expect(FakeXhr.sent).toEqual([
      { url: 'https://storage/part/1', size: 8 * MIB },
      { url: 'https://storage/part/2', size: 8 * MIB },
      { url: 'https://storage/part/3', size: 4 * MIB },
    ]);
    expect(uploadApi.completed).toEqual(['u1']);
    expect(progress[progress.length - 1]).toBe(20 * MIB);
  });

  it('resumes an upload it already knows: only the parts storage lacks are sent', async () => {
    const uploadApi = api([{ partNumber: 1, size: 8 * MIB }]);
    const uppy = uppyWith(uploadApi);
    const id = uppy.addFile({
      ...file(20 * MIB),
      meta: { uploadId: 'u1', fileId: 'f1', partSize: 8 * MIB, partCount: 3 },
    });
    await uppy.upload();
    expect(uploadApi.create).not.toHaveBeenCalled();
    expect(FakeXhr.sent.map((s) => s.url)).toEqual(['https://storage/part/2', 'https://storage/part/3']);
    expect(uppy.getFile(id).progress.uploadComplete).toBe(true);
  });

  it('pauses by aborting the part in flight and sends it again on resume', async () => {
    FakeXhr.hold = true;
    const uploadApi = api();
    const uppy = uppyWith(uploadApi);
    const id = uppy.addFile(file(9 * MIB));
    const done = uppy.upload();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(FakeXhr.sent).toHaveLength(1);
    uppy.pauseResume(id);
    FakeXhr.hold = false;
    uppy.pauseResume(id);
    await done;
    // Part 1 was sent twice (aborted once), part 2 once.
    expect(FakeXhr.sent.map((s) => s.url)).toEqual([
      'https://storage/part/1',
      'https://storage/part/1',
      'https://storage/part/2',
    ]);
    expect(uploadApi.completed).toEqual(['u1']);
  });

  it('reports a refused part as the file’s error and does not complete the upload', async () => {
    const uploadApi = api();
    (FakeXhr.prototype as unknown as { finish: () => void }).finish = function (this: FakeXhr) {
      this.status = 403;
      this.onload?.();
    };
    const uppy = uppyWith(uploadApi);
    const id = uppy.addFile(file(MIB));
    await uppy.upload();
    expect(uppy.getFile(id).error).toMatch(/Storage refused a part \(HTTP 403\)/);
    expect(uploadApi.completed).toEqual([]);
  });

  it('aborts the upload on the server when the file is removed before it finishes', async () => {
    FakeXhr.hold = true;
    const uploadApi = api();
    const uppy = uppyWith(uploadApi);
    const id = uppy.addFile(file(MIB));
    void uppy.upload();
    await new Promise((resolve) => setTimeout(resolve, 10));
    uppy.removeFile(id);
    expect(uploadApi.aborted).toEqual(['u1']);
  });
});
