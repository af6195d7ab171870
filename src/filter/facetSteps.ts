/**
 * The Statuses and Scope facets. Statuses: a multi-select of the five, refusing "none" inline. Scope: two
 * input boxes (`organizationId`, `documentId`) when list items carry step metadata, or a single item saying
 * why scope filtering is unavailable for this API (the current API's list items have `steps: []`).
 */
import * as vscode from 'vscode';
import { statusLabel as statusWordKey } from '../executions/format';
import { EXECUTION_STATUSES } from '../api/types';
import type { ExecutionStatus } from '../api/types';
import type { ExecutionScope } from '../executions/filter';
import type { ScopeSupport } from './filterState';
import { STAY, runInputBox, runQuickPick } from './quickInput';
import type { QuickInputFactory, StepOutcome } from './quickInput';

/** Where the scope step learns whether this API's list items carry steps. */
export interface ScopeSupportSource {
	/** What the rows loaded so far tell, without a request. */
	known(): ScopeSupport;
	/** One small list request, for when nothing is loaded yet. */
	probe(signal: AbortSignal): Promise<ScopeSupport>;
}

/** The tree's status word (Pending, Running, …), localized the same way. */
export function statusLabel(status: ExecutionStatus): string {
	return vscode.l10n.t(statusWordKey(status));
}

type StatusItem = vscode.QuickPickItem & { readonly status: ExecutionStatus };

/** Resolves `done` with the chosen statuses (all five when everything stays selected). */
export function pickStatuses(ui: QuickInputFactory, current: readonly ExecutionStatus[] | undefined): Promise<StepOutcome<readonly ExecutionStatus[]>> {
	const items = EXECUTION_STATUSES.map((status): StatusItem => ({ label: statusLabel(status), status }));
	const chosen = current === undefined || current.length === 0 ? EXECUTION_STATUSES : current;
	return runQuickPick<StatusItem, readonly ExecutionStatus[]>(
		ui,
		{
			title: vscode.l10n.t('Filter Executions: Statuses'),
			placeholder: vscode.l10n.t('Statuses to show (all five by default)'),
			back: true,
			canSelectMany: true,
			items,
			selected: items.filter((item) => chosen.includes(item.status)),
			accept: (selection, pick) => {
				if (selection.length === 0) {
					pick.placeholder = vscode.l10n.t('Select at least one status: with none selected nothing would be shown');
					return STAY;
				}
				return EXECUTION_STATUSES.filter((status) => selection.some((item) => item.status === status));
			},
		},
	);
}

type ScopeItem = vscode.QuickPickItem & { readonly clear: boolean };

/** The current API: say why, and offer to drop a scope restored from an earlier session. */
function scopeUnavailable(ui: QuickInputFactory, current: ExecutionScope | undefined): Promise<StepOutcome<ExecutionScope | undefined>> {
	const why: ScopeItem = {
		label: vscode.l10n.t('Scope filtering is unavailable for this API'),
		detail: vscode.l10n.t('List results of this API carry no steps, so there is no step metadata to filter on.'),
		iconPath: new vscode.ThemeIcon('info'),
		clear: false,
	};
	const clear: ScopeItem = { label: vscode.l10n.t('Remove the scope filter'), iconPath: new vscode.ThemeIcon('clear-all'), clear: true };
	return runQuickPick<ScopeItem, ExecutionScope | undefined>(
		ui,
		{
			title: vscode.l10n.t('Filter Executions: Scope'),
			placeholder: vscode.l10n.t('Scope filtering is unavailable for this API'),
			back: true,
			items: current === undefined ? [why] : [why, clear],
			accept: (selection) => (selection[0]?.clear === true ? undefined : current),
		},
	);
}

/** A quick pick that only shows progress while one probe request answers whether scope can work. */
function probeScope(ui: QuickInputFactory, source: ScopeSupportSource): Promise<StepOutcome<ScopeSupport>> {
	return runQuickPick<vscode.QuickPickItem, ScopeSupport>(
		ui,
		{
			title: vscode.l10n.t('Filter Executions: Scope'),
			placeholder: vscode.l10n.t('Checking whether this API lists executions with their steps…'),
			back: true,
			items: [],
			accept: () => STAY,
			start: (pick, done) => {
				const abort = new AbortController();
				pick.busy = true;
				source.probe(abort.signal).then(done, () => done('unknown'));
				return new vscode.Disposable(() => abort.abort());
			},
		},
	);
}

const MAX_ID = 512;

function scopeBox(ui: QuickInputFactory, which: 'organizationId' | 'documentId', value: string | undefined): Promise<StepOutcome<string>> {
	const step = which === 'organizationId' ? 1 : 2;
	return runInputBox(
		ui,
		{
			title: vscode.l10n.t('Filter Executions: Scope ({0}/2)', step),
			placeholder: which,
			prompt: vscode.l10n.t('{0} to match in the steps\' metadata; leave empty for any', which),
			back: true,
			value: value ?? '',
			validate: (text) => (text.trim().length > MAX_ID ? vscode.l10n.t('An id has at most {0} characters', MAX_ID) : undefined),
		},
	);
}

/** Resolves `done` with the new scope (undefined = none); back from the first box returns to the list. */
export async function pickScope(ui: QuickInputFactory, source: ScopeSupportSource, current: ExecutionScope | undefined): Promise<StepOutcome<ExecutionScope | undefined>> {
	let support = source.known();
	if (support === 'unknown') {
		const probed = await probeScope(ui, source);
		if (probed.kind !== 'done') {
			return probed;
		}
		support = probed.value;
	}
	if (support === 'unavailable') {
		return scopeUnavailable(ui, current);
	}
	let organizationId = current?.organizationId;
	for (;;) {
		const org = await scopeBox(ui, 'organizationId', organizationId);
		if (org.kind !== 'done') {
			return org;
		}
		organizationId = org.value.trim();
		const doc = await scopeBox(ui, 'documentId', current?.documentId);
		if (doc.kind === 'done') {
			return { kind: 'done', value: { organizationId, documentId: doc.value.trim() } };
		}
		if (doc.kind === 'cancel') {
			return doc;
		}
	}
}
