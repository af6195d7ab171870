/**
 * Every command of the extension in one table, read top to bottom. Handlers are one-liners that delegate to
 * the feature that owns the behaviour; `runCommand` is the single error funnel.
 */
import * as vscode from 'vscode';
import type { ExecutionStatus } from '../api/types';
import type { Logger } from '../common/logger';
import { Commands } from '../constants';
import type { ExecutionsModel } from '../executions/executionsModel';
import type { FilterController } from '../filter/filterController';
import type { LiveUpdates } from '../live/liveUpdates';
import { executionIdArgument, statusArgument } from '../tree/commandArgs';
import { loadMoreAndReveal, type ExecutionsView } from '../tree/executionsView';
import { askExecutionId, copyExecutionId, copyExecutionJson, copyExecutionLink, openExecution, type ExecutionCommandDeps } from './executionCommands';
import { runCommand } from './runCommand';

export interface CommandDeps {
	readonly logger: Logger & { show(preserveFocus?: boolean): void };
	readonly model: ExecutionsModel;
	readonly view: ExecutionsView;
	readonly filter: FilterController;
	readonly live: LiveUpdates;
	readonly executions: ExecutionCommandDeps;
	readonly signIn: () => Promise<unknown>;
	readonly signOut: () => Promise<unknown>;
}

function withStatus(arg: unknown, run: (status: ExecutionStatus) => Promise<unknown>): Promise<unknown> {
	const status = statusArgument(arg);
	return status === undefined ? Promise.resolve() : run(status);
}

/** From the palette there is no argument: ask for the id. */
async function withExecution(arg: unknown, run: (executionId: string) => Promise<unknown>): Promise<unknown> {
	const executionId = executionIdArgument(arg) ?? (await askExecutionId());
	return executionId === undefined ? undefined : run(executionId);
}

export function registerCommands(deps: CommandDeps): vscode.Disposable {
	const { logger, model, view, filter, live } = deps;
	const t = vscode.l10n.t;
	return vscode.Disposable.from(
		runCommand(Commands.signIn, t('Sign in failed'), logger, deps.signIn),
		runCommand(Commands.signOut, t('Sign out failed'), logger, deps.signOut),
		runCommand(Commands.refresh, t('Refresh failed'), logger, () => model.refresh()),
		runCommand(Commands.refreshGroup, t('Refresh failed'), logger, (arg: unknown) => withStatus(arg, (s) => model.refresh(s))),
		runCommand(Commands.loadMore, t('Loading more executions failed'), logger, (arg: unknown) => withStatus(arg, (s) => loadMoreAndReveal(view, model, s))),
		runCommand(Commands.reloadGroupFromTop, t('Reloading failed'), logger, (arg: unknown) => withStatus(arg, (s) => model.reloadFromTop(s))),
		runCommand(Commands.retryGroup, t('Retry failed'), logger, (arg: unknown) => withStatus(arg, (s) => model.retry(s))),
		runCommand(Commands.filter, t('Filtering failed'), logger, () => filter.pick()),
		runCommand(Commands.clearFilter, t('Clearing the filter failed'), logger, () => filter.clear()),
		runCommand(Commands.openExecution, t('Opening the execution failed'), logger, (arg: unknown) => openExecution(deps.executions, arg)),
		runCommand(Commands.copyExecutionId, t('Copying the execution id failed'), logger, copyExecutionId),
		runCommand(Commands.copyExecutionLink, t('Copying the link failed'), logger, copyExecutionLink),
		runCommand(Commands.copyExecutionJson, t('Copying the execution failed'), logger, (arg: unknown) => copyExecutionJson(deps.executions, arg)),
		runCommand(Commands.showLogs, t('Showing the logs failed'), logger, () => logger.show(true)),
		runCommand(Commands.watchExecution, t('Watching failed'), logger, (arg: unknown) => withExecution(arg, (id) => live.watch(id))),
		runCommand(Commands.unwatchExecution, t('Unwatching failed'), logger, (arg: unknown) => withExecution(arg, (id) => live.unwatch(id))),
	);
}
