/**
 * The disclosure audit: can any set of fewer than `minimum` responses be worked out from the published figures
 * by adding and subtracting them? privacy.ts explains where it sits in the dashboard's privacy rules.
 *
 * Model. Every published figure is a count, sum, mean or standard deviation over a set of responses; with its
 * count, a mean gives the set's sum and an SD its sum of squares, so what an attacker can learn about one score
 * column is exactly the linear span of the published sets' 0/1 vectors over the responses (a paired mean change
 * is the vector +1 on the matched "after" responses and −1 on the matched "before" ones). A set T is disclosed
 * when its 0/1 vector lies in that span: then Σ_{i∈T} x_i (and Σ x_i², so T's mean and SD) follows by adding and
 * subtracting published figures.
 *
 * Exact test. Responses that belong to exactly the same published sets (with the same coefficients) form an
 * "atom"; every vector of the span is constant on atoms, so a disclosed set is a union of atoms, and one smaller
 * than the minimum uses only atoms smaller than the minimum ("small atoms"). Row-reducing the published vectors
 * over the rationals (BigInt, no rounding) with the large atoms' columns first leaves, as the rows whose pivots
 * fall among the small atoms, a basis of exactly the span's vectors that are zero on every large atom. A vector
 * of that subspace is fixed by its values at the pivots, so the audit tries every 0/1 choice of pivot values
 * whose atoms hold fewer than `minimum` responses, and reports the first choice whose whole vector is 0/1.
 * The search stops after `searchLimit` steps and then reports the subspace's first basis vector as disclosed:
 * unsure means unsafe, so the caller suppresses more, never less.
 */

/** A published set: its responses (row numbers) and a coefficient for each (1 for a group; ±1 for a change). */
export interface PublishedVector {
  rows: readonly number[];
  /** Whole numbers between −511 and 511 (1 when absent; ±1 in practice). */
  coefficients?: readonly number[];
  /** The figure it belongs to, which the caller may withdraw; none for a fixed total of a view. */
  tag?: string;
}

export interface AuditResult {
  /** Rows of a disclosed set (fewer than the minimum), or null when nothing is disclosed. */
  disclosed: number[] | null;
}

const SEARCH_LIMIT = 200_000;

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Atoms: rows grouped by the published vectors they are in (with coefficients), by partition refinement. */
function atomsOf(vectors: readonly PublishedVector[]): { atomRows: number[][]; entries: Map<number, number>[] } {
  let width = 0;
  for (const vector of vectors) for (const row of vector.rows) if (row >= width) width = row + 1;
  const label = new Int32Array(width); // row → refined class; 0: in no vector yet
  let next = 1;
  for (const vector of vectors) {
    const split = new Map<number, number>();
    vector.rows.forEach((row, i) => {
      const coefficient = vector.coefficients?.[i] ?? 1;
      if (coefficient === 0) return;
      // Coefficients are small whole numbers (±1 in practice): a numeric key of (class, coefficient).
      const key = label[row]! * 1024 + coefficient + 512;
      let id = split.get(key);
      if (id === undefined) split.set(key, (id = next++));
      label[row] = id;
    });
  }
  const atomIndex = new Map<number, number>();
  const atomRows: number[][] = [];
  const rowAtom = new Int32Array(width).fill(-1);
  for (let row = 0; row < width; row++) {
    const id = label[row]!;
    if (id === 0) continue;
    let a = atomIndex.get(id);
    if (a === undefined) {
      atomIndex.set(id, (a = atomRows.length));
      atomRows.push([]);
    }
    atomRows[a]!.push(row);
    rowAtom[row] = a;
  }
  const entries = vectors.map((vector) => {
    const entry = new Map<number, number>();
    vector.rows.forEach((row, i) => {
      const a = rowAtom[row]!;
      if (a >= 0 && !entry.has(a)) entry.set(a, vector.coefficients?.[i] ?? 1);
    });
    return entry;
  });
  return { atomRows, entries };
}

/**
 * Reduced row echelon form over the rationals, rows kept integral (each divided by its gcd), columns in `order`.
 * Runs in ordinary numbers while every value stays a safe integer (the usual case: small counts and ±1), and
 * starts again in BigInt the moment one would not, so the result is exact either way.
 */
function echelon(rows: number[][], order: readonly number[]): { rows: bigint[][]; pivots: number[] } {
  const fast = echelonNumbers(rows.map((row) => row.slice()), order);
  if (fast) return { rows: fast.rows.map((row) => row.map((value) => BigInt(value))), pivots: fast.pivots };
  return echelonBig(rows.map((row) => row.map((value) => BigInt(value))), order);
}

function gcdNumber(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

function echelonNumbers(matrix: number[][], order: readonly number[]): { rows: number[][]; pivots: number[] } | null {
  const pivots: number[] = [];
  let rank = 0;
  for (const column of order) {
    let at = -1;
    for (let r = rank; r < matrix.length; r++) {
      if (matrix[r]![column] !== 0) {
        at = r;
        break;
      }
    }
    if (at < 0) continue;
    [matrix[rank], matrix[at]] = [matrix[at]!, matrix[rank]!];
    const pivotRow = matrix[rank]!;
    const pivot = pivotRow[column]!;
    for (let r = 0; r < matrix.length; r++) {
      const row = matrix[r]!;
      if (r === rank || row[column] === 0) continue;
      const factor = row[column]!;
      let divisor = 0;
      for (let c = 0; c < row.length; c++) {
        const value = row[c]! * pivot - pivotRow[c]! * factor;
        if (!Number.isSafeInteger(value) || !Number.isSafeInteger(row[c]! * pivot) || !Number.isSafeInteger(pivotRow[c]! * factor)) return null;
        row[c] = value;
        if (value !== 0) divisor = gcdNumber(divisor, value);
      }
      if (divisor > 1) for (let c = 0; c < row.length; c++) row[c] = row[c]! / divisor;
    }
    pivots.push(column);
    rank++;
  }
  return { rows: matrix.slice(0, rank), pivots };
}

function echelonBig(rows: bigint[][], order: readonly number[]): { rows: bigint[][]; pivots: number[] } {
  const matrix = rows.map((row) => row.slice());
  const pivots: number[] = [];
  let rank = 0;
  for (const column of order) {
    const at = matrix.findIndex((row, r) => r >= rank && row[column] !== 0n);
    if (at < 0) continue;
    [matrix[rank], matrix[at]] = [matrix[at]!, matrix[rank]!];
    const pivotRow = matrix[rank]!;
    for (let r = 0; r < matrix.length; r++) {
      if (r === rank || matrix[r]![column] === 0n) continue;
      const factor = matrix[r]![column]!;
      const pivot = pivotRow[column]!;
      const row = matrix[r]!;
      let divisor = 0n;
      for (let c = 0; c < row.length; c++) {
        row[c] = row[c]! * pivot - pivotRow[c]! * factor;
        divisor = gcd(divisor, row[c]!);
      }
      if (divisor > 1n) for (let c = 0; c < row.length; c++) row[c] = row[c]! / divisor;
    }
    pivots.push(column);
    rank++;
  }
  return { rows: matrix.slice(0, rank), pivots };
}

/**
 * The first set of fewer than `minimum` responses (but at least one) whose 0/1 vector lies in the span of the
 * published vectors, or null. `minimum` of 1 or less protects nothing and returns null.
 */
export function findDisclosedSet(vectors: readonly PublishedVector[], minimum: number, searchLimit = SEARCH_LIMIT): number[] | null {
  if (minimum <= 1 || vectors.length === 0) return null;
  const { atomRows, entries } = atomsOf(vectors);
  const size = atomRows.map((rows) => rows.length);
  const small = size.map((s) => s < minimum);
  if (!small.some(Boolean)) return null;
  const order = [...size.keys()].sort((a, b) => Number(small[a]) - Number(small[b]));
  const matrix = entries.map((entry) => {
    const row = new Array<number>(size.length).fill(0);
    for (const [a, coefficient] of entry) row[a] = coefficient;
    return row;
  });
  const { rows, pivots } = echelon(matrix, order);
  const basis: bigint[][] = [];
  const basisPivots: number[] = [];
  rows.forEach((row, r) => {
    if (small[pivots[r]!]) {
      basis.push(row);
      basisPivots.push(pivots[r]!);
    }
  });
  if (basis.length === 0) return null;
  // Scale every basis row to a common denominator so a candidate is a sum of integer rows: Σ c_r · row_r · (D / p_r).
  let denominator = 1n;
  for (let r = 0; r < basis.length; r++) {
    const p = basis[r]![basisPivots[r]!]!;
    const abs = p < 0n ? -p : p;
    denominator = (denominator / gcd(denominator, abs)) * abs;
  }
  const scaledBig = basis.map((row, r) => {
    const factor = denominator / basis[r]![basisPivots[r]!]!;
    return row.map((value) => value * factor);
  });
  // Sums of at most `basis.length` rows must stay exact in ordinary numbers; otherwise, unsure means unsafe.
  const limit = BigInt(Number.MAX_SAFE_INTEGER) / BigInt(basis.length + 1);
  if (denominator > limit || scaledBig.some((row) => row.some((value) => value > limit || -value > limit))) return atomsToRows(atomRows, [basisPivots[0]!]);
  const D = Number(denominator);
  // Sparse rows over the small atoms (a basis row is zero on every large atom).
  const sparse = scaledBig.map((row) => row.flatMap((value, a) => (value === 0n ? [] : [[a, Number(value)] as const])));
  // An atom's value is final once the last row touching it is decided: it must then be 0 or D (the whole atom in
  // or out), and if in, its responses count towards the set's size.
  const lastRow = new Map<number, number>();
  sparse.forEach((row, r) => row.forEach(([a]) => lastRow.set(a, r)));
  const finalAfter: number[][] = sparse.map(() => []);
  for (const [a, r] of lastRow) finalAfter[r]!.push(a);
  const sum = new Float64Array(size.length);
  let steps = 0;
  let gaveUp = false;
  let found: number[] | null = null;
  const search = (r: number, weight: number, any: boolean): void => {
    if (found || gaveUp) return;
    if (++steps > searchLimit) {
      gaveUp = true;
      return;
    }
    if (r === sparse.length) {
      if (any && weight > 0 && weight < minimum) found = atomsToRows(atomRows, [...lastRow.keys()].filter((a) => sum[a] === D));
      return;
    }
    for (const include of [false, true]) {
      const row = sparse[r]!;
      if (include) for (const [a, value] of row) sum[a]! += value;
      let next = weight;
      let ok = true;
      for (const a of finalAfter[r]!) {
        const value = sum[a]!;
        if (value === 0) continue;
        if (value !== D) {
          ok = false;
          break;
        }
        next += size[a]!;
      }
      if (ok && next < minimum) search(r + 1, next, any || include);
      if (include) for (const [a, value] of row) sum[a]! -= value;
      if (found || gaveUp) return;
    }
  };
  search(0, 0, false);
  if (found) return found;
  if (gaveUp) return atomsToRows(atomRows, [basisPivots[0]!]);
  return null;
}

function atomsToRows(atomRows: readonly number[][], atoms: readonly number[]): number[] {
  return atoms.flatMap((a) => atomRows[a]!).sort((a, b) => a - b);
}

/** Is the set `target` (rows) in the span of the vectors? Exact, over atoms (the target's own vector included). */
export function inSpan(vectors: readonly PublishedVector[], target: readonly number[]): boolean {
  const all: PublishedVector[] = [...vectors, { rows: target }];
  const { atomRows, entries } = atomsOf(all);
  const toRow = (entry: Map<number, number>) => {
    const row = new Array<number>(atomRows.length).fill(0);
    for (const [a, coefficient] of entry) row[a] = coefficient;
    return row;
  };
  const order = [...atomRows.keys()];
  const base = entries.slice(0, -1).map(toRow);
  const rank = echelon(base, order).rows.length;
  return echelon([...base, toRow(entries.at(-1)!)], order).rows.length === rank;
}

/**
 * Withdraw published figures until nothing below the minimum is disclosed. Vectors with the same `tag` are one
 * figure's parts (a group in each wave) and are withdrawn together; untagged vectors (the totals) are fixed. Each
 * round finds a disclosed set and withdraws the smallest tag (fewest responses; ties: first listed) whose
 * withdrawal takes that set out of the span; if no single tag does, the smallest tag that touches the set.
 * Returns the withdrawn tags. Ends because every round withdraws a tag; with only the fixed totals left (disjoint
 * waves, each at least the minimum, as the callers ensure), nothing is disclosed.
 */
export function withdrawUntilSafe(vectors: readonly PublishedVector[], minimum: number): Set<string> {
  const withdrawn = new Set<string>();
  const kept = (without?: string) => vectors.filter((vector) => vector.tag === undefined || (vector.tag !== without && !withdrawn.has(vector.tag)));
  for (;;) {
    const disclosed = findDisclosedSet(kept(), minimum);
    if (!disclosed) return withdrawn;
    const sizes = new Map<string, { size: number; first: number; rows: Set<number> }>();
    vectors.forEach((vector, v) => {
      if (vector.tag === undefined || withdrawn.has(vector.tag)) return;
      const entry = sizes.get(vector.tag) ?? { size: 0, first: v, rows: new Set<number>() };
      entry.size += vector.rows.length;
      for (const row of vector.rows) entry.rows.add(row);
      sizes.set(vector.tag, entry);
    });
    const candidates = [...sizes].sort(([, a], [, b]) => a.size - b.size || a.first - b.first);
    if (candidates.length === 0) return withdrawn; // only fixed totals remain; callers keep those safe
    const choice =
      candidates.find(([tag]) => !inSpan(kept(tag), disclosed)) ?? candidates.find(([, entry]) => disclosed.some((row) => entry.rows.has(row))) ?? candidates[0]!;
    withdrawn.add(choice[0]);
  }
}
