import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Card, ErrorState, LoadingState, NativeSelect, SectionHeading } from '@lookbook/web-ui';
import { errorMessage, isRetryable } from '../../../lib/api-error';
import { FIRST_PURPOSE, rollupQuery } from '../api/queries';
import { RollupView } from './rollup-view';

/** "What must I hold to use this for …?" — the template and every model it loads, for the chosen purpose. */
export function RollupCard({ versionId, signedIn }: { versionId: string; signedIn: boolean }) {
  const [purpose, setPurpose] = useState<'PERSONAL' | 'COMMERCIAL'>(FIRST_PURPOSE);
  const rollup = useQuery(rollupQuery(versionId, purpose, signedIn));
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
