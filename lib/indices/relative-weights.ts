// Johnson's relative weights (Johnson 2000, "A heuristic method for estimating the relative weight
// of predictor variables in multiple regression"): the predictors are replaced by their closest
// orthogonal counterparts Z = X·Rxx^(-1/2); the outcome is regressed on Z, and each predictor gets
// the share of R² carried through its loadings on Z. The weights sum to the R² of the ordinary
// regression, are never negative, and behave well when the predictors are correlated (as the 22
// SIPAS criteria are). The Shapley decomposition of R² gives nearly the same numbers but needs
// 2^p regressions, which 22 criteria make impossible.

/**
 * A symmetric matrix's eigenvalues and eigenvectors (columns of `vectors`): Householder reduction
 * to tridiagonal form, then the implicit QL algorithm (tred2 and tql2 of EISPACK, as JAMA has
 * them), on one flat Float64Array. About 4p³/3 operations: a fraction of a millisecond for the 22
 * SIPAS criteria, where cyclic Jacobi rotations took tens (bench/priorities.ts).
 */
export function symmetricEigen(matrix: readonly (readonly number[])[]): { values: number[]; vectors: number[][] } {
  const n = matrix.length;
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) v[i * n + j] = matrix[i]![j]!;
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  if (n > 0) {
    tridiagonalize(n, v, d, e);
    tridiagonalQl(n, v, d, e);
  }
  return {
    values: Array.from(d),
    vectors: Array.from({ length: n }, (_, i) => Array.from(v.subarray(i * n, i * n + n))),
  };
}

/** Householder reduction of the symmetric `v` (row-major, n × n) to tridiagonal d, e; v becomes the transform. */
function tridiagonalize(n: number, v: Float64Array, d: Float64Array, e: Float64Array): void {
  for (let j = 0; j < n; j++) d[j] = v[(n - 1) * n + j]!;
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]!);
    if (scale === 0) {
      e[i] = d[i - 1]!;
      for (let j = 0; j < i; j++) {
        d[j] = v[(i - 1) * n + j]!;
        v[i * n + j] = 0;
        v[j * n + i] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        d[k]! /= scale;
        h += d[k]! * d[k]!;
      }
      let f = d[i - 1]!;
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        f = d[j]!;
        v[j * n + i] = f;
        g = e[j]! + v[j * n + j]! * f;
        for (let k = j + 1; k <= i - 1; k++) {
          g += v[k * n + j]! * d[k]!;
          e[k]! += v[k * n + j]! * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j]! /= h;
        f += e[j]! * d[j]!;
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j]! -= hh * d[j]!;
      for (let j = 0; j < i; j++) {
        f = d[j]!;
        g = e[j]!;
        for (let k = j; k <= i - 1; k++) v[k * n + j]! -= f * e[k]! + g * d[k]!;
        d[j] = v[(i - 1) * n + j]!;
        v[i * n + j] = 0;
      }
    }
    d[i] = h;
  }
  for (let i = 0; i < n - 1; i++) {
    v[(n - 1) * n + i] = v[i * n + i]!;
    v[i * n + i] = 1;
    const h = d[i + 1]!;
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = v[k * n + i + 1]! / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += v[k * n + i + 1]! * v[k * n + j]!;
        for (let k = 0; k <= i; k++) v[k * n + j]! -= g * d[k]!;
      }
    }
    for (let k = 0; k <= i; k++) v[k * n + i + 1] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = v[(n - 1) * n + j]!;
    v[(n - 1) * n + j] = 0;
  }
  v[(n - 1) * n + n - 1] = 1;
  e[0] = 0;
}

/** The implicit QL algorithm on the tridiagonal d, e; accumulates the eigenvectors into v. */
function tridiagonalQl(n: number, v: Float64Array, d: Float64Array, e: Float64Array): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i]!;
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = 2 ** -52;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]!) + Math.abs(e[l]!));
    let m = l;
    while (m < n && Math.abs(e[m]!) > eps * tst1) m++;
    if (m > l) {
      do {
        let g = d[l]!;
        let p = (d[l + 1]! - g) / (2 * e[l]!);
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l]! / (p + r);
        d[l + 1] = e[l]! * (p + r);
        const dl1 = d[l + 1]!;
        let h = g - d[l]!;
        for (let i = l + 2; i < n; i++) d[i]! -= h;
        f += h;
        p = d[m]!;
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1]!;
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i]!;
          h = c * p;
          r = Math.hypot(p, e[i]!);
          e[i + 1] = s * r;
          s = e[i]! / r;
          c = p / r;
          p = c * d[i]! - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]!);
          for (let k = 0; k < n; k++) {
            h = v[k * n + i + 1]!;
            v[k * n + i + 1] = s * v[k * n + i]! + c * h;
            v[k * n + i] = c * v[k * n + i]! - s * h;
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]!) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]!) > eps * tst1);
    }
    d[l] = d[l]! + f;
    e[l] = 0;
  }
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
  weight?: Uint32Array,
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
