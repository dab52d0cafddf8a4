import { useMutation, useQueryClient } from '@tanstack/react-query';
import { scopes } from '../../../api/keys';
import { OfferMatrix } from '../../../components/offer-matrix';
import type { FragmentType } from '../../../gql';
import { graphql, readFragment } from '../../../gql';
import { execute } from '../../../lib/graphql-client';
import { catalogKeys } from '../api/keys';
import { ClaimFree } from '../api/mutations';

export const VersionOffersFragment = graphql(`
  fragment VersionOffers on ModelVersion {
    id
    name
    ownedByMe
    myLicenses {
      id
      tier
      status
    }
    licenseOffers {
      ...LicenceOffer
    }
  }
`);

/**
 * A version's licence offers side by side as a permissions matrix, each with its generated terms and the action
 * that fits the reader: buy, claim for free, "you hold this", or sign in first.
 */
export function VersionOffers({
  version: masked,
  signedIn,
  isOwner,
}: {
  version: FragmentType<typeof VersionOffersFragment>;
  signedIn: boolean;
  isOwner: boolean;
}) {
  const version = readFragment(VersionOffersFragment, masked);
  const client = useQueryClient();
  const claim = useMutation({
    mutationFn: () => execute(ClaimFree, { versionId: version.id }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: catalogKeys.all });
      // The licence is in the library now.
      await client.invalidateQueries({ queryKey: scopes.library });
    },
  });
  return (
    <OfferMatrix
      id={version.id}
      name={version.name}
      offers={version.licenseOffers}
      heldTiers={version.myLicenses.filter((l) => l.status === 'ACTIVE').map((l) => l.tier)}
      signedIn={signedIn}
      isOwner={isOwner}
      ownerLabel="Your model"
      claim={claim}
    />
  );
}
