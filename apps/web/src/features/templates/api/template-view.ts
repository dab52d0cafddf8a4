import { TemplateOwnerFragment } from '../../../api/fragments';
import { readFragment } from '../../../gql';
import type { TemplatePageQuery } from '../../../gql/graphql';
import { TemplateSlotFragment } from './fragments';

/**
 * The template page's data with the fragments its sections read unmasked (owner, slots); images and licence offers
 * stay masked for the shared components that read them (`ResponsiveImage`, `OfferMatrix`).
 */
export function readTemplatePage(data: TemplatePageQuery) {
  const { template } = data;
  return {
    ...template,
    owner: readFragment(TemplateOwnerFragment, template.owner),
    versions: template.versions.map((version) => ({
      ...version,
      slots: readFragment(TemplateSlotFragment, version.slots),
      suggestedSlots: readFragment(TemplateSlotFragment, version.suggestedSlots),
    })),
  };
}

export type TemplateView = ReturnType<typeof readTemplatePage>;
export type Version = TemplateView['versions'][number];
export type Slot = Version['slots'][number];
export type Terms = NonNullable<TemplateView['terms']>;
export type Lineage = TemplatePageQuery['templateLineage'];

/** The version a template page shows: the published one, else — for its owner — the newest draft. */
export const shownVersion = <V extends { status: string }>(versions: readonly V[], owner: boolean): V | undefined =>
  versions.find((v) => v.status === 'PUBLISHED') ?? (owner ? versions[0] : undefined);
