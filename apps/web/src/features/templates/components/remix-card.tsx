import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { Button, Card, Notice, PercentField, SectionHeading, TextField, parsePercent } from '@lookbook/web-ui';
import { errorMessage } from '../../../lib/api-error';
import { execute } from '../../../lib/graphql-client';
import { RemixTemplate } from '../api/mutations';

/** A remix of this template, within its terms: a copy of yours that passes a share of its sales up. */
export function RemixCard({ parentId, parentName }: { parentId: string; parentName: string }) {
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
