import { hasModelFileExtension } from '@lookbook/kernel';
import { CatalogErrors } from '../catalog.errors';

/**
 * A file name as shown to downloaders. Hostile names are refused, not "fixed": path separators and traversal, NUL and
 * other control characters, bidirectional overrides (which disguise extensions), and anything not ending in
 * an accepted model file extension (MODEL_FILE_EXTENSIONS: .safetensors). Storage never uses this name: keys are ids and hashes.
 */
export function normaliseFileName(raw: string): string {
  const name = raw.normalize('NFC').trim();
  const hostile =
    name.length < 1 ||
    [...name].length > 200 ||
    /[/\\]/.test(name) ||
    name.startsWith('.') ||
    /[\u0000-\u001f\u007f-\u009f]/.test(name) ||
    /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/.test(name) ||
    !hasModelFileExtension(name);
  if (hostile) throw CatalogErrors.invalidFileName();
  return name;
}
