import { createSHA256 } from 'hash-wasm';

const CHUNK = 8 * 1024 * 1024;

/** Reads a slice of a file (FileReader: works for any size and everywhere Blob does). */
function readSlice(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsArrayBuffer(blob);
  });
}

/**
 * SHA-256 of a file, as hex, computed in the browser in 8 MiB slices (model files are gigabytes: WebCrypto would need
 * the whole file in memory). The bytes never leave the machine. `onProgress` gets the fraction done.
 */
export async function sha256Hex(file: Blob, onProgress?: (done: number) => void): Promise<string> {
  const hasher = await createSHA256();
  hasher.init();
  for (let offset = 0; offset < file.size; offset += CHUNK) {
    hasher.update(await readSlice(file.slice(offset, offset + CHUNK)));
    onProgress?.(Math.min(1, (offset + CHUNK) / file.size));
  }
  return hasher.digest('hex');
}
