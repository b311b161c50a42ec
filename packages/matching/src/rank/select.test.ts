import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kthLargest } from './select.ts';

describe('kthLargest', () => {
  it('equals the k-th value of a descending sort, for any values including ties', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 300 }),
        fc.nat(),
        (numbers, pick) => {
          const k = (pick % numbers.length) + 1;
          const expected = [...numbers].sort((a, b) => b - a)[k - 1];
          expect(kthLargest(Float64Array.from(numbers), numbers.length, k)).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
