// Johnson's relative weights (Johnson 2000, "A heuristic method for estimating the relative weight
// of predictor variables in multiple regression"): the predictors are replaced by their closest
// orthogonal counterparts Z = X·Rxx^(-1/2); the outcome is regressed on Z, and each predictor gets
// the share of R² carried through its loadings on Z. The weights sum to the R² of the ordinary
// regression, are never negative, and behave well when the predictors are correlated (as the 22
// SIPAS criteria are). The Shapley decomposition of R² gives nearly the same numbers but needs
// 2^p regressions, which 22 criteria make impossible.

/** A symmetric matrix's eigenvalues and eigenvectors (columns of `vectors`), by cyclic Jacobi rotations. */
export function symmetricEigen(matrix: readonly (readonly number[])[]): { values: number[]; vectors: number[][] } {
  const n = matrix.length;
  const a = matrix.map((row) => [...row]);
  const v: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p]![q]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p]![q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k]![p]!;
          const akq = a[k]![q]!;
          a[k]![p] = c * akp - s * akq;
          a[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p]![k]!;
          const aqk = a[q]![k]!;
          a[p]![k] = c * apk - s * aqk;
          a[q]![k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k]![p]!;
          const vkq = v[k]![q]!;
          v[k]![p] = c * vkp - s * vkq;
          v[k]![q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: a.map((row, i) => row[i]!), vectors: v };
}

/**
 * Raw relative weights of the predictors given their correlation matrix `rxx` and their
 * correlations with the outcome `rxy`; `r2` is their sum. Eigenvalues at or below zero (a
 * criterion that is a copy of another) are left out of the square roots, i.e. a pseudo-inverse.
 */
export function relativeWeights(
  rxx: readonly (readonly number[])[],
  rxy: readonly number[],
): { weights: number[]; r2: number } {
  const p = rxy.length;
  if (p === 0) return { weights: [], r2: 0 };
  const { values, vectors } = symmetricEigen(rxx);
  // Λ = Rxx^(1/2) (symmetric square root) and β = Rxx^(-1/2)·rxy, the regression of y on Z.
  const lambda: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const invSqrt: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let k = 0; k < p; k++) {
    const ev = values[k]!;
    if (!(ev > 1e-10)) continue;
    const sq = Math.sqrt(ev);
    for (let i = 0; i < p; i++) {
      const vik = vectors[i]![k]!;
      for (let j = 0; j < p; j++) {
        const vjk = vectors[j]![k]!;
        lambda[i]![j]! += vik * vjk * sq;
        invSqrt[i]![j]! += (vik * vjk) / sq;
      }
    }
  }
  const beta = invSqrt.map((row) => row.reduce((sum, x, j) => sum + x * rxy[j]!, 0));
  const weights = lambda.map((row) => row.reduce((sum, l, k) => sum + l * l * beta[k]! ** 2, 0));
  return { weights, r2: weights.reduce((s, w) => s + w, 0) };
}

/**
 * Respondents as one row-major block, each row the predictors then the outcome, centred on the
 * full sample's means so that the one-pass sums below lose no precision.
 */
export interface CentredRows {
  n: number;
  /** Predictors plus the outcome. */
  width: number;
  data: Float64Array;
}

export function centredRows(x: readonly Float64Array[], y: Float64Array): CentredRows {
  const n = y.length;
  const width = x.length + 1;
  const data = new Float64Array(n * width);
  const columns = [...x, y];
  columns.forEach((column, j) => {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += column[i]!;
    mean /= n || 1;
    for (let i = 0; i < n; i++) data[i * width + j] = column[i]! - mean;
  });
  return { n, width, data };
}

/**
 * Correlations of the predictors with each other and with the outcome, each row counted
 * `weight[i]` times (a bootstrap resample without copying rows). A column without variance
 * correlates 0 with everything (and 1 with itself), so it gets no weight.
 */
export function correlations(
  { n, width, data }: CentredRows,
  weight?: Uint16Array,
): { rxx: number[][]; rxy: number[] } {
  const sum = new Float64Array(width);
  const cross = new Float64Array(width * width);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weight ? weight[i]! : 1;
    if (w === 0) continue;
    total += w;
    const base = i * width;
    for (let j = 0; j < width; j++) {
      const dj = w * data[base + j]!;
      sum[j]! += dj;
      const row = j * width;
      for (let k = j; k < width; k++) cross[row + k]! += dj * data[base + k]!;
    }
  }
  const cov = (j: number, k: number): number => {
    const [a, b] = j < k ? [j, k] : [k, j];
    return cross[a * width + b]! / total - (sum[a]! / total) * (sum[b]! / total);
  };
  const sd = Array.from({ length: width }, (_, j) => Math.sqrt(Math.max(0, cov(j, j))));
  const corr = (j: number, k: number): number => {
    if (j === k) return 1;
    return sd[j]! > 1e-12 && sd[k]! > 1e-12 ? cov(j, k) / (sd[j]! * sd[k]!) : 0;
  };
  const p = width - 1;
  const rxx = Array.from({ length: p }, (_, j) => Array.from({ length: p }, (_, k) => corr(j, k)));
  const rxy = Array.from({ length: p }, (_, j) => corr(j, p));
  return { rxx, rxy };
}
