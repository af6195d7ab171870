/**
 * One benchmark measurement, as every `*.bench.ts` module returns it and `run.ts` tabulates it in
 * BENCHMARKS.md. `target` is human-readable (e.g. `≤ 1.10`); `pass` is the module's own verdict.
 */
export interface BenchResult {
	readonly name: string;
	readonly value: number;
	readonly unit: string;
	readonly baseline?: number;
	readonly ratio?: number;
	readonly target?: string;
	readonly pass?: boolean;
	/** One short line on method (repetitions, data set). */
	readonly note?: string;
}

/** What a `*.bench.ts` module exports. */
export type BenchModule = { run(): Promise<BenchResult[]> };
