/**
 * Every id the extension shares with package.json, in one table. A unit test checks these against the
 * manifest so a rename in one place cannot silently break menus or `when` clauses.
 */
export const EXTENSION_ID = 'velt-workflows.velt-workflow-executions';

export const Views = {
	container: 'veltWorkflows',
	executions: 'veltWorkflows.executions',
} as const;

export const WEBVIEW_VIEW_TYPE = 'veltWorkflows.execution';

export const Commands = {
	signIn: 'veltWorkflows.signIn',
	signOut: 'veltWorkflows.signOut',
	refresh: 'veltWorkflows.refresh',
	filter: 'veltWorkflows.filter',
	clearFilter: 'veltWorkflows.clearFilter',
	openExecution: 'veltWorkflows.openExecution',
	loadMore: 'veltWorkflows.loadMore',
	retryGroup: 'veltWorkflows.retryGroup',
	refreshGroup: 'veltWorkflows.refreshGroup',
	reloadGroupFromTop: 'veltWorkflows.reloadGroupFromTop',
	copyExecutionId: 'veltWorkflows.copyExecutionId',
	copyExecutionJson: 'veltWorkflows.copyExecutionJson',
	copyExecutionLink: 'veltWorkflows.copyExecutionLink',
	showLogs: 'veltWorkflows.showLogs',
	watchExecution: 'veltWorkflows.watchExecution',
	unwatchExecution: 'veltWorkflows.unwatchExecution',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];

export const ContextKeys = {
	signedIn: 'veltWorkflows.signedIn',
	filtered: 'veltWorkflows.filtered',
} as const;

export const CONFIG_SECTION = 'veltWorkflows';

/** Secret keys are suffixed with the normalised base URL so credentials never cross environments. */
export const SecretKeys = {
	apiKeyPrefix: 'veltWorkflows.apiKey:',
	authTokenPrefix: 'veltWorkflows.authToken:',
} as const;

/** Names of the environment variables dev containers and Codespaces use to provide credentials. */
export const EnvCredentials = {
	apiKey: 'VELT_API_KEY',
	authToken: 'VELT_AUTH_TOKEN',
} as const;

export const LOG_CHANNEL_NAME = 'Velt Workflows';
