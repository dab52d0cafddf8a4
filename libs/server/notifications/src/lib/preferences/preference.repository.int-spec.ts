import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { newId } from '@lookbook/kernel';
import { PreferenceEntity } from './preference.entity';
import { PreferenceRepository } from './preference.repository';

describe('PreferenceRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let preferences: PreferenceRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([PreferenceEntity]);
    preferences = new PreferenceRepository(bed.dataSource.getRepository(PreferenceEntity));
  });
  afterAll(() => bed.close());

  it('saves choices per kind, overwriting only the given kinds', async () => {
    const ada = (await bed.seed.user()).id;
    expect(await preferences.chosenBy(ada)).toEqual([]);
    await preferences.save(
      ada,
      [
        { kind: 'LIKE', inApp: false, email: 'OFF' },
        { kind: 'SALE', inApp: true, email: 'DIGEST' },
      ],
      new Date(),
    );
    await preferences.save(ada, [{ kind: 'SALE', inApp: true, email: 'IMMEDIATE' }], new Date());
    const chosen = await preferences.chosenBy(ada);
    expect(chosen.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: 'LIKE', inApp: false, email: 'OFF' },
      { kind: 'SALE', inApp: true, email: 'IMMEDIATE' },
    ]);
  });

  it('turns mail off keeping the in-app choice, for many members at once read back', async () => {
    const ada = (await bed.seed.user()).id;
    const tom = (await bed.seed.user()).id;
    await preferences.save(ada, [{ kind: 'LIKE', inApp: false, email: 'DIGEST' }], new Date());
    await preferences.emailOff(ada, ['LIKE', 'FOLLOW'], new Date());
    await preferences.emailOff(ada, ['LIKE'], new Date()); // again: no change
    const all = await preferences.chosenByAll([ada, tom]);
    expect(all.get(tom)).toEqual([]);
    expect(all.get(ada)!.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: 'FOLLOW', inApp: true, email: 'OFF' },
      { kind: 'LIKE', inApp: false, email: 'OFF' },
    ]);
  });

  it('writes nothing for a member who does not exist, and refuses a kind it does not know', async () => {
    const ghost = newId();
    await preferences.emailOff(ghost, ['LIKE'], new Date());
    expect(await preferences.chosenBy(ghost)).toEqual([]);
    const ada = (await bed.seed.user()).id;
    await expect(
      preferences.save(ada, [{ kind: 'POKE' as never, inApp: true, email: 'OFF' }], new Date()),
    ).rejects.toThrow(/check/i);
  });
});
