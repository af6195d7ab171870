/**
 * Puts steps in execution order and derives their nesting from the deterministic step ids (velt-api.md §3.3):
 * `<parentStepId>__to__<childNodeId>` is a child of its parent step, `group_<groupId>__to__<childNodeId>` a
 * child of that group's members. The API does not say how it orders `steps[]`, so we never rely on it.
 * Shared by host and client: no DOM, no Node.
 */
import type { StepView } from '../api/types';

export interface OrderedStep {
	readonly step: StepView;
	/** 0 for roots; parents that are not in the list count as absent. */
	readonly depth: number;
}

const EDGE = '__to__';
const GROUP_PREFIX = 'group_';

/** Started steps first (oldest first), never-started ones last; ties by step id, so the order is stable. */
export function compareSteps(a: StepView, b: StepView): number {
	const aStart = a.startedAt ?? Number.POSITIVE_INFINITY;
	const bStart = b.startedAt ?? Number.POSITIVE_INFINITY;
	if (aStart !== bStart) {
		return aStart < bStart ? -1 : 1;
	}
	return a.stepId < b.stepId ? -1 : a.stepId > b.stepId ? 1 : 0;
}

export function parentStepId(stepId: string): string | undefined {
	const at = stepId.lastIndexOf(EDGE);
	return at > 0 ? stepId.slice(0, at) : undefined;
}

export function orderSteps(steps: readonly StepView[]): OrderedStep[] {
	const byId = new Map(steps.map((s) => [s.stepId, s]));
	const membersByGroup = new Map<string, StepView[]>();
	for (const step of steps) {
		if (step.groupId !== null) {
			const members = membersByGroup.get(step.groupId) ?? [];
			members.push(step);
			membersByGroup.set(step.groupId, members);
		}
	}
	const depths = new Map<string, number>();
	const visiting = new Set<string>();
	const depthOf = (step: StepView): number => {
		const known = depths.get(step.stepId);
		if (known !== undefined) {
			return known;
		}
		if (visiting.has(step.stepId)) {
			return 0; // a cycle through group membership: odd data, never a hang
		}
		visiting.add(step.stepId);
		const depth = parentDepth(step.stepId, byId, membersByGroup, depthOf);
		visiting.delete(step.stepId);
		depths.set(step.stepId, depth);
		return depth;
	};
	return [...steps].sort(compareSteps).map((step) => ({ step, depth: depthOf(step) }));
}

function parentDepth(
	stepId: string,
	byId: ReadonlyMap<string, StepView>,
	membersByGroup: ReadonlyMap<string, readonly StepView[]>,
	depthOf: (step: StepView) => number,
): number {
	const parentId = parentStepId(stepId);
	if (parentId === undefined) {
		return 0;
	}
	const parent = byId.get(parentId);
	if (parent !== undefined) {
		return depthOf(parent) + 1;
	}
	if (parentId.startsWith(GROUP_PREFIX)) {
		const members = membersByGroup.get(parentId.slice(GROUP_PREFIX.length)) ?? [];
		const memberDepths = members.filter((m) => m.stepId !== stepId).map(depthOf);
		return (memberDepths.length > 0 ? Math.max(...memberDepths) : 0) + 1;
	}
	return 0;
}
