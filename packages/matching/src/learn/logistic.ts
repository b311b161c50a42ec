/**
 * Logistic regression by Newton's method (a handful of features, a few thousand examples):
 * p = σ(w · x), x[0] = 1 for the bias; a small L2 penalty keeps it finite on separable data.
 */
export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

const solve = (matrix: number[][], vector: number[]): number[] => {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i] as number]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) {
      if (Math.abs(a[row]?.[col] ?? 0) > Math.abs(a[pivot]?.[col] ?? 0)) pivot = row;
    }
    [a[col], a[pivot]] = [a[pivot] as number[], a[col] as number[]];
    const head = a[col] as number[];
    const value = head[col] ?? 0;
    if (Math.abs(value) < 1e-12) continue;
    for (let row = 0; row < n; row++) {
      if (row === col) continue;
      const current = a[row] as number[];
      const factor = (current[col] ?? 0) / value;
      for (let k = col; k <= n; k++) current[k] = (current[k] ?? 0) - factor * (head[k] ?? 0);
    }
  }
  return a.map((row, i) => {
    const value = row[i] ?? 0;
    return Math.abs(value) < 1e-12 ? 0 : (row[n] ?? 0) / value;
  });
};

export const fitLogistic = (
  features: readonly (readonly number[])[],
  labels: readonly number[],
  l2 = 1e-2,
  iterations = 30,
): number[] => {
  const size = features[0]?.length ?? 0;
  let weights = new Array<number>(size).fill(0);
  for (let iteration = 0; iteration < iterations; iteration++) {
    const gradient = weights.map((w) => l2 * w);
    const hessian = weights.map((_, i) => weights.map((__, j) => (i === j ? l2 : 0)));
    features.forEach((x, n) => {
      const p = sigmoid(x.reduce((sum, value, i) => sum + value * (weights[i] ?? 0), 0));
      const error = p - (labels[n] ?? 0);
      const curvature = Math.max(p * (1 - p), 1e-9);
      for (let i = 0; i < size; i++) {
        gradient[i] = (gradient[i] ?? 0) + error * (x[i] ?? 0);
        const row = hessian[i] as number[];
        for (let j = 0; j < size; j++) row[j] = (row[j] ?? 0) + curvature * (x[i] ?? 0) * (x[j] ?? 0);
      }
    });
    const step = solve(hessian, gradient);
    weights = weights.map((w, i) => w - (step[i] ?? 0));
    if (step.every((value) => Math.abs(value) < 1e-7)) break;
  }
  return weights;
};
