/**
 * A simulator that can be stopped and brought back on the same port with the same data (fixed seed and
 * clock), so "connection refused" is a real refused connection to the configured base URL, not another URL.
 */
import * as assert from 'node:assert/strict';
import type { Simulator, SimulatorOptions } from '../../sim/api';
import { startSimulator } from '../../sim/simulator';

export class SimHost {
	private current: Simulator | undefined;
	private stopped = false;
	/** Failed attempts left before a stopped simulator comes back by itself (see `onBackoff`). */
	private downFor = 0;
	private port = 0;
	private readonly options: SimulatorOptions;

	constructor(options: SimulatorOptions) {
		this.options = { seed: 5, now: Date.now(), ...options };
	}

	get sim(): Simulator {
		assert.ok(this.current && !this.stopped, 'simulator not running');
		return this.current;
	}

	get url(): string {
		assert.ok(this.current, 'simulator never started');
		return this.current.url;
	}

	async start(): Promise<void> {
		this.current = await startSimulator({ ...this.options, port: this.port });
		this.port = this.current.port;
		this.stopped = false;
	}

	/** Stops listening; the next `attempts` requests are refused, then the client's backoff brings it back. */
	async stopFor(attempts: number): Promise<void> {
		this.downFor = attempts;
		this.stopped = true;
		await this.current?.close();
		// Let the client's connection pool see its kept-alive sockets close, so the next request really
		// connects (and is refused) instead of failing on a stale socket.
		await new Promise((resolve) => setTimeout(resolve, 20));
	}

	/** Hooked to the client's backoff sleep: one failed attempt has passed. */
	async onBackoff(): Promise<void> {
		if (this.stopped && --this.downFor <= 0) {
			await this.start();
		}
	}

	/** Brings a stopped simulator back (before an explicit Retry). */
	async heal(): Promise<void> {
		if (this.stopped) {
			await this.start();
		}
	}

	async close(): Promise<void> {
		if (!this.stopped) {
			await this.current?.close();
		}
		this.stopped = true;
	}
}
