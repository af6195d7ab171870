/** Executions-tree helpers over the UI bridge: find group rows, expand a group like a user would. */
import { click, treeRows } from './ui';
import type { TreeRow } from './ui';
import { waitFor } from './wait';

export function groupRow(rows: readonly TreeRow[], label: string): TreeRow | undefined {
	return rows.find((row) => row.level === 1 && row.label === label);
}

export async function groupDescription(label: string): Promise<string | undefined> {
	return groupRow(await treeRows(), label)?.description;
}

export async function expandGroup(label: string): Promise<void> {
	if (groupRow(await treeRows(), label)?.expanded !== true) {
		await click(`css=[role="tree"][aria-label="Executions"] .monaco-list-row[aria-level="1"][aria-label^="${label}"]`);
	}
	await waitFor(async () => groupRow(await treeRows(), label)?.expanded === true, { message: `${label} expanded` });
}

/** Rows under a group (level 2) in screen order, up to the next group. */
export async function rowsOf(label: string): Promise<TreeRow[]> {
	const rows = await treeRows();
	const start = rows.findIndex((row) => row.level === 1 && row.label === label);
	if (start < 0) {
		return [];
	}
	const end = rows.findIndex((row, i) => i > start && row.level === 1);
	return rows.slice(start + 1, end < 0 ? undefined : end);
}
