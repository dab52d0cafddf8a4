/**
 * The model file formats Lookbook takes, one list for the API (which refuses any other name) and the web client
 * (which offers exactly these in its file picker and drop zone). Only safetensors: a format that cannot run code
 * when loaded, and whose header the ingest reads to check the file.
 */
export const MODEL_FILE_EXTENSIONS = ['.safetensors'] as const;

/** The formats as people read them ("safetensors", or "safetensors or gguf"). */
export const MODEL_FILE_FORMATS_TEXT = MODEL_FILE_EXTENSIONS.map((e) => e.slice(1)).join(' or ');

/** Whether a file name ends in an accepted model file extension (any case). */
export const hasModelFileExtension = (name: string): boolean =>
  MODEL_FILE_EXTENSIONS.some((extension) => name.toLowerCase().endsWith(extension));
