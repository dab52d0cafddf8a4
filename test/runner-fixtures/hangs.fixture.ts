it('waits until the run is interrupted', () => new Promise(() => undefined), 120_000);
