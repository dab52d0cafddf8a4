import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import S3rver from 's3rver';

export interface EmbeddedS3 {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  stop(): Promise<void>;
}

/** s3rver accepts any credentials (it does not verify signatures); these only make the SDK sign requests. */
const LOCAL_KEY = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/**
 * Browsers upload parts straight to storage with presigned PUTs (the web client's Uppy) and need to read each part's
 * ETag. On the embedded defaults any origin may do so; the presigned signature is what authorises a request.
 * Production buckets need the same rule for the site's origin (docs/architecture/web.md, "Uploads from the browser").
 */
const BROWSER_UPLOAD_CORS =
  '<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>PUT</AllowedMethod>' +
  '<AllowedMethod>GET</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedHeader>*</AllowedHeader>' +
  '<ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>3600</MaxAgeSeconds></CORSRule></CORSConfiguration>';

const xml = (value: string) => value.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The embedded S3-compatible server: s3rver on 127.0.0.1 with data under `directory`, the buckets created. s3rver
 * lacks ListParts and AbortMultipartUpload, which resumable uploads need; this server answers those two calls from
 * s3rver's own on-disk layout (`<bucket>/._S3rver_uploads/<uploadId>/<partNumber>` + `.md5`) and hands everything
 * else to s3rver, so the S3 adapter's code path is the one production uses.
 */
export async function startEmbeddedS3(options: {
  directory: string;
  port: number;
  buckets: string[];
}): Promise<EmbeddedS3> {
  await mkdir(options.directory, { recursive: true });
  const s3rver = new S3rver({
    directory: options.directory,
    silent: true,
    configureBuckets: options.buckets.map((name) => ({ name, configs: [BROWSER_UPLOAD_CORS] })),
  });
  keepDirectoriesOnDelete(s3rver);
  await s3rver.configureBuckets();
  const handle = s3rver.callback();
  const uploadsDir = (bucket: string, uploadId: string) =>
    join(options.directory, bucket, '._S3rver_uploads', uploadId);

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const uploadId = url.searchParams.get('uploadId');
    const [, bucket = '', ...keyParts] = url.pathname.split('/');
    const key = decodeURIComponent(keyParts.join('/'));
    if (uploadId && /^[0-9a-f]{32}$/.test(uploadId) && (req.method === 'GET' || req.method === 'DELETE')) {
      const dir = uploadsDir(decodeURIComponent(bucket), uploadId);
      const reply = req.method === 'GET' ? listParts(dir, bucket, key, uploadId) : abort(dir);
      reply
        .then(({ status, body }) => {
          res.writeHead(status, { 'content-type': 'application/xml' });
          res.end(body);
        })
        .catch(() => {
          res.writeHead(500, { 'content-type': 'application/xml' });
          res.end('<Error><Code>InternalError</Code><Message>embedded storage failed</Message></Error>');
        });
      return;
    }
    void handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    ...LOCAL_KEY,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * s3rver's deleteObject removes a key's parent directories once they are empty, so a concurrent write into the same
 * prefix can lose its directory between mkdir and open — an unhandled stream error that kills the process. S3 has no
 * directories; empty ones on disk are harmless, so delete only the object's files.
 */
function keepDirectoriesOnDelete(s3rver: S3rver): void {
  const store = s3rver.store;
  store.deleteObject = async (bucket, key) => {
    await Promise.all(
      ['object', 'object.md5', 'metadata.json'].map((resource) =>
        rm(store.getResourcePath(bucket, key, resource), { force: true }),
      ),
    );
  };
}

const NO_SUCH_UPLOAD = {
  status: 404,
  body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message></Error>',
};

async function listParts(dir: string, bucket: string, key: string, uploadId: string) {
  if (!existsSync(join(dir, 'key'))) return NO_SUCH_UPLOAD;
  const names = (await readdir(dir)).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(a) - Number(b));
  const parts = await Promise.all(
    names.map(async (name) => {
      const [info, md5] = await Promise.all([
        stat(join(dir, name)),
        readFile(join(dir, `${name}.md5`), 'utf8').catch(() => ''),
      ]);
      return `<Part><PartNumber>${name}</PartNumber><LastModified>${info.mtime.toISOString()}</LastModified><ETag>"${md5.trim()}"</ETag><Size>${info.size}</Size></Part>`;
    }),
  );
  return {
    status: 200,
    body:
      '<?xml version="1.0" encoding="UTF-8"?><ListPartsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
      `<Bucket>${xml(bucket)}</Bucket><Key>${xml(key)}</Key><UploadId>${uploadId}</UploadId>` +
      `<IsTruncated>false</IsTruncated>${parts.join('')}</ListPartsResult>`,
  };
}

async function abort(dir: string) {
  if (!existsSync(join(dir, 'key'))) return NO_SUCH_UPLOAD;
  await rm(dir, { recursive: true, force: true });
  return { status: 204, body: '' };
}
