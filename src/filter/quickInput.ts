/**
 * One step of the filter flow as a promise over `createQuickPick` / `createInputBox`, with the outcomes a
 * multi-step flow needs (done, back, cancel) and "stay open" for input refused inline. Every step is also
 * announced as an `OpenStep` whose `accept`/`type`/`back`/`cancel` run the very handlers Enter, typing, the
 * Back button and Esc run, so integration tests drive the real quick inputs without racing the UI.
 */
import * as vscode from 'vscode';

export type StepKind = 'facets' | 'definition' | 'statuses' | 'scopeProbe' | 'scopeUnavailable' | 'organizationId' | 'documentId';

export type StepOutcome<R> = { readonly kind: 'done'; readonly value: R } | { readonly kind: 'back' } | { readonly kind: 'cancel' };

/** Returned by an accept handler to refuse the input and keep the step open. */
export const STAY: unique symbol = Symbol('stay');

export type QuickInputFactory = Pick<typeof vscode.window, 'createQuickPick' | 'createInputBox'>;

export interface OpenStep {
	readonly kind: StepKind;
	readonly input: vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox;
	/** The items a quick pick offers right now (empty for input boxes). */
	readonly items: readonly vscode.QuickPickItem[];
	/** Enter. Quick picks first select the items with these labels; input boxes first take this value. */
	accept(choice?: string | readonly string[]): void;
	/** Typing: sets the value and runs the change handler. */
	type(value: string): void;
	back(): void;
	cancel(): void;
}

export type StepHook = (step: OpenStep) => void;

interface StepBase {
	readonly kind: StepKind;
	readonly title: string;
	readonly placeholder: string;
	readonly back: boolean;
}

export interface PickSpec<T extends vscode.QuickPickItem, R> extends StepBase {
	readonly items: readonly T[];
	readonly canSelectMany?: boolean;
	readonly selected?: readonly T[];
	readonly active?: T;
	readonly matchOnDescription?: boolean;
	readonly accept: (selection: readonly T[], pick: vscode.QuickPick<T>) => R | typeof STAY;
	readonly onValue?: (value: string, pick: vscode.QuickPick<T>) => void;
	/** Runs after `show()`, e.g. to start loading items; `done` ends the step; the disposable lives as long as the step. */
	readonly start?: (pick: vscode.QuickPick<T>, done: (value: R) => void) => vscode.Disposable | undefined;
}

export interface BoxSpec extends StepBase {
	readonly value: string;
	readonly prompt: string;
	/** A message refuses the value inline; undefined accepts it. */
	readonly validate: (value: string) => string | undefined;
}

function settle<R>(resolve: (outcome: StepOutcome<R>) => void, disposables: vscode.Disposable[]): (outcome: StepOutcome<R>) => void {
	let settled = false;
	return (outcome) => {
		if (!settled) {
			settled = true;
			resolve(outcome);
			vscode.Disposable.from(...disposables).dispose();
		}
	};
}

function decorate(input: vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox, spec: StepBase): void {
	input.title = spec.title;
	input.placeholder = spec.placeholder;
	input.ignoreFocusOut = true;
	input.buttons = spec.back ? [vscode.QuickInputButtons.Back] : [];
}

function byLabels<T extends vscode.QuickPickItem>(items: readonly T[], choice: string | readonly string[]): T[] {
	const labels = typeof choice === 'string' ? [choice] : choice;
	return items.filter((item) => item.kind !== vscode.QuickPickItemKind.Separator && labels.includes(item.label));
}

export function runQuickPick<T extends vscode.QuickPickItem, R>(ui: QuickInputFactory, spec: PickSpec<T, R>, hook?: StepHook): Promise<StepOutcome<R>> {
	return new Promise((resolve) => {
		const pick = ui.createQuickPick<T>();
		const disposables: vscode.Disposable[] = [pick];
		const finish = settle(resolve, disposables);
		decorate(pick, spec);
		pick.canSelectMany = spec.canSelectMany ?? false;
		pick.matchOnDescription = spec.matchOnDescription ?? false;
		pick.items = spec.items;
		if (spec.selected !== undefined) {
			pick.selectedItems = spec.selected;
		}
		if (spec.active !== undefined) {
			pick.activeItems = [spec.active];
		}
		const accept = (selection: readonly T[]): void => {
			const value = spec.accept(selection, pick);
			if (value !== STAY) {
				finish({ kind: 'done', value });
			}
		};
		const current = (): readonly T[] => (pick.canSelectMany || pick.selectedItems.length > 0 ? pick.selectedItems : pick.activeItems);
		disposables.push(
			pick.onDidAccept(() => accept(current())),
			pick.onDidChangeValue((value) => spec.onValue?.(value, pick)),
			pick.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && finish({ kind: 'back' })),
			pick.onDidHide(() => finish({ kind: 'cancel' })),
		);
		pick.show();
		const started = spec.start?.(pick, (value) => finish({ kind: 'done', value }));
		disposables.push(...(started === undefined ? [] : [started]));
		hook?.({
			kind: spec.kind,
			input: pick,
			get items() {
				return pick.items;
			},
			accept: (choice) => {
				if (choice !== undefined) {
					pick.selectedItems = byLabels(pick.items, choice);
				}
				accept(current());
			},
			type: (value) => {
				pick.value = value;
				spec.onValue?.(value, pick);
			},
			back: () => finish({ kind: 'back' }),
			cancel: () => finish({ kind: 'cancel' }),
		});
	});
}

export function runInputBox(ui: QuickInputFactory, spec: BoxSpec, hook?: StepHook): Promise<StepOutcome<string>> {
	return new Promise((resolve) => {
		const box = ui.createInputBox();
		const disposables: vscode.Disposable[] = [box];
		const finish = settle(resolve, disposables);
		decorate(box, spec);
		box.value = spec.value;
		box.prompt = spec.prompt;
		const accept = (): void => {
			const message = spec.validate(box.value);
			box.validationMessage = message;
			if (message === undefined) {
				finish({ kind: 'done', value: box.value });
			}
		};
		disposables.push(
			box.onDidAccept(accept),
			box.onDidChangeValue((value) => (box.validationMessage = spec.validate(value))),
			box.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && finish({ kind: 'back' })),
			box.onDidHide(() => finish({ kind: 'cancel' })),
		);
		box.show();
		hook?.({
			kind: spec.kind,
			input: box,
			items: [],
			accept: (choice) => {
				if (typeof choice === 'string') {
					box.value = choice;
				}
				accept();
			},
			type: (value) => {
				box.value = value;
				box.validationMessage = spec.validate(value);
			},
			back: () => finish({ kind: 'back' }),
			cancel: () => finish({ kind: 'cancel' }),
		});
	});
}
