/**
 * The k-th largest of values[0..count) (k from 1), by in-place quickselect (Hoare partition,
 * median-of-three pivot): linear on average, no allocation. Reorders `values`.
 */
export const kthLargest = (values: Float64Array, count: number, k: number): number => {
  if (count === 0) return Number.NEGATIVE_INFINITY;
  const target = Math.min(Math.max(k, 1), count) - 1; // index in descending order
  let left = 0;
  let right = count - 1;
  while (left < right) {
    const middle = (left + right) >>> 1;
    const a = values[left] as number;
    const b = values[middle] as number;
    const c = values[right] as number;
    const pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c)); // median of three
    let i = left;
    let j = right;
    while (i <= j) {
      while ((values[i] as number) > pivot) i++;
      while ((values[j] as number) < pivot) j--;
      if (i <= j) {
        const swap = values[i] as number;
        values[i] = values[j] as number;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (target <= j) right = j;
    else if (target >= i) left = i;
    else return values[target] as number;
  }
  return values[target] as number;
};
