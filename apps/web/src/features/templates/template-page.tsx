import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import type { ImageSource } from '../catalog/responsive-image';
import { ResponsiveImage } from '../catalog/responsive-image';
import { SampleImages } from '../studio/sample-images';
import { useMemo, useState } from 'react';
import {
  Badge,
  Button,
  Card,
  Checkbox,
  Detail,
  EmptyState,
  ErrorState,
  Inline,
  LoadingState,
  NativeSelect,
  Notice,
  PageHeader,
  PercentField,
  SectionHeading,
  Stack,
  Text,
  TextField,
  TextLink,
  parsePercent,
} from '@lookbook/web-ui';
import type { TemplatePageQuery as TemplatePageData } from '../../gql/graphql';
import { errorMessage, isRetryable } from '../../lib/api-error';
import { execute } from '../../lib/graphql-client';
import { toDecimalString } from '@lookbook/kernel/browser';
import { OfferMatrix } from '../catalog/version-offers';
import type { OfferDraft } from '../studio/offers-editor';
import { newOffer, OffersEditor } from '../studio/offers-editor';
import { explainTerms } from './explain-terms';
import { RollupView } from './rollup-view';
import { useMe } from '../../lib/session';
import { useTitle } from '../../lib/use-title';
import {
  PublishTemplateVersion,
  RemixTemplate,
  RenderTemplate,
  SetTemplateSlots,
  TemplatePageQuery,
  TemplateRollup,
} from './template-queries';

const route = getRouteApi('/templates/$id');

type Version = TemplatePageData['template']['versions'][number];
type Slot = Version['slots'][number];
type Terms = NonNullable<TemplatePageData['template']['terms']>;

/** Saves text as a file the browser downloads. */
function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A workflow template: its parameters as a form, the workflow downloaded with them, what it needs, its lineage. */
export function TemplatePage() {
  const { id } = route.useParams();
  const { me } = useMe();
  const page = useQuery({
    queryKey: ['template', id, me?.id ?? null],
    queryFn: () => execute(TemplatePageQuery, { id }),
  });
  const template = page.data?.template;
  useTitle(template ? template.name : 'Template');
  const owner = !!me && template?.ownerId === me.id;
  const version =
    template?.versions.find((v) => v.status === 'PUBLISHED') ?? (owner ? template?.versions[0] : undefined);

  if (page.isPending) return <LoadingState label="Loading the template" />;
  if (page.isError)
    return (
      <ErrorState
        message={errorMessage(page.error)}
        onRetry={isRetryable(page.error) ? () => void page.refetch() : undefined}
      />
    );
  if (!template) return null;
  return (
    <Stack gap={6}>
      <PageHeader
        title={template.name}
        subtitle={
          <Inline as="span">
            {template.owner && (
              <span>
                by{' '}
                <TextLink to="/u/$handle" params={{ handle: template.owner.handle }}>
                  {template.owner.displayName}
                </TextLink>
              </span>
            )}
            <Badge tone={template.status === 'PUBLISHED' ? 'good' : 'neutral'}>{template.status.toLowerCase()}</Badge>
            {template.tags.map((t) => (
              <Badge key={t}>#{t}</Badge>
            ))}
          </Inline>
        }
      />
      {version && version.sampleImages.length > 0 && (
        <TemplateSamples images={version.sampleImages} name={template.name} />
      )}
      {template.description && <p className="max-w-3xl text-sm whitespace-pre-line text-ink">{template.description}</p>}
      {!version ? (
        <EmptyState title="No version yet">
          {owner ? 'Import a ComfyUI workflow or image to make the first version.' : 'Nothing is published here yet.'}
        </EmptyState>
      ) : (
        <>
          {owner && version.status === 'DRAFT' && <DraftPanel version={version} templateId={template.id} />}
          {/* Keyed by the slots: a form started before they were saved starts again with their defaults. */}
          <ParameterForm
            key={`${version.id}:${version.slots.map((s) => s.key).join(',')}`}
            version={version}
            name={template.name}
          />
          <Lockfile version={version} />
          <LicencesCard version={version} name={template.name} terms={template.terms} owner={owner} signedIn={!!me} />
          {version.status === 'PUBLISHED' && <RollupCard versionId={version.id} signedIn={!!me} />}
        </>
      )}
      {template.terms && <TermsCard terms={template.terms} />}
      <LineageCard lineage={page.data.templateLineage} />
      {me && !owner && template.status === 'PUBLISHED' && (template.terms?.remixAllowed ?? true) && (
        <RemixCard parentId={template.id} parentName={template.name} />
      )}
    </Stack>
  );
}

/** A JSON number exactly as written (a 64-bit seed has more digits than a JavaScript number keeps). */
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** A slot's default (JSON text) as the form shows it: numbers digit for digit, text as text. */
const shown = (json: string): string => (JSON_NUMBER.test(json) ? json : String(JSON.parse(json) as unknown));

/**
 * One form control per slot, typed; the values become `renderTemplate` params. Only the values the visitor changed
 * are sent: the others stay as the author set them, and a seed left alone keeps its own behaviour (randomize…).
 */
function ParameterForm({ version, name }: { version: Version; name: string }) {
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

/** The owner's draft: pick the parameters users may set (suggested from the workflow), then publish. */
function DraftPanel({ version, templateId }: { version: Version; templateId: string }) {
  const client = useQueryClient();
  const candidates = useMemo(() => {
    const chosen = new Map(version.slots.map((s) => [s.key, s]));
    for (const s of version.suggestedSlots) if (!chosen.has(s.key)) chosen.set(s.key, s);
    return [...chosen.values()];
  }, [version]);
  const [picked, setPicked] = useState<Set<string>>(() => new Set(version.slots.map((s) => s.key)));
  const refresh = () => client.invalidateQueries({ queryKey: ['template', templateId] });
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

function Lockfile({ version }: { version: Version }) {
  const { nodes, models } = version.lockfile;
  return (
    <Card>
      <SectionHeading>What it needs</SectionHeading>
      {models.length === 0 && nodes.length === 0 ? (
        <Text>No models or custom nodes were detected.</Text>
      ) : (
        <dl data-testid="lockfile">
          {models.map((m) => (
            <Detail key={m.folder + m.name} term={m.kind.replace(/_/g, ' ')}>
              <span className="font-mono text-xs break-all">{m.name}</span>
              {m.unused && <Badge className="ml-2">unused (strength 0)</Badge>}
              {m.sha256 && (
                <Text as="span" size="xs" className="ml-2 font-mono">
                  {m.sha256.slice(0, 10)}
                </Text>
              )}
            </Detail>
          ))}
          {nodes.map((n) => (
            <Detail key={n.id} term="node pack">
              {n.id}{' '}
              {n.version && (
                <Text as="span" size="inherit">
                  {n.version}
                </Text>
              )}
            </Detail>
          ))}
        </dl>
      )}
    </Card>
  );
}

/** The IP owner's terms, said plainly. */
function TermsCard({ terms }: { terms: Terms }) {
  return (
    <Card>
      <SectionHeading>Remix terms</SectionHeading>
      <ul className="list-disc pl-5 text-sm text-ink" data-testid="remix-terms">
        {explainTerms(terms, 'fan').map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </Card>
  );
}

function LineageCard({ lineage }: { lineage: TemplatePageData['templateLineage'] }) {
  if (!lineage.ancestors.length && !lineage.descendants.length) return null;
  return (
    <Card>
      <SectionHeading>Remix tree</SectionHeading>
      <Stack as="ul" gap={1} className="text-sm" data-testid="remix-tree">
        {lineage.ancestors.map((e) => (
          <li key={`up-${e.parentId}`}>
            Remixes{' '}
            <TextLink to="/templates/$id" params={{ id: e.parentId }}>
              its parent
            </TextLink>{' '}
            ({e.shareBps / 100}% of sales to it, {e.status.toLowerCase()})
          </li>
        ))}
        {lineage.descendants.map((e) => (
          <li key={`down-${e.childId}`}>
            <TextLink to="/templates/$id" params={{ id: e.childId }}>
              A remix
            </TextLink>{' '}
            ({e.depth === 1 ? 'direct' : `${e.depth} generations down`}, {e.status.toLowerCase()})
          </li>
        ))}
      </Stack>
    </Card>
  );
}

function RemixCard({ parentId, parentName }: { parentId: string; parentName: string }) {
  const navigate = useNavigate();
  const [name, setName] = useState(`${parentName} remix`);
  const [share, setShare] = useState('10');
  const [tried, setTried] = useState(false);
  // Entered in percent, checked in percent, sent in basis points.
  const shareBps = parsePercent(share).bps;
  const remix = useMutation({
    mutationFn: (bps: number) => execute(RemixTemplate, { parentId, name, shareBps: bps }),
    onSuccess: ({ remixTemplate }) => navigate({ to: '/templates/$id', params: { id: remixTemplate.id } }),
  });
  return (
    <Card>
      <SectionHeading description="A copy of yours, within these terms, passing a share of its sales up.">
        Remix it
      </SectionHeading>
      <div className="grid max-w-2xl gap-3 sm:grid-cols-2">
        <TextField label="Name" value={name} onChange={setName} />
        <PercentField
          label="Share to the original"
          value={share}
          onChange={(value) => {
            setShare(value);
            setTried(true);
          }}
          showError={tried}
        />
      </div>
      {remix.isError && (
        <Notice tone="bad" className="mt-3">
          {errorMessage(remix.error)}
        </Notice>
      )}
      <Button
        className="mt-3"
        onPress={() => {
          setTried(true);
          if (shareBps !== null) remix.mutate(shareBps);
        }}
        isPending={remix.isPending}
      >
        Remix
      </Button>
    </Card>
  );
}

/** The template's own licences: on sale for everyone else, edited here by its author. */
function LicencesCard({
  version,
  name,
  terms,
  owner,
  signedIn,
}: {
  version: Version;
  name: string;
  terms: Terms | null;
  owner: boolean;
  signedIn: boolean;
}) {
  const client = useQueryClient();
  // A first offer that fits the IP terms: commercial only when they allow it, with their credit line.
  const fresh = (): OfferDraft[] => {
    const offer = newOffer(terms && !terms.allowedUses.includes('COMMERCIAL') ? 'PERSONAL' : 'COMMERCIAL');
    if (terms?.attribution.length)
      offer.permissions = {
        ...offer.permissions,
        creditRequired: true,
        creditLine: terms.attribution.join(' · ').slice(0, 200),
      };
    return [offer];
  };
  return (
    <Card>
      <SectionHeading>Licences</SectionHeading>
      {owner ? (
        <OffersEditor
          key={version.id}
          kind="TEMPLATE"
          versionId={version.id}
          modelName={name}
          versionName={version.label}
          editable
          onSaved={() => void client.invalidateQueries({ queryKey: ['template'] })}
          initial={
            version.licenseOffers.length
              ? version.licenseOffers.map((o) => ({
                  tier: o.tier,
                  price: toDecimalString(o.priceAmount, o.priceCurrency),
                  currency: o.priceCurrency,
                  permissions: o.permissions,
                }))
              : fresh()
          }
        />
      ) : version.licenseOffers.length ? (
        <OfferMatrix
          id={version.id}
          name={`${name} ${version.label}`}
          offers={version.licenseOffers}
          heldTiers={version.myLicenses.map((l) => l.tier)}
          signedIn={signedIn}
          isOwner={false}
          ownerLabel="Your template"
        />
      ) : (
        <Text>
          No licence is sold for this template: use it under its terms; the models it loads are licensed on their own.
        </Text>
      )}
    </Card>
  );
}

/** "What must I hold to use this for …?" — the template and every model it loads, for the chosen purpose. */
function RollupCard({ versionId, signedIn }: { versionId: string; signedIn: boolean }) {
  const [purpose, setPurpose] = useState<'PERSONAL' | 'COMMERCIAL'>('COMMERCIAL');
  const rollup = useQuery({
    queryKey: ['template', 'rollup', versionId, purpose, signedIn],
    queryFn: () => execute(TemplateRollup, { versionId, purpose }),
  });
  return (
    <Card>
      <SectionHeading
        actions={
          <NativeSelect
            label="For"
            value={purpose}
            onChange={(v) => setPurpose(v as 'PERSONAL' | 'COMMERCIAL')}
            options={[
              { id: 'COMMERCIAL', label: 'Commercial use' },
              { id: 'PERSONAL', label: 'Personal use' },
            ]}
          />
        }
      >
        Can I use this?
      </SectionHeading>
      {rollup.isPending ? (
        <LoadingState label="Checking licences" />
      ) : rollup.isError ? (
        <ErrorState
          message={errorMessage(rollup.error)}
          onRetry={isRetryable(rollup.error) ? () => void rollup.refetch() : undefined}
        />
      ) : (
        <RollupView rollup={rollup.data.templateVersion.licenseRollup} signedIn={signedIn} />
      )}
    </Card>
  );
}

/** The version's sample images: what the workflow makes (the first is the one it was imported from). */
function TemplateSamples({ images, name }: { images: readonly ImageSource[]; name: string }) {
  return (
    <section
      aria-label="Sample images"
      className="flex gap-3 overflow-x-auto focus-visible:outline-2 focus-visible:outline-accent"
      data-testid="template-samples"
      // Scrollable: reachable by keyboard.
      tabIndex={0}
    >
      {images.map((image, i) => (
        <div
          key={image.url}
          className="h-64 max-w-full shrink-0 overflow-hidden rounded-card border border-line bg-raised sm:h-80"
        >
          <ResponsiveImage
            image={image}
            alt={`Sample image ${i + 1} for ${name}`}
            sizes="(max-width: 640px) 100vw, 60vw"
            priority={i === 0}
            fit="contain"
            className="h-full w-auto"
          />
        </div>
      ))}
    </section>
  );
}
