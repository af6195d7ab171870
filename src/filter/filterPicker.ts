/**
 * **Velt: Filter Executions…** as a quick pick: the facets with their current values (`Definition: any`,
 * `Statuses: all`, `Scope: none`), **Apply** and **Clear filter**. Picking a facet edits a draft and returns
 * to the list with Apply active, so Enter applies; Esc anywhere changes nothing.
 */
import * as vscode from 'vscode';
import type { ExecutionsFilter } from '../executions/filter';
import { normalizeFilter } from '../executions/filter';
import { pickDefinition } from './definitionStep';
import type { DefinitionsSource } from './definitionStep';
import { pickScope, pickStatuses, statusLabel } from './facetSteps';
import type { ScopeSupportSource } from './facetSteps';
import { NO_FILTER, describeFilter, describeScope } from './filterState';
import { runQuickPick } from './quickInput';
import type { QuickInputFactory, StepOutcome } from './quickInput';

export interface FilterPickerDeps {
	readonly ui: QuickInputFactory;
	readonly definitions: DefinitionsSource;
	readonly scopeSupport: ScopeSupportSource;
}

type Action = 'definition' | 'statuses' | 'scope' | 'apply' | 'clear';
type FacetItem = vscode.QuickPickItem & { readonly action: Action };

const separator = (label: string): FacetItem => ({ label, kind: vscode.QuickPickItemKind.Separator, action: 'apply' });

export function facetItems(draft: ExecutionsFilter): FacetItem[] {
	const statuses = draft.statuses?.map(statusLabel).join(', ') ?? vscode.l10n.t('all');
	const summary = describeFilter(draft);
	return [
		{ label: vscode.l10n.t('Definition: {0}', draft.definitionId ?? vscode.l10n.t('any')), iconPath: new vscode.ThemeIcon('symbol-class'), action: 'definition' },
		{ label: vscode.l10n.t('Statuses: {0}', statuses), iconPath: new vscode.ThemeIcon('list-filter'), action: 'statuses' },
		{ label: vscode.l10n.t('Scope: {0}', describeScope(draft.scope) ?? vscode.l10n.t('none')), iconPath: new vscode.ThemeIcon('organization'), action: 'scope' },
		separator(''),
		{ label: vscode.l10n.t('Apply'), description: summary === '' ? vscode.l10n.t('no filter') : summary, iconPath: new vscode.ThemeIcon('check'), action: 'apply' },
		{ label: vscode.l10n.t('Clear filter'), iconPath: new vscode.ThemeIcon('clear-all'), action: 'clear' },
	];
}

function showFacets(deps: FilterPickerDeps, draft: ExecutionsFilter, applyActive: boolean): Promise<StepOutcome<Action>> {
	const items = facetItems(draft);
	return runQuickPick<FacetItem, Action>(
		deps.ui,
		{
			title: vscode.l10n.t('Filter Executions'),
			placeholder: vscode.l10n.t('Pick a facet to change it; Enter on Apply applies the filter'),
			back: false,
			items,
			active: items.find((item) => item.action === (applyActive ? 'apply' : 'definition')),
			accept: (selection) => selection[0]?.action ?? 'apply',
		},
	);
}

async function editFacet(deps: FilterPickerDeps, action: 'definition' | 'statuses' | 'scope', draft: ExecutionsFilter): Promise<StepOutcome<ExecutionsFilter>> {
	const { ui } = deps;
	switch (action) {
		case 'definition': {
			const outcome = await pickDefinition(ui, deps.definitions, draft.definitionId);
			return outcome.kind === 'done' ? { kind: 'done', value: { ...draft, definitionId: outcome.value } } : outcome;
		}
		case 'statuses': {
			const outcome = await pickStatuses(ui, draft.statuses);
			return outcome.kind === 'done' ? { kind: 'done', value: { ...draft, statuses: outcome.value } } : outcome;
		}
		case 'scope': {
			const outcome = await pickScope(ui, deps.scopeSupport, draft.scope);
			return outcome.kind === 'done' ? { kind: 'done', value: { ...draft, scope: outcome.value } } : outcome;
		}
	}
}

/**
 * Runs the whole flow from `current`. Resolves with the filter to apply (`{}` for Clear filter), or undefined
 * when the user dismissed it: Esc on any step leaves the applied filter untouched, Back returns to the list.
 */
export async function pickFilter(deps: FilterPickerDeps, current: ExecutionsFilter): Promise<ExecutionsFilter | undefined> {
	let draft = normalizeFilter(current);
	let edited = false;
	for (;;) {
		const picked = await showFacets(deps, draft, edited);
		if (picked.kind !== 'done') {
			return undefined;
		}
		if (picked.value === 'apply') {
			return draft;
		}
		if (picked.value === 'clear') {
			return NO_FILTER;
		}
		const outcome = await editFacet(deps, picked.value, draft);
		if (outcome.kind === 'cancel') {
			return undefined;
		}
		if (outcome.kind === 'done') {
			draft = normalizeFilter(outcome.value);
			edited = true;
		}
	}
}
