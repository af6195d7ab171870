/**
 * A minimal event emitter with VS Code's `Event<T>` shape, so vscode-free models can be observed by the UI
 * layer (which passes the `event` straight to VS Code APIs) and by plain-Node tests alike.
 */
import type { IDisposable } from './lifecycle';

export type Event<T> = (listener: (e: T) => unknown, thisArgs?: unknown, disposables?: IDisposable[]) => IDisposable;

export class Emitter<T> implements IDisposable {
	private listeners = new Set<(e: T) => unknown>();
	private disposed = false;

	readonly event: Event<T> = (listener, thisArgs, disposables) => {
		const bound = thisArgs === undefined ? listener : listener.bind(thisArgs);
		if (!this.disposed) {
			this.listeners.add(bound);
		}
		const subscription = { dispose: () => void this.listeners.delete(bound) };
		disposables?.push(subscription);
		return subscription;
	};

	fire(value: T): void {
		for (const listener of [...this.listeners]) {
			listener(value);
		}
	}

	get hasListeners(): boolean {
		return this.listeners.size > 0;
	}

	dispose(): void {
		this.disposed = true;
		this.listeners.clear();
	}
}
