/** Runs `count` operations with at most `concurrency` in flight and reports throughput and latency percentiles. */
export async function measure(count: number, concurrency: number, operation: (index: number) => Promise<void>) {
  const latencies: number[] = new Array(count);
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const begun = performance.now();
      await operation(index);
      latencies[index] = performance.now() - begun;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  const seconds = (performance.now() - started) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
  return { count, perSecond: count / seconds, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

export type Measurement = Awaited<ReturnType<typeof measure>>;

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The wall time `work` takes, in ms. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}
