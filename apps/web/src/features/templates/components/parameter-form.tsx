import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Button, Card, Checkbox, NativeSelect, Notice, SectionHeading, Stack, Text, TextField } from '@lookbook/web-ui';
import { errorMessage } from '../../../lib/api-error';
import { execute } from '../../../lib/graphql-client';
import { RenderTemplate } from '../api/queries';
import type { Slot, Version } from '../api/template-view';

/** Saves text as a file the browser downloads. */
function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
/** A JSON number exactly as written (a 64-bit seed has more digits than a JavaScript number keeps). */
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** A slot's default (JSON text) as the form shows it: numbers digit for digit, text as text. */
export const shown = (json: string): string => (JSON_NUMBER.test(json) ? json : String(JSON.parse(json) as unknown));

/**
 * One form control per slot, typed; the values become `renderTemplate` params. Only the values the visitor changed
 * are sent: the others stay as the author set them, and a seed left alone keeps its own behaviour (randomize…).
 */
export function ParameterForm({ version, name }: { version: Version; name: string }) {
  const initial = useMemo(() => Object.fromEntries(version.slots.map((s) => [s.key, shown(s.default)])), [version]);
  const [values, setValues] = useState<Record<string, string>>(initial);
  const render = useMutation({
    mutationFn: (format: 'workflow' | 'prompt') =>
      execute(RenderTemplate, {
        versionId: version.id,
        params: version.slots
          .filter((s) => values[s.key] !== initial[s.key])
          .map((s) => ({ key: s.key, value: paramJson(s, values[s.key] ?? '') })),
      }).then((r) => ({ format, text: r.renderTemplate[format] })),
    onSuccess: ({ format, text }) => {
      if (text)
        download(`${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}${format === 'prompt' ? '.api' : ''}.json`, text);
    },
  });
  return (
    <Card>
      <SectionHeading description="Set what this template lets you change, then download it for ComfyUI.">
        Parameters
      </SectionHeading>
      {version.slots.length === 0 ? (
        <Text>This version has no parameters yet: it downloads as it is.</Text>
      ) : (
        <div className="grid max-w-2xl gap-3 sm:grid-cols-2" data-testid="parameter-form">
          {version.slots.map((slot) => (
            <SlotField
              key={slot.key}
              slot={slot}
              value={values[slot.key] ?? ''}
              onChange={(v) => setValues((all) => ({ ...all, [slot.key]: v }))}
            />
          ))}
        </div>
      )}
      {render.isError && (
        <Notice tone="bad" className="mt-3">
          {errorMessage(render.error)}
        </Notice>
      )}
      <Stack direction="row" gap={2} className="mt-4">
        {version.hasWorkflow && (
          <Button
            onPress={() => render.mutate('workflow')}
            isPending={render.isPending && render.variables === 'workflow'}
          >
            Download workflow
          </Button>
        )}
        {version.hasPrompt && (
          <Button
            variant="secondary"
            onPress={() => render.mutate('prompt')}
            isPending={render.isPending && render.variables === 'prompt'}
          >
            Download API prompt
          </Button>
        )}
      </Stack>
    </Card>
  );
}

/** A form value as the JSON a parameter is sent as: numbers as typed (every digit), text as text. */
function paramJson(slot: Slot, text: string): string {
  if (slot.type === 'BOOLEAN') return JSON.stringify(text === 'true');
  if (slot.type === 'INTEGER' || slot.type === 'SEED' || slot.type === 'NUMBER') {
    const typed = text.trim();
    // Not a number: sent as null, and the server's error says what is expected.
    return JSON_NUMBER.test(typed) ? typed : JSON.stringify(typed === '' ? null : Number(typed));
  }
  return JSON.stringify(text);
}

function SlotField({ slot, value, onChange }: { slot: Slot; value: string; onChange: (v: string) => void }) {
  if (slot.type === 'ENUM' && slot.options)
    return (
      <NativeSelect
        label={slot.label}
        value={value}
        onChange={onChange}
        options={slot.options.map((o) => ({ id: o, label: o }))}
      />
    );
  if (slot.type === 'BOOLEAN')
    return (
      <Checkbox isSelected={value === 'true'} onChange={(on) => onChange(String(on))}>
        {slot.label}
      </Checkbox>
    );
  const numeric = slot.type === 'INTEGER' || slot.type === 'SEED' || slot.type === 'NUMBER';
  const range =
    numeric && (slot.min !== null || slot.max !== null) ? `${slot.min ?? '…'} to ${slot.max ?? '…'}` : undefined;
  return (
    <TextField
      label={slot.label}
      value={value}
      onChange={onChange}
      multiline={slot.type === 'TEXT' && value.length > 40}
      description={
        slot.type === 'SEED'
          ? `${range ? `${range}. ` : ''}A seed you change is fixed in the download; left as is, it behaves as the workflow says.`
          : (range ?? (slot.type === 'TEXT' && slot.maxLength ? `At most ${slot.maxLength} characters` : undefined))
      }
    />
  );
}
