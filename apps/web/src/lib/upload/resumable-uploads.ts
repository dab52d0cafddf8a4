/**
 * Open uploads, remembered in this browser by version: after a reload (or a crash) the studio lists them, and choosing
 * the same file again (same name and size) resumes from the parts storage already has.
 */
export interface RememberedUpload {
  uploadId: string;
  fileId: string;
  name: string;
  size: number;
}

const key = (versionId: string) => `lookbook.uploads.${versionId}`;

export const rememberedUploads = {
  list(versionId: string): RememberedUpload[] {
    try {
      return JSON.parse(localStorage.getItem(key(versionId)) ?? '[]') as RememberedUpload[];
    } catch {
      return [];
    }
  },
  add(versionId: string, upload: RememberedUpload): void {
    const others = this.list(versionId).filter((u) => u.uploadId !== upload.uploadId);
    localStorage.setItem(key(versionId), JSON.stringify([...others, upload]));
  },
  remove(versionId: string, uploadId: string): void {
    const left = this.list(versionId).filter((u) => u.uploadId !== uploadId);
    if (left.length) localStorage.setItem(key(versionId), JSON.stringify(left));
    else localStorage.removeItem(key(versionId));
  },
  /** The open upload a newly chosen file continues, if any. */
  match(versionId: string, file: { name: string; size: number }): RememberedUpload | undefined {
    return this.list(versionId).find((u) => u.name === file.name && u.size === file.size);
  },
};
