/** Small measuring helpers shared by bench modules: medians, a monotonic stopwatch, and a GC handle. */
import { performance } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

export function median(values: readonly number[]): number {
	if (values.length === 0) {
		return Number.NaN;
	}
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Milliseconds `fn` took (monotonic clock). */
export async function timeMs(fn: () => unknown): Promise<number> {
	const start = performance.now();
	await fn();
	return performance.now() - start;
}

export function round(value: number, digits = 2): number {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}

/**
 * A full garbage collection, if one can be had: `node --expose-gc`, or the same flag set at runtime (V8
 * then exposes `gc` to new contexts). Undefined when neither works; heap benches then say so.
 */
export function garbageCollector(): (() => void) | undefined {
	const existing = (globalThis as { gc?: unknown }).gc;
	if (typeof existing === 'function') {
		return existing as () => void;
	}
	try {
		v8.setFlagsFromString('--expose-gc');
		const gc: unknown = vm.runInNewContext('gc');
		return typeof gc === 'function' ? (gc as () => void) : undefined;
	} catch {
		return undefined;
	}
}

/**
 * A full collection, then a short idle pause so V8's concurrent sweeper finishes: otherwise the next
 * allocations pay lazy sweeping in proportion to the heap, which would bias timings of large-heap steps.
 */
export async function settle(gc: () => void): Promise<void> {
	gc();
	gc();
	await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Heap used after a full collection (twice, so finalizers' garbage goes too). */
export function settledHeap(gc: () => void): number {
	gc();
	gc();
	return process.memoryUsage().heapUsed;
}
