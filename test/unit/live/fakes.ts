/** Hand-written fakes for the live-update tests. */
import type { MementoPort } from '../../../src/live/watchList';

/** Stores JSON copies, as VS Code's Memento does, so tests catch values that only live in memory. */
export class InMemoryMemento implements MementoPort {
	private readonly values = new Map<string, string>();

	get<T>(key: string): T | undefined {
		const raw = this.values.get(key);
		return raw === undefined ? undefined : (JSON.parse(raw) as T);
	}

	update(key: string, value: unknown): Promise<void> {
		if (value === undefined) {
			this.values.delete(key);
		} else {
			this.values.set(key, JSON.stringify(value));
		}
		return Promise.resolve();
	}
}
