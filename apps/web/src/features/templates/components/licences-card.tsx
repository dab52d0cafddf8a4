import { useQueryClient } from '@tanstack/react-query';
import { toDecimalString } from '@lookbook/kernel/browser';
import { Card, SectionHeading, Text } from '@lookbook/web-ui';
import { LicenceOfferFragment, OfferMatrix } from '../../../components/offer-matrix';
import type { OfferDraft } from '../../../components/offers-editor/offers-editor';
import { newOffer, OffersEditor } from '../../../components/offers-editor/offers-editor';
import { readFragment } from '../../../gql';
import { templateKeys } from '../api/keys';
import type { Terms, Version } from '../api/template-view';

/** The template's own licences: on sale for everyone else, edited here by its author. */
export function LicencesCard({
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
          onSaved={() => void client.invalidateQueries({ queryKey: templateKeys.all })}
          initial={
            version.licenseOffers.length
              ? readFragment(LicenceOfferFragment, version.licenseOffers).map((o) => ({
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
