import { CatalogFacade } from '@lookbook/catalog';
import { money } from '@lookbook/kernel';
import { newTestService } from '@lookbook/testing';
import { LineageRepository } from '../lineage/lineage.repository';
import { SubgraphLocks } from '../ips/subgraph-locks.service';
import { RoyaltyLineage } from './royalty-lineage.service';

/** Declared shares capped at five generations, read with the IP that was resolved over the whole lineage. */
function setUp(depth: number, ip: { ownerId: string; shareBps: number } | null) {
  const { sut, mock } = newTestService(RoyaltyLineage);
  mock(SubgraphLocks).hashStoredVersions.mockResolvedValue(undefined);
  // The capped read: g`depth` (sold) up to five generations; the IP's original is further up than that.
  const nodes = Array.from({ length: Math.min(depth, 5) + 1 }, (_, i) => depth - i).map((g) => ({
    id: `g${g}`,
    authorId: g === 0 ? 'ip-owner' : `fan${g}`,
    parents: g === 0 ? [] : [{ resourceId: `g${g - 1}`, shareBps: 1000 }],
  }));
  mock(LineageRepository).royaltyLineage.mockResolvedValue(nodes);
  mock(LineageRepository).ipUsedBy.mockResolvedValue(ip && { ipId: 'ip', via: 'LINEAGE', ...ip });
  return { sut, mock };
}

describe('the royalty plan of a sale', () => {
  it.each([1, 5, 6, 9, 12])('pays the IP owner %i generations below the binding', async (depth) => {
    const { sut, mock } = setUp(depth, { ownerId: 'ip-owner', shareBps: 1500 });
    const plan = await sut.planFor(`g${depth}`, `fan${depth}`, money(10_000, 'USD'), 1000);
    // 15 % of the 9,000 the fee leaves, plus (within five generations) the original's declared share.
    const ipPart = plan.parts.find((p) => p.recipientId === 'ip-owner')!;
    expect(ipPart.role).toBe('IP_OWNER');
    expect(ipPart.amount.amount).toBeGreaterThanOrEqual(1350);
    if (depth > 5) expect(ipPart.amount).toEqual(money(1350, 'USD'));
    expect(mock(LineageRepository).royaltyLineage).toHaveBeenCalledWith(`g${depth}`, 5);
    expect(mock(SubgraphLocks).hashStoredVersions).toHaveBeenCalled();
  });

  it('without an IP nobody takes an IP share; a zero share is no part', async () => {
    for (const ip of [null, { ownerId: 'ip-owner', shareBps: 0 }]) {
      const { sut } = setUp(7, ip);
      const plan = await sut.planFor('g7', 'fan7', money(10_000, 'USD'), 1000);
      expect(plan.parts.some((p) => p.role === 'IP_OWNER')).toBe(false);
    }
  });

  it('names model authors from the catalog and leaves out an ancestor that no longer exists', async () => {
    const { sut, mock } = newTestService(RoyaltyLineage);
    mock(SubgraphLocks).hashStoredVersions.mockResolvedValue(undefined);
    mock(LineageRepository).ipUsedBy.mockResolvedValue(null);
    mock(LineageRepository).royaltyLineage.mockResolvedValue([
      {
        id: 'tuned',
        authorId: null,
        parents: [
          { resourceId: 'base', shareBps: 2000 },
          { resourceId: 'gone', shareBps: 3000 },
        ],
      },
      { id: 'base', authorId: null, parents: [] },
      { id: 'gone', authorId: null, parents: [] },
    ]);
    mock(CatalogFacade).modelOwners.mockResolvedValue(new Map([['base', 'base-author']]));
    const plan = await sut.planFor('tuned', 'deriver', money(4900, 'EUR'), 1000);
    expect(plan.parts.map((p) => [p.recipientId, p.role, p.amount.amount])).toEqual([
      ['deriver', 'SELLER', 3528],
      ['base-author', 'REMIX_PARENT', 882],
    ]);
  });
});
