/**
 * The executions tree's nodes: plain data with a `kind` discriminant, mapped to `TreeItem`s in one place
 * (`treeItems.ts`). Node objects are kept stable per id (`nodeCache.ts`) so `TreeView.reveal` and VS Code's
 * expansion and selection state keep working as rows are refreshed; that is why a few fields are mutable.
 */
import type { ExecutionStatus, ExecutionView } from '../api/types';

export interface GroupNode {
	readonly kind: 'group';
	/** `group:<status>` */
	readonly id: string;
	readonly status: ExecutionStatus;
	/** Rows shown, or undefined before the first load. */
	count: number | undefined;
	hasMore: boolean;
}

export interface ExecutionNode {
	readonly kind: 'execution';
	/** `execution:<executionId>` */
	readonly id: string;
	/** The group it is shown in (its most recently fetched status). */
	status: ExecutionStatus;
	execution: ExecutionView;
}

export interface LoadMoreNode {
	readonly kind: 'loadMore';
	/** `loadMore:<status>` */
	readonly id: string;
	readonly status: ExecutionStatus;
}

/** What clicking a message row does; the UI layer maps each to a command. */
export type MessageAction = 'retry' | 'signIn' | 'reloadFromTop' | 'changeFilter';

/** Which message a row is, so its id is stable while its text changes. */
export type MessageCode = 'loading' | 'empty' | 'error' | 'gap' | 'scan';

export interface MessageNode {
	readonly kind: 'message';
	/** `message:<status>:<code>` */
	readonly id: string;
	readonly status: ExecutionStatus;
	readonly code: MessageCode;
	severity: 'info' | 'warning' | 'error';
	text: string;
	action: MessageAction | undefined;
}

export type ExecutionTreeNode = GroupNode | ExecutionNode | LoadMoreNode | MessageNode;
