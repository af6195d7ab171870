/**
 * Disposable helpers modelled on VS Code's own `lifecycle.ts`: everything stateful extends `Disposable` and
 * `_register`s what it creates, so one `dispose()` tears down a whole feature.
 */
export interface IDisposable {
	dispose(): void;
}

export function toDisposable(fn: () => void): IDisposable {
	let done = false;
	return {
		dispose: () => {
			if (!done) {
				done = true;
				fn();
			}
		},
	};
}

export class DisposableStore implements IDisposable {
	private readonly items = new Set<IDisposable>();
	private disposed = false;

	add<T extends IDisposable>(item: T): T {
		if (this.disposed) {
			item.dispose();
		} else {
			this.items.add(item);
		}
		return item;
	}

	get isDisposed(): boolean {
		return this.disposed;
	}

	dispose(): void {
		if (this.disposed) {
			return;
		}
		this.disposed = true;
		const errors: unknown[] = [];
		for (const item of [...this.items].reverse()) {
			try {
				item.dispose();
			} catch (e) {
				errors.push(e);
			}
		}
		this.items.clear();
		if (errors.length > 0) {
			throw errors[0];
		}
	}
}

export abstract class Disposable implements IDisposable {
	protected readonly _store = new DisposableStore();

	protected _register<T extends IDisposable>(item: T): T {
		return this._store.add(item);
	}

	dispose(): void {
		this._store.dispose();
	}
}

/** Holds one "current" disposable; setting a new value disposes the old one. */
export class MutableDisposable<T extends IDisposable> implements IDisposable {
	private current: T | undefined;

	get value(): T | undefined {
		return this.current;
	}

	set value(next: T | undefined) {
		if (this.current !== next) {
			this.current?.dispose();
			this.current = next;
		}
	}

	clear(): void {
		this.value = undefined;
	}

	dispose(): void {
		this.clear();
	}
}
