/**
 * Drives the extension's real quick picks and input boxes from a test. `window.createQuickPick` and
 * `createInputBox` are wrapped (the extension and the tests share one `vscode` API object): every input still
 * shows in the workbench, but the test sees each one as it is shown and can type, accept, go back or press
 * Esc on it. Accepting runs the listeners the extension registered on `onDidAccept`, exactly as Enter would,
 * without racing keyboard focus in a headless browser.
 */
import * as vscode from 'vscode';
import { waitFor } from './helpers/wait';

type Listener = (event: unknown) => unknown;
type AnyInput = vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox;
type Window = { createQuickPick: typeof vscode.window.createQuickPick; createInputBox: typeof vscode.window.createInputBox };

export class DrivenInput {
	constructor(
		readonly input: AnyInput,
		private readonly listeners: Map<string, Listener[]>,
	) {}

	get title(): string | undefined {
		return this.input.title;
	}

	get items(): readonly vscode.QuickPickItem[] {
		return 'items' in this.input ? this.input.items : [];
	}

	labels(): string[] {
		return this.items.map((item) => item.label);
	}

	type(value: string): void {
		this.input.value = value;
		this.fire('onDidChangeValue', value);
	}

	/** Enter. Quick picks first select the items with these labels; input boxes first take this value. */
	accept(choice?: string | readonly string[]): void {
		if ('items' in this.input && choice !== undefined) {
			const labels = typeof choice === 'string' ? [choice] : choice;
			this.input.selectedItems = this.input.items.filter((item) => labels.includes(item.label));
		} else if (typeof choice === 'string') {
			this.type(choice);
		}
		this.fire('onDidAccept', undefined);
	}

	back(): void {
		this.fire('onDidTriggerButton', vscode.QuickInputButtons.Back);
	}

	/** Esc: the real hide, whose `onDidHide` comes back from the workbench. */
	escape(): void {
		this.input.hide();
	}

	private fire(event: string, value: unknown): void {
		for (const listener of [...(this.listeners.get(event) ?? [])]) {
			listener(value);
		}
	}
}

function wrap<T extends AnyInput>(real: T, onShow: (driven: DrivenInput) => void): T {
	const listeners = new Map<string, Listener[]>();
	const proxy: T = new Proxy(real, {
		get(target, prop) {
			const value: unknown = Reflect.get(target, prop, target);
			if (typeof prop === 'string' && prop.startsWith('onDid') && typeof value === 'function') {
				return (listener: Listener, thisArgs?: unknown, disposables?: vscode.Disposable[]): vscode.Disposable => {
					const list = listeners.get(prop) ?? [];
					listeners.set(prop, [...list, listener]);
					const subscription = (value as vscode.Event<unknown>).call(target, listener, thisArgs, disposables);
					return new vscode.Disposable(() => {
						listeners.set(prop, (listeners.get(prop) ?? []).filter((l) => l !== listener));
						subscription.dispose();
					});
				};
			}
			if (prop === 'show') {
				return (): void => {
					target.show();
					onShow(new DrivenInput(proxy, listeners));
				};
			}
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
		set(target, prop, value) {
			return Reflect.set(target, prop, value, target);
		},
	});
	return proxy;
}

export class QuickInputDriver implements vscode.Disposable {
	private readonly shown: DrivenInput[] = [];
	private taken = 0;
	private readonly window = vscode.window as Window;
	private readonly original: Window;

	constructor() {
		this.original = { createQuickPick: this.window.createQuickPick, createInputBox: this.window.createInputBox };
		const record = (driven: DrivenInput): void => void this.shown.push(driven);
		this.window.createQuickPick = <T extends vscode.QuickPickItem>(): vscode.QuickPick<T> =>
			wrap(this.original.createQuickPick.call(vscode.window) as vscode.QuickPick<vscode.QuickPickItem>, record) as unknown as vscode.QuickPick<T>;
		this.window.createInputBox = (): vscode.InputBox => wrap(this.original.createInputBox.call(vscode.window), record);
	}

	/** The input shown last. */
	get current(): DrivenInput | undefined {
		return this.shown.at(-1);
	}

	/** The next input shown (in order, none skipped); checks its title. */
	async next(title: string): Promise<DrivenInput> {
		const driven = await waitFor(() => this.shown[this.taken], { message: `quick input "${title}" shown` });
		this.taken++;
		if (driven.title !== title) {
			throw new Error(`expected quick input "${title}", got "${String(driven.title)}"`);
		}
		return driven;
	}

	/** Hides whatever is still open and forgets the queue (between tests). */
	cancelAll(): void {
		this.current?.escape();
		this.taken = this.shown.length;
	}

	dispose(): void {
		this.window.createQuickPick = this.original.createQuickPick;
		this.window.createInputBox = this.original.createInputBox;
	}
}
