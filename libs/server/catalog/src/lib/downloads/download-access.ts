import type { Actor } from '@lookbook/core';

export interface DownloadResource {
  modelId: string;
  versionId: string;
  fileSha256: string;
}

/**
 * Who may download a LICENSED version besides its owner. The licensing domain provides the real policy (active grant
 * covering the file); until it is installed, nobody else may.
 */
export interface DownloadAccessPolicy {
  canDownload(actor: Actor, resource: DownloadResource): Promise<boolean>;
}
export const DOWNLOAD_ACCESS = Symbol('DOWNLOAD_ACCESS');

export class OwnerOnlyDownloadAccess implements DownloadAccessPolicy {
  canDownload(): Promise<boolean> {
    return Promise.resolve(false);
  }
}
