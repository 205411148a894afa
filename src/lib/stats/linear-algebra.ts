/**
 * The small dense linear algebra the statistics need: centred cross-products of a few columns, and the Cholesky
 * factorisation of a symmetric positive definite k × k matrix (k ≤ ~20) with its solve and inverse. Matrices are
 * row-major Float64Arrays of length k·k.
 *
 * Centring before forming cross-products (rather than Σxy − ΣxΣy/n) keeps them accurate; the normal equations of
 * a centred design are then well enough conditioned for survey scales (Golub & Van Loan, Matrix Computations, §4.2
 * for Cholesky; §5.3 on normal equations).
 */

export interface CrossProducts {
  /** Rows used. */
  n: number;
  /** Column means over those rows. */
  means: Float64Array;
  /** Centred sums of squares and cross-products, Σ (xᵢ − x̄)(xⱼ − x̄ⱼ), row-major k × k. */
  sscp: Float64Array;
}

/** Means and centred cross-products of the columns over the given rows (all rows when `rows` is omitted). */
export function crossProducts(columns: readonly ArrayLike<number>[], rows?: Int32Array): CrossProducts {
  const k = columns.length;
  const n = rows ? rows.length : (columns[0]?.length ?? 0);
  const means = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const column = columns[j]!;
    let sum = 0;
    if (rows) for (let i = 0; i < n; i++) sum += column[rows[i]!]!;
    else for (let i = 0; i < n; i++) sum += column[i]!;
    means[j] = sum / n;
  }
  // One pass over the rows with the row's centred values in a small buffer: n·k(k+1)/2 multiply-adds.
  const sscp = new Float64Array(k * k);
  const centred = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const row = rows ? rows[i]! : i;
    for (let j = 0; j < k; j++) centred[j] = columns[j]![row]! - means[j]!;
    for (let j = 0; j < k; j++) {
      const value = centred[j]!;
      for (let l = j; l < k; l++) sscp[j * k + l]! += value * centred[l]!;
    }
  }
  for (let j = 0; j < k; j++) for (let l = 0; l < j; l++) sscp[j * k + l] = sscp[l * k + j]!;
  return { n, means, sscp };
}

/**
 * Cholesky factorisation A = L·Lᵀ in place: on return the lower triangle of `matrix` holds L (the upper triangle
 * is left as it was). Returns false when A is not positive definite to working precision (collinear predictors).
 */
export function choleskyDecompose(matrix: Float64Array, k: number): boolean {
  for (let j = 0; j < k; j++) {
    let diagonal = matrix[j * k + j]!;
    for (let l = 0; l < j; l++) diagonal -= matrix[j * k + l]! ** 2;
    // Relative test: a pivot lost to rounding means the column is (nearly) a combination of earlier ones.
    if (!(diagonal > 1e-12 * Math.abs(matrix[j * k + j]!)) || !(diagonal > 0)) return false;
    const pivot = Math.sqrt(diagonal);
    matrix[j * k + j] = pivot;
    for (let i = j + 1; i < k; i++) {
      let value = matrix[i * k + j]!;
      for (let l = 0; l < j; l++) value -= matrix[i * k + l]! * matrix[j * k + l]!;
      matrix[i * k + j] = value / pivot;
    }
  }
  return true;
}

/** Solves L·Lᵀ·x = b in place in `b`, with L from `choleskyDecompose`. */
export function choleskySolve(factor: Float64Array, k: number, b: Float64Array): void {
  for (let i = 0; i < k; i++) {
    let value = b[i]!;
    for (let l = 0; l < i; l++) value -= factor[i * k + l]! * b[l]!;
    b[i] = value / factor[i * k + i]!;
  }
  for (let i = k - 1; i >= 0; i--) {
    let value = b[i]!;
    for (let l = i + 1; l < k; l++) value -= factor[l * k + i]! * b[l]!;
    b[i] = value / factor[i * k + i]!;
  }
}

/** (L·Lᵀ)⁻¹ as a new row-major matrix, column by column through `choleskySolve`. */
export function choleskyInverse(factor: Float64Array, k: number): Float64Array {
  const inverse = new Float64Array(k * k);
  const column = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    column.fill(0);
    column[j] = 1;
    choleskySolve(factor, k, column);
    for (let i = 0; i < k; i++) inverse[i * k + j] = column[i]!;
  }
  return inverse;
}
