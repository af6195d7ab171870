/**
 * Shared set-up for the HTTP tests of `VeltClient`: the real simulator, a recording logger and a recording
 * `sleep` (backoff delays are recorded and skipped, so retries run instantly; the wire is never faked).
 */
import * as assert from 'node:assert/strict';
import { VeltClient } from '../../../src/api/client';
import type { VeltClientOptions } from '../../../src/api/client';
import { ApiError } from '../../../src/api/errors';
import type { ApiErrorKind } from '../../../src/api/errors';
import type { Credentials } from '../../../src/api/types';
import type { Logger } from '../../../src/common/logger';
import { SIM_API_KEY, SIM_AUTH_TOKEN } from '../../sim/api';
import type { Simulator } from '../../sim/api';
import { startSimulator } from '../../sim/simulator';

export const SIM_CREDENTIALS: Credentials = { apiKey: SIM_API_KEY, authToken: SIM_AUTH_TOKEN };

export class RecordingLogger implements Logger {
	readonly lines: { level: string; text: string }[] = [];

	trace(message: string, ...args: unknown[]): void {
		this.record('trace', message, args);
	}
	debug(message: string, ...args: unknown[]): void {
		this.record('debug', message, args);
	}
	info(message: string, ...args: unknown[]): void {
		this.record('info', message, args);
	}
	warn(message: string, ...args: unknown[]): void {
		this.record('warn', message, args);
	}
	error(message: string | Error, ...args: unknown[]): void {
		this.record('error', message instanceof Error ? `${message.message} ${String(message.stack)}` : message, args);
	}

	of(level: string): string[] {
		return this.lines.filter((line) => line.level === level).map((line) => line.text);
	}

	get all(): string {
		return this.lines.map((line) => `${line.level} ${line.text}`).join('\n');
	}

	private record(level: string, message: string, args: unknown[]): void {
		const rest = args.map((arg) => (arg instanceof Error ? `${arg.message} ${String(arg.stack)}` : JSON.stringify(arg)));
		this.lines.push({ level, text: [message, ...rest].join(' ') });
	}
}

export interface Harness {
	readonly sim: Simulator;
	readonly logger: RecordingLogger;
	/** Delays passed to `sleep`, in order. */
	readonly sleeps: number[];
	client(overrides?: Partial<VeltClientOptions>): VeltClient;
}

/** Registers mocha hooks: a fresh simulator per suite, logs and requests reset per test. */
export function useSimulator(): Harness {
	let sim: Simulator | undefined;
	const logger = new RecordingLogger();
	const sleeps: number[] = [];
	before(async () => {
		sim = await startSimulator({ seed: 7 });
	});
	after(async () => {
		await sim?.close();
	});
	beforeEach(() => {
		sim?.resetForTest();
		logger.lines.length = 0;
		sleeps.length = 0;
	});
	const harness: Harness = {
		get sim(): Simulator {
			assert.ok(sim, 'simulator not started');
			return sim;
		},
		logger,
		sleeps,
		client: (overrides = {}) =>
			new VeltClient({
				baseUrl: harness.sim.url,
				credentials: () => SIM_CREDENTIALS,
				timeoutMs: 5000,
				logger,
				sleep: (ms: number, signal?: AbortSignal) => {
					sleeps.push(ms);
					return signal?.aborted ? Promise.reject(new ApiError('cancelled', 'aborted')) : Promise.resolve();
				},
				...overrides,
			}),
	};
	return harness;
}

/** An `assert.rejects` predicate: the error is an `ApiError` of `kind` (plus optional checks). */
export function apiError(kind: ApiErrorKind, check?: (error: ApiError) => void): (error: unknown) => boolean {
	return (error: unknown): boolean => {
		assert.ok(ApiError.is(error), `expected ApiError ${kind}, got ${String(error)}`);
		assert.equal(error.kind, kind, `kind (message: ${error.message})`);
		check?.(error);
		return true;
	};
}
