import type { Json } from './json';
import { isObject } from './json';
import type { JsonEdit } from './json-edit';
import { editJson } from './json-edit';
import type { ParameterSlot } from './slots';
import type { UiWorkflow } from './workflow';
import { nodeKey } from './workflow';

/** The edits that make a UI graph open as these slots' app (see `toAppMode`). */
export function appModeEdits(ui: UiWorkflow, slots: readonly ParameterSlot[]): JsonEdit[] {
  const extra = ui.json['extra'];
  const linear = isObject(extra) ? extra['linearData'] : undefined;
  const previous = isObject(linear) && Array.isArray(linear['inputs']) ? linear['inputs'] : [];
  const inputs: Json[] = slots.map((slot) => {
    const kept = previous.find((e) => Array.isArray(e) && nodeKey(e[0]) === slot.nodeId && e[1] === slot.widget);
    const id = /^-?\d+$/.test(slot.nodeId) ? Number(slot.nodeId) : slot.nodeId;
    return Array.isArray(kept) && kept.length > 2 ? [id, slot.widget, kept[2]!] : [id, slot.widget];
  });
  return [
    { path: ['extra', 'linearData', 'inputs'], value: inputs },
    { path: ['extra', 'linearMode'], value: true },
    { path: ['extra', 'lookbook', 'slots'], value: slots.map((s) => ({ ...s })) },
  ];
}

/**
 * The UI workflow (its text) with these slots as its App Mode (`linearMode`, `linearData.inputs`, layouts kept for
 * inputs that stay) and our constraints in `extra.lookbook.slots`. Nothing else changes, byte for byte.
 */
export function toAppMode(ui: UiWorkflow, slots: readonly ParameterSlot[]): string {
  return editJson(ui.text, appModeEdits(ui, slots));
}
