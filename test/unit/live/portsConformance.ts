/**
 * Compile-time check that the real collaborators satisfy the live-update ports (type-only imports: nothing
 * here runs). If another feature changes a signature the ports rely on, `tsc` fails here.
 */
import type * as vscode from 'vscode';
import type { VeltApi } from '../../../src/api/veltApi';
import type { ExecutionsModel } from '../../../src/executions/executionsModel';
import type { LiveTreeView, LiveUpdatesDeps } from '../../../src/live/liveUpdates';
import type { LiveApiPort, LiveModelPort, LivePanelsPort, WatchListPort } from '../../../src/live/ports';
import type { WatchList } from '../../../src/live/watchList';
import type { ExecutionsTreeProvider } from '../../../src/tree/executionsTreeProvider';
import type { ExecutionTreeNode } from '../../../src/tree/nodes';
import type { ExecutionPanels } from '../../../src/webview/executionPanels';

type Satisfies<Port, Real extends Port> = Real;

export type ModelConforms = Satisfies<LiveModelPort, ExecutionsModel>;
export type PanelsConform = Satisfies<LivePanelsPort, ExecutionPanels>;
export type ApiConforms = Satisfies<LiveApiPort, VeltApi>;
export type WatchListConforms = Satisfies<WatchListPort, WatchList>;
export type TreeConforms = Satisfies<NonNullable<LiveUpdatesDeps['tree']>, ExecutionsTreeProvider>;
export type TreeViewConforms = Satisfies<LiveTreeView, vscode.TreeView<ExecutionTreeNode>>;
