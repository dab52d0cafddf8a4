import { CatalogFacade, StyleModel } from '@lookbook/catalog';
import { LoaderRegistry } from '@lookbook/core';
import { money } from '@lookbook/kernel';
import type { SubjectRef } from '@lookbook/licensing';
import { anActor, newTestService } from '@lookbook/testing';
import { WorkflowTemplate } from './graphql/template.objects';
import type { SplitPlan } from './lineage/royalty-cascade';
import { RoyaltyLineage } from './sales/royalty-lineage.service';
import type { TemplateEntity } from './templates/template.entity';
import { TemplateRepository } from './templates/template.repository';
import { TemplatesFacade } from './templates.facade';

const model = (id: string) => Object.assign(new StyleModel(), { id, name: `Model ${id}` });
const template = (id: string) =>
  ({ id, ownerId: 'tom', name: `Template ${id}`, status: 'PUBLISHED', terms: null, ipId: null }) as TemplateEntity;

function setUp(visibleModels: string[], visibleTemplates: string[]) {
  const { sut, mock } = newTestService(TemplatesFacade);
  const catalog = mock(CatalogFacade);
  const templates = mock(TemplateRepository);
  catalog.visibleModels.mockImplementation((_viewer, ids: readonly string[]) =>
    Promise.resolve(ids.filter((id) => visibleModels.includes(id)).map(model)),
  );
  templates.visibleTo.mockImplementation((ids: readonly string[]) =>
    Promise.resolve(ids.filter((id) => visibleTemplates.includes(id)).map(template)),
  );
  return { sut, catalog, templates, mock };
}
const ref = (kind: SubjectRef['kind'], subjectId: string): SubjectRef => ({ kind, subjectId });
const shape = (found: unknown) =>
  found instanceof WorkflowTemplate
    ? `template ${found.id}`
    : found instanceof StyleModel
      ? `model ${found.id}`
      : String(found);

describe('the subject a licence, order line or sale names', () => {
  it('resolves a page of mixed subjects with one read per kind, in the order asked', async () => {
    const { sut, catalog, templates } = setUp(['m1', 'm2', 'm3'], ['t1', 't2']);
    const loaders = new LoaderRegistry();
    const viewer = anActor('buyer');
    const asked = [
      ref('MODEL', 'm1'),
      ref('TEMPLATE', 't1'),
      ref('MODEL', 'm2'),
      ref('TEMPLATE', 't2'),
      ref('MODEL', 'm3'),
    ];
    const found = await Promise.all(asked.map((r) => sut.subject(loaders, viewer, r)));
    expect(found.map(shape)).toEqual(['model m1', 'template t1', 'model m2', 'template t2', 'model m3']);
    expect(catalog.visibleModels).toHaveBeenCalledTimes(1);
    expect(catalog.visibleModels).toHaveBeenCalledWith(viewer, ['m1', 'm2', 'm3']);
    expect(templates.visibleTo).toHaveBeenCalledTimes(1);
    expect(templates.visibleTo).toHaveBeenCalledWith(['t1', 't2'], 'buyer');
  });

  it('asks each subject once per request, however many licences or lines name it', async () => {
    const { sut, catalog } = setUp(['m1'], []);
    const loaders = new LoaderRegistry();
    await Promise.all([1, 2, 3].map(() => sut.subject(loaders, undefined, ref('MODEL', 'm1'))));
    await sut.subject(loaders, undefined, ref('MODEL', 'm1')); // a later field of the same request: cached
    expect(catalog.visibleModels).toHaveBeenCalledTimes(1);
    expect(catalog.visibleModels).toHaveBeenCalledWith(undefined, ['m1']);
  });

  it('gives null for what the viewer may not see (hidden or gone), and never reads a kind nobody asked for', async () => {
    const { sut, catalog, templates } = setUp(['m1'], ['t1']);
    const loaders = new LoaderRegistry();
    const found = await Promise.all(
      [ref('TEMPLATE', 't-draft'), ref('TEMPLATE', 't1'), ref('TEMPLATE', 'gone')].map((r) =>
        sut.subject(loaders, undefined, r),
      ),
    );
    expect(found.map(shape)).toEqual(['null', 'template t1', 'null']);
    expect(templates.visibleTo).toHaveBeenCalledWith(['t-draft', 't1', 'gone'], null);
    expect(catalog.visibleModels).not.toHaveBeenCalled();
  });

  it('keeps the kinds apart when a model and a template share an id', async () => {
    const { sut } = setUp(['same'], []);
    const loaders = new LoaderRegistry();
    const [asModel, asTemplate] = await Promise.all([
      sut.subject(loaders, undefined, ref('MODEL', 'same')),
      sut.subject(loaders, undefined, ref('TEMPLATE', 'same')),
    ]);
    expect([shape(asModel), shape(asTemplate)]).toEqual(['model same', 'null']);
  });

  it('asks the royalty lineage for the split plan, with the sale as given', async () => {
    const { sut, mock } = setUp([], []);
    const plan: SplitPlan = { price: money(999, 'EUR'), platformFee: money(99, 'EUR'), parts: [] };
    mock(RoyaltyLineage).planFor.mockResolvedValue(plan);
    await expect(sut.splitPlan('remix', 'fan', money(999, 'EUR'), 1000)).resolves.toBe(plan);
    expect(mock(RoyaltyLineage).planFor).toHaveBeenCalledWith('remix', 'fan', money(999, 'EUR'), 1000);
  });
});
