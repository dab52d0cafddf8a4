import { allocate } from '@lookbook/kernel';

/**
 * Splits an amount of an order that is not any one line's (the processor fee of the one charge, a refund made at the
 * provider for the order) over its lines in proportion to `weights` (their amounts, or what is left of them), by the
 * largest-remainder rule: the parts are whole minor units, sum exactly to the amount, and each is within one unit of
 * its exact share. Nothing to share (or nothing to weigh it by) gives zeros.
 */
export function shareByWeights(amount: number, currency: string, weights: readonly number[]): number[] {
  if (amount === 0 || weights.every((w) => w === 0)) return weights.map(() => 0);
  return allocate({ amount, currency }, weights).map((m) => m.amount);
}

/**
 * Takes `amount` back from parties pro rata to what each still holds (`held`), by the largest-remainder rule. No party
 * gives more than it holds (the take is capped at the sum held), so repeated partial takes never go below zero and a
 * take of everything that is left takes exactly that.
 */
export function takeBack(amount: number, currency: string, held: readonly number[]): number[] {
  const takeable = Math.min(
    amount,
    held.reduce((sum, h) => sum + h, 0),
  );
  if (takeable <= 0) return held.map(() => 0);
  return allocate({ amount: takeable, currency }, held).map((m) => m.amount);
}
