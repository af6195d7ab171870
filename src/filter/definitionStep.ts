/**
 * The Definition facet: the definitions from `definitions/list` (name and id, loaded in the background with
 * the busy indicator on, a load error shown as an item that retries when picked), a `Use "<typed text>"` item
 * for any id, and `Any definition`. Blank ids are refused inline.
 */
import * as vscode from 'vscode';
import type { DefinitionsResult } from './definitionsCache';
import { definitionsErrorText } from './definitionsCache';
import { STAY, runQuickPick } from './quickInput';
import type { QuickInputFactory, StepOutcome } from './quickInput';

/** What the step needs of `DefinitionsCache`. */
export interface DefinitionsSource {
	peek(): DefinitionsResult | undefined;
	load(): Promise<DefinitionsResult>;
}

type Choice = { readonly kind: 'any' } | { readonly kind: 'id'; readonly id: string } | { readonly kind: 'retry' } | { readonly kind: 'refuse' };
type DefinitionItem = vscode.QuickPickItem & { readonly choice: Choice };

interface ListState {
	readonly typed: string;
	readonly current: string | undefined;
	readonly loaded: DefinitionsResult | undefined;
	readonly error: string | undefined;
}

function typedItems(typed: string): DefinitionItem[] {
	const id = typed.trim();
	if (typed === '') {
		return [];
	}
	if (id === '') {
		const label = vscode.l10n.t('A definition id cannot be empty or blank');
		return [{ label, iconPath: new vscode.ThemeIcon('error'), alwaysShow: true, choice: { kind: 'refuse' } }];
	}
	return [{ label: vscode.l10n.t('Use "{0}"', id), iconPath: new vscode.ThemeIcon('edit'), alwaysShow: true, choice: { kind: 'id', id } }];
}

function statusItems(state: ListState): DefinitionItem[] {
	if (state.error !== undefined) {
		const label = vscode.l10n.t('Could not load the definitions');
		const detail = vscode.l10n.t('{0} Pick this item to try again, or type an id.', state.error);
		return [{ label, detail, iconPath: new vscode.ThemeIcon('error'), alwaysShow: true, choice: { kind: 'retry' } }];
	}
	if (state.loaded?.truncated === true) {
		const label = vscode.l10n.t('Only the first {0} definitions are listed; type an id to use another', state.loaded.definitions.length);
		return [{ label, iconPath: new vscode.ThemeIcon('info'), alwaysShow: true, choice: { kind: 'refuse' } }];
	}
	if (state.loaded !== undefined && state.loaded.definitions.length === 0) {
		const label = vscode.l10n.t('This workspace has no definitions; type an id');
		return [{ label, iconPath: new vscode.ThemeIcon('info'), alwaysShow: true, choice: { kind: 'refuse' } }];
	}
	return [];
}

/** Typed id first, so Enter after typing uses it; then `Any definition`, problems, and the list. */
export function definitionItems(state: ListState): DefinitionItem[] {
	const current = vscode.l10n.t('current');
	const any: DefinitionItem = {
		label: vscode.l10n.t('Any definition'),
		...(state.current === undefined ? { description: current } : {}),
		alwaysShow: true,
		choice: { kind: 'any' },
	};
	const listed = (state.loaded?.definitions ?? []).map((d): DefinitionItem => ({
		label: d.name,
		description: d.definitionId === state.current ? `${d.definitionId} · ${current}` : d.definitionId,
		choice: { kind: 'id', id: d.definitionId },
	}));
	return [...typedItems(state.typed), any, ...statusItems(state), ...listed];
}

function decide(item: DefinitionItem | undefined, reload: () => void): string | undefined | typeof STAY {
	switch (item?.choice.kind) {
		case 'any':
			return undefined;
		case 'id':
			return item.choice.id;
		case 'retry':
			reload();
			return STAY;
		default:
			return STAY;
	}
}

/** Resolves `done` with the chosen id, or `done` with undefined for "any definition". */
export function pickDefinition(ui: QuickInputFactory, source: DefinitionsSource, current: string | undefined): Promise<StepOutcome<string | undefined>> {
	let state: ListState = { typed: '', current, loaded: source.peek(), error: undefined };
	const update = (pick: vscode.QuickPick<DefinitionItem>, next: Partial<ListState>): void => {
		state = { ...state, ...next };
		pick.items = definitionItems(state);
		const active = state.typed === '' ? pick.items.find((i) => i.choice.kind === 'id' && i.choice.id === current) : undefined;
		pick.activeItems = active === undefined ? pick.items.slice(0, 1) : [active];
	};
	const load = (pick: vscode.QuickPick<DefinitionItem>): void => {
		pick.busy = true;
		update(pick, { error: undefined });
		source.load().then(
			(loaded) => update(pick, { loaded }),
			(error: unknown) => update(pick, { error: definitionsErrorText(error) ?? vscode.l10n.t('Loading was cancelled.') }),
		).finally(() => (pick.busy = false));
	};
	return runQuickPick<DefinitionItem, string | undefined>(
		ui,
		{
			title: vscode.l10n.t('Filter Executions: Definition'),
			placeholder: vscode.l10n.t('Pick a definition, or type a definition id'),
			back: true,
			items: definitionItems(state),
			matchOnDescription: true,
			accept: (selection, pick) => decide(selection[0], () => load(pick)),
			onValue: (typed, pick) => update(pick, { typed }),
			start: (pick) => {
				if (state.loaded === undefined) {
					load(pick);
				} else {
					update(pick, {});
				}
				return undefined;
			},
		},
	);
}
