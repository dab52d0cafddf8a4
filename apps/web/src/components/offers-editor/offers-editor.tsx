import { useMutation } from '@tanstack/react-query';
import type { Permissions, Tier } from '@lookbook/kernel/browser';
import { licensedWorkName, toDecimalString } from '@lookbook/kernel/browser';
import { useMemo, useState } from 'react';
import { Button, Checkbox, Notice, Select, TextField } from '@lookbook/web-ui';
import { SetOffers, SetTemplateOffers } from '../../api/offers';
import { ApiError, errorMessage } from '../../lib/api-error';
import { formatMoney, parseMoney } from '../../lib/format';
import { execute } from '../../lib/graphql-client';
import { COMMERCIAL_USE_LABELS, TIER_LABELS } from '../../lib/licence-labels';
import { CapField } from './cap-field';
import type { OfferDraft } from './offer-rules';
import { ALL_TIERS, CURRENCIES, checkOffer, newOffer } from './offer-rules';

// The editor's starting points and rules, for the pages that open it.
export type { OfferDraft } from './offer-rules';
export { newOffer } from './offer-rules';

const intOrNull = (text: string) =>
  text.trim() === '' ? null : Number.isSafeInteger(Number(text)) ? Number(text) : Number.NaN;

/**
 * A version's licence offers: tier, price and permissions per offer, each error shown next to its field as you type
 * (the API's own rules, run here), a live preview of the exact licence text buyers will get, and the server's
 * compatibility errors (base model, parents) placed on the offer they are about.
 */
export function OffersEditor({
  versionId,
  modelName,
  versionName,
  initial,
  editable,
  onSaved,
  kind = 'MODEL',
}: {
  /** What is licensed: a model version, or a template version (its remix terms bind the offers). */
  kind?: 'MODEL' | 'TEMPLATE';
  versionId: string;
  modelName: string;
  versionName: string;
  initial: OfferDraft[];
  editable: boolean;
  onSaved: () => void;
}) {
  const [offers, setOffers] = useState<OfferDraft[]>(
    initial.length ? initial : [newOffer('FREE'), newOffer('COMMERCIAL')],
  );
  const [preview, setPreview] = useState<Tier>(offers[0]?.tier ?? 'FREE');
  const workName = licensedWorkName(modelName, versionName);
  const checks = useMemo(() => offers.map((o) => checkOffer(o, workName)), [offers, workName]);
  const valid = checks.every((c) => Object.keys(c.errors).length === 0);
  const save = useMutation({
    mutationFn: () => {
      const variables = {
        versionId,
        offers: offers.map((o, i) => ({
          tier: o.tier,
          priceAmount: checks[i]!.priceAmount!,
          priceCurrency: o.currency,
          permissions: { ...o.permissions, commercialUse: o.permissions.commercialUse },
        })),
      };
      return kind === 'TEMPLATE'
        ? execute(SetTemplateOffers, variables).then(() => undefined)
        : execute(SetOffers, variables).then(() => undefined);
    },
    onSuccess: onSaved,
  });
  const serverError = save.error instanceof ApiError ? save.error : null;
  const update = (index: number, patch: Partial<OfferDraft> | ((o: OfferDraft) => OfferDraft)) =>
    setOffers((list) =>
      list.map((o, i) => (i === index ? (typeof patch === 'function' ? patch(o) : { ...o, ...patch }) : o)),
    );
  const setPermission = <K extends keyof Permissions>(index: number, key: K, value: Permissions[K]) =>
    update(index, (o) => ({ ...o, permissions: { ...o.permissions, [key]: value } }));
  const unused = ALL_TIERS.filter((t) => !offers.some((o) => o.tier === t));
  const previewIndex = Math.max(
    0,
    offers.findIndex((o) => o.tier === preview),
  );

  return (
    <div className="flex flex-col gap-4" data-testid="offers-editor">
      <div className="grid gap-4 xl:grid-cols-2">
        {offers.map((offer, index) => {
          const { errors } = checks[index]!;
          const paid = offer.tier !== 'FREE';
          return (
            <fieldset
              key={offer.tier}
              className="flex flex-col gap-3 rounded-lg border border-line p-4"
              data-testid={`offer-${offer.tier}`}
              disabled={!editable}
            >
              <legend className="px-1 text-sm font-semibold">{TIER_LABELS[offer.tier]} licence</legend>
              <div className="grid grid-cols-2 gap-3">
                <TextField
                  label="Price"
                  value={offer.price}
                  onChange={(price) => update(index, { price })}
                  isDisabled={!paid || !editable}
                  error={errors.price}
                  inputMode="decimal"
                />
                <Select
                  label="Currency"
                  selectedKey={offer.currency}
                  onSelectionChange={(key) => update(index, { currency: String(key) })}
                  options={CURRENCIES.map((c) => ({ id: c, label: c }))}
                  isDisabled={!editable}
                />
              </div>
              <Select
                label="Commercial use"
                selectedKey={offer.permissions.commercialUse}
                onSelectionChange={(key) => setPermission(index, 'commercialUse', key as Permissions['commercialUse'])}
                options={Object.entries(COMMERCIAL_USE_LABELS).map(([id, label]) => ({ id, label }))}
                error={errors.commercialUse}
                isDisabled={!editable}
              />
              <Checkbox
                isSelected={offer.permissions.derivativesAllowed}
                onChange={(v) => setPermission(index, 'derivativesAllowed', v)}
                isDisabled={!editable}
              >
                Derivatives allowed (remixes, merges, fine-tunes)
              </Checkbox>
              <Checkbox
                isSelected={offer.permissions.derivativeMayChangeLicense}
                onChange={(v) => setPermission(index, 'derivativeMayChangeLicense', v)}
                isDisabled={!editable}
              >
                Derivatives may use other terms
              </Checkbox>
              {errors.derivativeMayChangeLicense && (
                <p className="text-xs text-bad">{errors.derivativeMayChangeLicense}</p>
              )}
              <Checkbox
                isSelected={offer.permissions.creditRequired}
                onChange={(v) => setPermission(index, 'creditRequired', v)}
                isDisabled={!editable}
              >
                Credit required
              </Checkbox>
              {offer.permissions.creditRequired && (
                <TextField
                  label="Credit line"
                  value={offer.permissions.creditLine ?? ''}
                  onChange={(v) => setPermission(index, 'creditLine', v || null)}
                  error={errors.creditLine}
                  placeholder="Style by @you on Lookbook"
                  isDisabled={!editable}
                />
              )}
              <div className="grid grid-cols-3 gap-3">
                <CapField
                  label="Seats"
                  value={offer.permissions.seats}
                  format={String}
                  parse={intOrNull}
                  onChange={(v) => setPermission(index, 'seats', v)}
                  error={errors.seats}
                  description="Empty: unlimited"
                  editable={editable}
                />
                <CapField
                  label="Revenue cap"
                  value={offer.permissions.revenueCap}
                  format={(v) => toDecimalString(v, offer.currency)}
                  parse={(v) => (v.trim() ? (parseMoney(v, offer.currency) ?? Number.NaN) : null)}
                  onChange={(v) => setPermission(index, 'revenueCap', v)}
                  error={errors.revenueCap}
                  description={offer.currency}
                  editable={editable}
                />
                <CapField
                  label="Print run cap"
                  value={offer.permissions.printRunCap}
                  format={String}
                  parse={intOrNull}
                  onChange={(v) => setPermission(index, 'printRunCap', v)}
                  error={errors.printRunCap}
                  editable={editable}
                />
              </div>
              {serverError?.details['tier'] === offer.tier && (
                <p className="text-sm text-bad" role="alert">
                  {errorMessage(serverError)}
                </p>
              )}
              <div className="flex gap-2">
                <Button variant="quiet" size="sm" onPress={() => setPreview(offer.tier)}>
                  Preview terms
                </Button>
                {editable && offers.length > 1 && (
                  <Button
                    variant="quiet"
                    size="sm"
                    onPress={() => setOffers((list) => list.filter((_, i) => i !== index))}
                  >
                    Remove
                  </Button>
                )}
              </div>
            </fieldset>
          );
        })}
      </div>
      {editable && unused.length > 0 && (
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-sm text-muted">Add a tier:</span>
          {unused.map((tier) => (
            <Button
              key={tier}
              variant="secondary"
              size="sm"
              onPress={() => setOffers((list) => [...list, newOffer(tier, list[0]?.currency)])}
            >
              {TIER_LABELS[tier]}
            </Button>
          ))}
        </div>
      )}
      <section aria-labelledby="terms-preview" className="rounded-lg bg-raised p-4">
        <h3 id="terms-preview" className="mb-2 text-sm font-semibold">
          Licence text buyers get: {TIER_LABELS[offers[previewIndex]?.tier ?? 'FREE']}
          {offers[previewIndex] && offers[previewIndex].tier !== 'FREE' && checks[previewIndex]?.priceAmount
            ? ` · ${formatMoney(checks[previewIndex].priceAmount, offers[previewIndex].currency)}`
            : ''}
        </h3>
        <pre className="font-sans text-sm whitespace-pre-wrap text-muted" data-testid="terms-preview">
          {checks[previewIndex]?.text ?? 'Fix the errors above to see the licence text.'}
        </pre>
      </section>
      {save.isError && <Notice tone="bad">{errorMessage(save.error)}</Notice>}
      {save.isSuccess && <Notice tone="good">Offers saved.</Notice>}
      {editable && (
        <Button onPress={() => save.mutate()} isDisabled={!valid} isPending={save.isPending} className="self-start">
          Save offers
        </Button>
      )}
    </div>
  );
}
