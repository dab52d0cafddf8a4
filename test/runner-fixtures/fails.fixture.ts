it('fails on purpose (the runner must still clean up)', () => {
  expect(1 + 1).toBe(3);
});
