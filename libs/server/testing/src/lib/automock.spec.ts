import { Inject, Injectable } from '@nestjs/common';
import { automock, newTestService } from './automock';

class Repo {
  find(id: string): Promise<string> {
    return Promise.resolve(id);
  }
  save(): Promise<void> {
    return Promise.resolve();
  }
}
const CONFIG = Symbol('CONFIG');

@Injectable()
class Service {
  constructor(
    private readonly repo: Repo,
    @Inject(CONFIG) private readonly config: { prefix: string },
  ) {}
  async label(id: string): Promise<string> {
    return `${this.config.prefix}${await this.repo.find(id)}`;
  }
  async store(): Promise<void> {
    await this.repo.save();
  }
}

describe('strict auto-mocks', () => {
  it('fails any call the test did not give a behaviour', () => {
    const repo = automock<Repo>('Repo');
    expect(() => repo.find('x')).toThrow(/unexpected call: Repo.find\(\)/);
    repo.find.mockResolvedValue('ok');
    return expect(repo.find('x')).resolves.toBe('ok');
  });

  it('builds a service with its real constructor: classes mocked, tokens provided', async () => {
    const { sut, mock } = newTestService(Service, [[CONFIG, { prefix: 'id:' }]]);
    mock(Repo).find.mockResolvedValue('42');
    await expect(sut.label('a')).resolves.toBe('id:42');
    expect(mock(Repo).find).toHaveBeenCalledWith('a');
    await expect(sut.store()).rejects.toThrow(/unexpected call: Repo.save/);
    expect(() => mock(CONFIG)).toThrow(/no auto-mocked dependency/);
  });

  it('can be awaited and printed without counting as calls', async () => {
    const repo = automock<Repo>('Repo');
    await expect(Promise.resolve(repo)).resolves.toBe(repo);
    expect(String(Object.keys(repo))).toBe('');
  });
});
