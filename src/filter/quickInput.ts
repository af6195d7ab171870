/**
 * One step of the filter flow as a promise over `createQuickPick` / `createInputBox` (not `showQuickPick`,
 * so steps can refuse input inline, load items while open and offer a Back button), with the outcomes a
 * multi-step flow needs: done, back, cancel, and "stay open" for input refused inline.
 */
import * as vscode from 'vscode';

export type StepOutcome<R> = { readonly kind: 'done'; readonly value: R } | { readonly kind: 'back' } | { readonly kind: 'cancel' };

/** Returned by an accept handler to refuse the input and keep the step open. */
export const STAY: unique symbol = Symbol('stay');

export type QuickInputFactory = Pick<typeof vscode.window, 'createQuickPick' | 'createInputBox'>;

interface StepBase {
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

export function runQuickPick<T extends vscode.QuickPickItem, R>(ui: QuickInputFactory, spec: PickSpec<T, R>): Promise<StepOutcome<R>> {
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
	});
}

export function runInputBox(ui: QuickInputFactory, spec: BoxSpec): Promise<StepOutcome<string>> {
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
	});
}
