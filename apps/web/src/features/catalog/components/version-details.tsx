import { Badge, CopyButton, Detail, Inline, LongValue, Section, Stack, Text, TextLink } from '@lookbook/web-ui';
import type { FragmentType } from '../../../gql';
import { graphql, readFragment } from '../../../gql';
import { formatBytes, formatDate, sentenceCase } from '../../../lib/format';
import { DownloadButton } from './download-button';

export const VersionDetailsFragment = graphql(`
  fragment VersionDetails on ModelVersion {
    id
    name
    changelog
    publishedAt
    downloadCount
    access
    ownedByMe
    triggerWords
    recommendedSettings {
      key
      value
    }
    parents {
      versionId
      relation
    }
    files {
      id
      fileName
      format
      precision
      role
      sizeBytes
      declaredSize
      sha256
      autoV2
      scanStatus
    }
  }
`);

/** Each part of a version's details: a small heading over its content. */
const PART = { level: 3, size: 'sm', gap: 2 } as const;

/** A version's changelog, trigger words, recommended settings, files with hashes, and the versions it derives from. */
export function VersionDetails({
  version: masked,
  signedIn,
}: {
  version: FragmentType<typeof VersionDetailsFragment>;
  signedIn: boolean;
}) {
  const version = readFragment(VersionDetailsFragment, masked);
  const mayDownload = signedIn && (version.ownedByMe || version.access === 'FREE');
  return (
    <Stack gap={6}>
      {version.changelog && (
        <Section title={<>What changed in {version.name}</>} headingId={`changelog-${version.id}`} {...PART}>
          <Text className="whitespace-pre-line">{version.changelog}</Text>
        </Section>
      )}
      {version.triggerWords.length > 0 && (
        <Section
          title="Trigger words"
          headingId={`triggers-${version.id}`}
          actions={<CopyButton value={version.triggerWords.join(', ')} label="Copy all" />}
          {...PART}
        >
          <Stack as="ul" direction="row" gap={2}>
            {version.triggerWords.map((word) => (
              <li
                key={word}
                className="flex max-w-full items-center gap-1 rounded-lg bg-raised py-1 pr-1 pl-3 font-mono text-sm break-all"
              >
                {word}
                <CopyButton value={word} label="Copy" />
              </li>
            ))}
          </Stack>
        </Section>
      )}
      {version.recommendedSettings.length > 0 && (
        <Section title="Recommended settings" headingId={`settings-${version.id}`} {...PART}>
          <dl>
            {version.recommendedSettings.map((s) => (
              <Detail key={s.key} term={s.key}>
                {s.value}
              </Detail>
            ))}
          </dl>
        </Section>
      )}
      <Section title="Files" headingId={`files-${version.id}`} {...PART}>
        {version.files.length === 0 ? (
          <Text>No files yet.</Text>
        ) : (
          <Stack as="ul">
            {version.files.map((file) => (
              <li key={file.id} className="rounded-lg border border-line p-3" data-testid="model-file">
                <Inline justify="between">
                  <div className="min-w-0">
                    <p className="font-mono text-sm break-all">{file.fileName}</p>
                    <Text size="xs">
                      {formatBytes(file.sizeBytes ?? file.declaredSize)} · {file.format}
                      {file.precision ? ` · ${file.precision}` : ''} · {sentenceCase(file.role)}
                    </Text>
                  </div>
                  {file.scanStatus !== 'READY' ? (
                    <Badge tone={file.scanStatus === 'REJECTED' ? 'bad' : 'warn'}>
                      {sentenceCase(file.scanStatus)}
                    </Badge>
                  ) : mayDownload && file.sha256 ? (
                    <DownloadButton fileId={file.id} fileName={file.fileName} />
                  ) : null}
                </Inline>
                {file.sha256 && (
                  <Inline className="mt-2 text-xs">
                    <Text as="span" size="inherit">
                      SHA-256
                    </Text>
                    <LongValue value={file.sha256} label="Copy hash" testId="file-sha256" />
                    {file.autoV2 && (
                      <>
                        <Text as="span" size="inherit">
                          AutoV2
                        </Text>
                        <code className="rounded bg-raised px-1.5 py-0.5">{file.autoV2}</code>
                      </>
                    )}
                  </Inline>
                )}
              </li>
            ))}
          </Stack>
        )}
      </Section>
      {version.parents.length > 0 && (
        <Section title="Built on" headingId={`lineage-${version.id}`} {...PART}>
          <Stack as="ul" gap={1} className="text-sm">
            {version.parents.map((p) => (
              <li key={p.versionId}>
                {sentenceCase(p.relation)} of{' '}
                <TextLink to="/versions/$id" params={{ id: p.versionId }}>
                  another model
                </TextLink>
              </li>
            ))}
          </Stack>
        </Section>
      )}
      <Text size="xs">
        {version.publishedAt ? `Published ${formatDate(version.publishedAt)}` : 'Draft'} · {version.downloadCount}{' '}
        downloads
      </Text>
    </Stack>
  );
}
