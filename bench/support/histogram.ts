/**
 * A log-bucketed latency histogram (HDR-like): every value lands in a bucket 2 % wide, so
 * percentiles are exact to within 2 % at any scale and histograms from several processes merge
 * by adding counts. The exact minimum and maximum are kept beside the buckets.
 */
const FLOOR_MS = 0.05;
const GROWTH = 1.02;
const LOG_GROWTH = Math.log(GROWTH);
const BUCKETS = 1200; // up to FLOOR_MS * 1.02^1200 ≈ 1,000 s

export type HistogramData = { counts: number[]; count: number; sum: number; min: number; max: number };

export class Histogram {
  private counts = new Float64Array(BUCKETS);
  count = 0;
  sum = 0;
  min = Number.POSITIVE_INFINITY;
  max = 0;

  record(ms: number): void {
    const v = ms < FLOOR_MS ? FLOOR_MS : ms;
    const index = Math.min(BUCKETS - 1, Math.ceil(Math.log(v / FLOOR_MS) / LOG_GROWTH));
    this.counts[index]! += 1;
    this.count++;
    this.sum += ms;
    if (ms < this.min) this.min = ms;
    if (ms > this.max) this.max = ms;
  }

  /** The value at quantile q (0..1): the upper edge of the bucket holding it, capped by the exact max. */
  percentile(q: number): number {
    if (this.count === 0) return Number.NaN;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return Math.min(this.max, FLOOR_MS * GROWTH ** i);
    }
    return this.max;
  }

  merge(other: HistogramData): void {
    for (let i = 0; i < BUCKETS; i++) this.counts[i]! += other.counts[i] ?? 0;
    this.count += other.count;
    this.sum += other.sum;
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
  }

  toData(): HistogramData {
    return { counts: Array.from(this.counts), count: this.count, sum: this.sum, min: this.min, max: this.max };
  }

  static from(data: HistogramData): Histogram {
    const h = new Histogram();
    h.merge(data);
    return h;
  }
}

/** Percentiles of a small sample (query timings), exact from a sorted copy. */
export const percentileOf = (values: number[], q: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
};

/** Wall-clock milliseconds with sub-millisecond resolution, comparable across processes on one machine. */
export const nowMs = (): number => performance.timeOrigin + performance.now();
