import { readEmbeddedTexts } from '@lookbook/catalog';
import type { ApiPrompt, TemplateGraph, UiWorkflow, WorkflowWarning } from '@lookbook/comfyui';
import {
  MAX_WORKFLOW_BYTES,
  parseWorkflowText,
  readApiPrompt,
  readUiWorkflow,
  readWorkflow,
  WorkflowErrors,
} from '@lookbook/comfyui';
import { ValidationError } from '@lookbook/kernel';

export interface ImportedWorkflow {
  graph: TemplateGraph;
  warnings: WorkflowWarning[];
  /** What the file was: a UI export, an API prompt, or an image with the graphs embedded. */
  source: 'UI_JSON' | 'API_JSON' | 'IMAGE';
}

/** Images are read for their embedded graphs only (never decoded): this much is plenty for a real output. */
export const MAX_IMPORT_IMAGE_BYTES = 25 * 1024 * 1024;

const looksLikeJson = (bytes: Buffer) => {
  for (const byte of bytes.subarray(0, 64)) {
    if (
      byte === 0x20 ||
      byte === 0x0a ||
      byte === 0x0d ||
      byte === 0x09 ||
      byte === 0xef ||
      byte === 0xbb ||
      byte === 0xbf
    )
      continue;
    return byte === 0x7b || byte === 0x5b;
  }
  return false;
};

/**
 * A workflow from whatever a person drops: a UI-format export (schema 0.4 or 1), an API-format prompt, or an image
 * ComfyUI saved (PNG `tEXt`/`iTXt`/`comf`, WebP/JPEG EXIF) carrying both. Structure is checked; nothing is changed.
 */
export async function importWorkflow(bytes: Buffer): Promise<ImportedWorkflow> {
  if (looksLikeJson(bytes)) {
    if (bytes.length > MAX_WORKFLOW_BYTES) throw WorkflowErrors.tooLarge(MAX_WORKFLOW_BYTES);
    const { workflow, warnings } = readWorkflow(parseWorkflowText(bytes.toString('utf8').replace(/^\uFEFF/, '')));
    return workflow.kind === 'UI'
      ? { graph: { ui: workflow, api: null }, warnings, source: 'UI_JSON' }
      : { graph: { ui: null, api: workflow }, warnings, source: 'API_JSON' };
  }
  if (bytes.length > MAX_IMPORT_IMAGE_BYTES)
    throw new ValidationError('TEMPLATE_FILE_TOO_LARGE', 'A file to import is at most 25 MiB');
  const texts = await readEmbeddedTexts(bytes);
  if (!texts.workflow && !texts.prompt)
    throw new ValidationError(
      'TEMPLATE_NO_WORKFLOW',
      'This file is neither a ComfyUI workflow (.json) nor an image ComfyUI saved with its workflow',
    );
  let ui: UiWorkflow | null = null;
  let api: ApiPrompt | null = null;
  const warnings: WorkflowWarning[] = [];
  if (texts.workflow) {
    const read = readUiWorkflow(parseWorkflowText(texts.workflow));
    ui = read.workflow;
    warnings.push(...read.warnings);
  }
  if (texts.prompt) api = readApiPrompt(parseWorkflowText(texts.prompt));
  return { graph: { ui, api }, warnings, source: 'IMAGE' };
}
