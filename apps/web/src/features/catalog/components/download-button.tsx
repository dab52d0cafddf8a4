import { useMutation } from '@tanstack/react-query';
import { Button } from '@lookbook/web-ui';
import { errorMessage } from '../../../lib/api-error';
import { execute } from '../../../lib/graphql-client';
import { RequestDownload } from '../api/mutations';

/** Asks for a 5-minute signed link (after the licence check) and starts the download. */
export function DownloadButton({ fileId, fileName }: { fileId: string; fileName: string }) {
  const download = useMutation({
    mutationFn: () => execute(RequestDownload, { fileId }),
    onSuccess: ({ requestModelFileDownload: link }) => {
      const anchor = document.createElement('a');
      anchor.href = link.url;
      anchor.download = link.fileName;
      anchor.rel = 'noopener';
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
    },
  });
  return (
    <div className="flex items-center gap-2">
      <Button
        size="sm"
        onPress={() => download.mutate()}
        isPending={download.isPending}
        aria-label={`Download ${fileName}`}
      >
        {download.isPending ? 'Preparing…' : 'Download'}
      </Button>
      {download.isError && (
        <span role="alert" className="text-xs text-bad">
          {errorMessage(download.error)}
        </span>
      )}
    </div>
  );
}
