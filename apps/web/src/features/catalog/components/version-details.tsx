import { Link } from '@tanstack/react-router';
import { Badge, CopyButton, Detail, LongValue } from '@lookbook/web-ui';
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
    <div className="flex flex-col gap-6">
      {version.changelog && (
        <section aria-labelledby={`changelog-${version.id}`}>
          <h3 id={`changelog-${version.id}`} className="mb-1 text-sm font-semibold">
            What changed in {version.name}
          </h3>
          <p className="text-sm whitespace-pre-line text-muted">{version.changelog}</p>
        </section>
      )}
      {version.triggerWords.length > 0 && (
        <section aria-labelledby={`triggers-${version.id}`}>
          <div className="mb-2 flex items-center gap-2">
            <h3 id={`triggers-${version.id}`} className="text-sm font-semibold">
              Trigger words
            </h3>
            <CopyButton value={version.triggerWords.join(', ')} label="Copy all" />
          </div>
          <ul className="flex flex-wrap gap-2">
            {version.triggerWords.map((word) => (
              <li
                key={word}
                className="flex max-w-full items-center gap-1 rounded-lg bg-raised py-1 pr-1 pl-3 font-mono text-sm break-all"
              >
                {word}
                <CopyButton value={word} label="Copy" />
              </li>
            ))}
          </ul>
        </section>
      )}
      {version.recommendedSettings.length > 0 && (
        <section aria-labelledby={`settings-${version.id}`}>
          <h3 id={`settings-${version.id}`} className="text-sm font-semibold">
            Recommended settings
          </h3>
          <dl>
            {version.recommendedSettings.map((s) => (
              <Detail key={s.key} term={s.key}>
                {s.value}
              </Detail>
            ))}
          </dl>
        </section>
      )}
      <section aria-labelledby={`files-${version.id}`}>
        <h3 id={`files-${version.id}`} className="mb-2 text-sm font-semibold">
          Files
        </h3>
        {version.files.length === 0 ? (
          <p className="text-sm text-muted">No files yet.</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {version.files.map((file) => (
              <li key={file.id} className="rounded-lg border border-line p-3" data-testid="model-file">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <div className="min-w-0">
                    <p className="font-mono text-sm break-all">{file.fileName}</p>
                    <p className="text-xs text-muted">
                      {formatBytes(file.sizeBytes ?? file.declaredSize)} · {file.format}
                      {file.precision ? ` · ${file.precision}` : ''} · {sentenceCase(file.role)}
                    </p>
                  </div>
                  {file.scanStatus !== 'READY' ? (
                    <Badge tone={file.scanStatus === 'REJECTED' ? 'bad' : 'warn'}>
                      {sentenceCase(file.scanStatus)}
                    </Badge>
                  ) : mayDownload && file.sha256 ? (
                    <DownloadButton fileId={file.id} fileName={file.fileName} />
                  ) : null}
                </div>
                {file.sha256 && (
                  <div className="mt-2 flex flex-wrap items-center gap-2 text-xs">
                    <span className="text-muted">SHA-256</span>
                    <LongValue value={file.sha256} label="Copy hash" testId="file-sha256" />
                    {file.autoV2 && (
                      <>
                        <span className="text-muted">AutoV2</span>
                        <code className="rounded bg-raised px-1.5 py-0.5">{file.autoV2}</code>
                      </>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {version.parents.length > 0 && (
        <section aria-labelledby={`lineage-${version.id}`}>
          <h3 id={`lineage-${version.id}`} className="mb-1 text-sm font-semibold">
            Built on
          </h3>
          <ul className="flex flex-col gap-1 text-sm">
            {version.parents.map((p) => (
              <li key={p.versionId}>
                {sentenceCase(p.relation)} of{' '}
                <Link
                  to="/versions/$id"
                  params={{ id: p.versionId }}
                  className="text-accent underline underline-offset-2 hover:no-underline"
                >
                  another model
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="text-xs text-muted">
        {version.publishedAt ? `Published ${formatDate(version.publishedAt)}` : 'Draft'} · {version.downloadCount}{' '}
        downloads
      </p>
    </div>
  );
}
