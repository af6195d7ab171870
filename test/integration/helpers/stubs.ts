/**
 * Replaces `vscode.window` prompts for one test: input boxes answer from a queue, messages are recorded and
 * answered by a chooser. Test files share the extension's `vscode` API object, so the extension sees the
 * stubs. Always `restore()` (the suites do it in `afterEach`).
 */
import * as vscode from 'vscode';

export interface ShownMessage {
	readonly severity: 'info' | 'warning' | 'error';
	readonly text: string;
	readonly actions: readonly string[];
}

export interface WindowStubs {
	readonly messages: ShownMessage[];
	readonly inputPrompts: (vscode.InputBoxOptions | undefined)[];
	/** Answers for the next input boxes, in order; `undefined` = Esc. */
	answerInputs(...answers: (string | undefined)[]): void;
	/** Picks the action a message shows (default: dismiss). */
	chooseAction(choose: (message: ShownMessage) => string | undefined): void;
	restore(): void;
}

type MessageFn = (message: string, ...rest: unknown[]) => Thenable<unknown>;

export function stubWindow(): WindowStubs {
	const window = vscode.window as unknown as Record<string, unknown>;
	const originals = new Map<string, unknown>(['showInputBox', 'showInformationMessage', 'showWarningMessage', 'showErrorMessage'].map((k) => [k, window[k]]));
	const inputs: (string | undefined)[] = [];
	const messages: ShownMessage[] = [];
	const inputPrompts: (vscode.InputBoxOptions | undefined)[] = [];
	let choose: (message: ShownMessage) => string | undefined = () => undefined;
	window.showInputBox = (options?: vscode.InputBoxOptions): Thenable<string | undefined> => {
		inputPrompts.push(options);
		return Promise.resolve(inputs.shift());
	};
	const message = (severity: ShownMessage['severity']): MessageFn => (text, ...rest) => {
		const actions = rest.filter((r): r is string => typeof r === 'string');
		const shown = { severity, text, actions };
		messages.push(shown);
		return Promise.resolve(choose(shown));
	};
	window.showInformationMessage = message('info');
	window.showWarningMessage = message('warning');
	window.showErrorMessage = message('error');
	return {
		messages,
		inputPrompts,
		answerInputs: (...answers) => void inputs.push(...answers),
		chooseAction: (fn) => void (choose = fn),
		restore: () => {
			for (const [key, value] of originals) {
				window[key] = value;
			}
		},
	};
}
