/**
 * Owns the filter's life in the UI: restores it from `workspaceState` on start, runs the picker, applies the
 * result to the model (which aborts and restarts the affected groups), and mirrors the model's filter into
 * the `veltWorkflows.filtered` context key, `TreeView.message` and storage. The model is the single source of
 * truth, so a filter set elsewhere is reflected here too.
 */
import * as vscode from 'vscode';
import { EXECUTION_STATUSES } from '../api/types';
import type { VeltApi } from '../api/veltApi';
import { Disposable } from '../common/lifecycle';
import type { Logger } from '../common/logger';
import { ContextKeys } from '../constants';
import type { ExecutionsModel } from '../executions/executionsModel';
import { isFilterActive } from '../executions/filter';
import type { ExecutionsFilter } from '../executions/filter';
import type { DefinitionsSource } from './definitionStep';
import type { ScopeSupportSource } from './facetSteps';
import { pickFilter } from './filterPicker';
import { NO_FILTER, describeFilter, detectScopeSupport, filtersEqual, restoreFilter, serializeFilter } from './filterState';
import type { ScopeSupport } from './filterState';
import type { QuickInputFactory } from './quickInput';

/** The `workspaceState` key the filter is remembered under. */
export const FILTER_STATE_KEY = 'veltWorkflows.filter';

export interface FilterControllerOptions {
	readonly model: Pick<ExecutionsModel, 'filter' | 'setFilter' | 'group' | 'onDidChangeFilter'>;
	/** A `TreeView`, or one part of a shared view message; only `message` is written. */
	readonly treeView: { message: string | undefined };
	readonly memento: Pick<vscode.Memento, 'get' | 'update'>;
	readonly definitions: DefinitionsSource;
	/** For the one-page probe that tells whether list items carry steps (scope filtering). */
	readonly getApi: () => Pick<VeltApi, 'listExecutions'> | undefined;
	readonly logger: Logger;
	/** Defaults to `vscode.window`. */
	readonly ui?: QuickInputFactory;
}

export class FilterController extends Disposable {
	private readonly scopeSupport: ScopeSupportSource;

	constructor(private readonly options: FilterControllerOptions) {
		super();
		this.scopeSupport = { known: () => this.knownScopeSupport(), probe: (signal) => this.probeScopeSupport(signal) };
		this._register(options.model.onDidChangeFilter((filter) => this.reflect(filter)));
		const restored = restoreFilter(options.memento.get<unknown>(FILTER_STATE_KEY));
		if (isFilterActive(restored)) {
			options.logger.info(`Restoring the executions filter: ${describeFilter(restored)}`);
			options.model.setFilter(restored);
		} else {
			this.reflect(options.model.filter);
		}
	}

	get current(): ExecutionsFilter {
		return this.options.model.filter;
	}

	/** **Velt: Filter Executions…** — Esc anywhere in the flow leaves the filter as it was. */
	async pick(): Promise<void> {
		const picked = await pickFilter(
			{
				ui: this.options.ui ?? vscode.window,
				definitions: this.options.definitions,
				scopeSupport: this.scopeSupport,
			},
			this.current,
		);
		if (picked !== undefined) {
			this.apply(picked);
		}
	}

	/** **Velt: Clear Execution Filter** and the view-title button. */
	clear(): void {
		this.apply(NO_FILTER);
	}

	/** Applies a filter unless it means the same as the current one (so nothing reloads needlessly). */
	apply(filter: ExecutionsFilter): void {
		if (!filtersEqual(filter, this.current)) {
			this.options.model.setFilter(filter);
		}
	}

	private reflect(filter: ExecutionsFilter): void {
		const active = isFilterActive(filter);
		const description = describeFilter(filter);
		this.options.treeView.message = active ? description : undefined;
		void vscode.commands.executeCommand('setContext', ContextKeys.filtered, active);
		const stored = active ? serializeFilter(filter) : undefined;
		this.options.memento.update(FILTER_STATE_KEY, stored).then(undefined, (error: unknown) => {
			this.options.logger.warn(`Could not remember the executions filter: ${String(error)}`);
		});
	}

	/** Rows already loaded answer the question for free; with a scope active only matches are kept. */
	private knownScopeSupport(): ScopeSupport {
		const items = EXECUTION_STATUSES.flatMap((status) => this.options.model.group(status).items);
		const support = detectScopeSupport(items);
		return support === 'unavailable' && this.current.scope !== undefined ? 'unknown' : support;
	}

	/** Completed executions have run steps, so one small page of them is the best evidence. */
	private async probeScopeSupport(signal: AbortSignal): Promise<ScopeSupport> {
		const api = this.options.getApi();
		if (api === undefined) {
			return 'unknown';
		}
		try {
			const page = await api.listExecutions({ status: 'completed', pageSize: 10 }, signal);
			return detectScopeSupport(page.items);
		} catch (error) {
			this.options.logger.debug(`Scope support probe failed: ${String(error)}`);
			return 'unknown';
		}
	}
}
