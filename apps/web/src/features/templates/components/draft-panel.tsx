import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Button, Card, Checkbox, Notice, SectionHeading, Stack, Text } from '@lookbook/web-ui';
import { SampleImages } from '../../../components/sample-images';
import { errorMessage } from '../../../lib/api-error';
import { execute } from '../../../lib/graphql-client';
import { templateKeys } from '../api/keys';
import { PublishTemplateVersion, SetTemplateSlots } from '../api/mutations';
import type { Version } from '../api/template-view';
import { shown } from './parameter-form';

/** The owner's draft: pick the parameters users may set (suggested from the workflow), then publish. */
export function DraftPanel({ version, templateId }: { version: Version; templateId: string }) {
  const client = useQueryClient();
  const candidates = useMemo(() => {
    const chosen = new Map(version.slots.map((s) => [s.key, s]));
    for (const s of version.suggestedSlots) if (!chosen.has(s.key)) chosen.set(s.key, s);
    return [...chosen.values()];
  }, [version]);
  const [picked, setPicked] = useState<Set<string>>(() => new Set(version.slots.map((s) => s.key)));
  const refresh = () => client.invalidateQueries({ queryKey: templateKeys.detail(templateId) });
  const save = useMutation({
    mutationFn: () =>
      execute(SetTemplateSlots, {
        versionId: version.id,
        slots: candidates
          .filter((s) => picked.has(s.key))
          .map(({ key, nodeId, widget, label, type, default: value, min, max, options, pattern, maxLength }) => ({
            key,
            nodeId,
            widget,
            label,
            type,
            default: value,
            min,
            max,
            options,
            pattern,
            maxLength,
          })),
      }),
    onSuccess: refresh,
  });
  const publish = useMutation({
    mutationFn: () => execute(PublishTemplateVersion, { versionId: version.id }),
    onSuccess: refresh,
  });
  return (
    <Card>
      <SectionHeading description="Choose what users may set. Everything else stays as in your workflow.">
        Draft {version.label}
      </SectionHeading>
      {version.warnings.map((w) => (
        <Notice key={w.code + w.message} tone="warn" className="mb-2">
          {w.message}
        </Notice>
      ))}
      {candidates.length === 0 ? (
        <Text>No settable inputs were found in this workflow.</Text>
      ) : (
        <Stack gap={2} className="mb-3" data-testid="slot-picker">
          {candidates.map((s) => (
            <Checkbox
              key={s.key}
              isSelected={picked.has(s.key)}
              onChange={(on) =>
                setPicked((all) => {
                  const next = new Set(all);
                  if (on) next.add(s.key);
                  else next.delete(s.key);
                  return next;
                })
              }
            >
              {s.label}{' '}
              <Text as="span" size="inherit">
                ({s.type.toLowerCase()}, now {shown(s.default)})
              </Text>
            </Checkbox>
          ))}
        </Stack>
      )}
      {(save.isError || publish.isError) && (
        <Notice tone="bad" className="mb-2">
          {errorMessage(save.error ?? publish.error)}
        </Notice>
      )}
      {save.isSuccess && (
        <Notice tone="good" className="mb-2">
          Parameters saved.
        </Notice>
      )}
      <SectionHeading level={3} className="mt-4">
        Sample images
      </SectionHeading>
      <div className="mb-4">
        <SampleImages
          versionId={version.id}
          images={version.sampleImages}
          editable
          onChanged={() => void refresh()}
          uploadPath={`/api/v1/template-versions/${version.id}/images`}
          emptyText="No sample images yet: show what this workflow makes (the first one is its cover)."
          hint="PNG, JPEG or WebP, published without their metadata."
        />
      </div>
      <Stack direction="row" gap={2}>
        <Button variant="secondary" onPress={() => save.mutate()} isPending={save.isPending}>
          Save parameters
        </Button>
        <Button onPress={() => publish.mutate()} isPending={publish.isPending} isDisabled={version.slots.length === 0}>
          Publish {version.label}
        </Button>
      </Stack>
    </Card>
  );
}
