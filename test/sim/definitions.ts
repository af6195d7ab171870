/**
 * Builds `DefinitionView` records (velt-api.md §3.4) from the catalog: nodes, authored edges, groups and the
 * server-derived `compiled` block, with explicit nulls where the real API returns them.
 */
import type { DefinitionSpec, NodeSpec } from './catalog';
import type { Prng } from './prng';

type Endpoint = string | { kind: 'group'; groupId: string };
interface Edge {
	from: Endpoint;
	to: Endpoint;
	on: string;
}

export interface SimDefinition {
	readonly definitionId: string;
	readonly updatedAt: number;
	readonly view: Readonly<Record<string, unknown>>;
}

const DAY = 86_400_000;

export function buildDefinitions(specs: readonly DefinitionSpec[], prng: Prng, now: number): SimDefinition[] {
	const out = specs.map((spec) => {
		const createdAt = now - prng.int(60, 200) * DAY - prng.int(0, DAY);
		const updatedAt = now - prng.int(1, 45) * DAY - prng.int(0, DAY);
		return { definitionId: spec.definitionId, updatedAt, view: definitionView(spec, createdAt, updatedAt) };
	});
	return out.sort((a, b) => b.updatedAt - a.updatedAt || (a.definitionId < b.definitionId ? 1 : -1));
}

function definitionView(spec: DefinitionSpec, createdAt: number, updatedAt: number): Record<string, unknown> {
	const edges = authoredEdges(spec);
	const groups = spec.stages.flatMap((s) =>
		s.group === undefined
			? []
			: [{ groupId: s.group.groupId, memberNodeIds: s.nodes.map((n) => n.nodeId), expectedSteps: s.nodes.length, quorum: s.group.quorum, onQuorumMet: 'waitAll' }],
	);
	return {
		definitionId: spec.definitionId,
		name: spec.name,
		description: spec.description,
		version: spec.version,
		scope: scopeView(spec),
		nodes: [...spec.stages.flatMap((s) => s.nodes), spec.rejectNode].map(nodeView),
		edges,
		groups: groups.length > 0 ? groups : null,
		compiled: { forwardEdges: compile(spec, edges), loops: [] },
		triggers: null,
		tags: spec.tags.length > 0 ? [...spec.tags] : null,
		custom: null,
		createdAt,
		updatedAt,
		status: 'active',
	};
}

function scopeView(spec: DefinitionSpec): Record<string, unknown> {
	return {
		level: spec.scope,
		organizationId: spec.scope === 'apiKey' ? null : 'org_acme',
		documentId: spec.scope === 'document' ? 'doc_launch_plan' : null,
	};
}

function nodeView(node: NodeSpec): Record<string, unknown> {
	const view: Record<string, unknown> = { nodeId: node.nodeId, type: node.type, config: structuredClone(node.config) };
	if (node.name !== undefined) {
		view.name = node.name;
	}
	return view;
}

function endpointOf(spec: DefinitionSpec, stageIndex: number): Endpoint {
	const stage = spec.stages[stageIndex];
	if (stage === undefined) {
		throw new Error(`no stage ${stageIndex}`);
	}
	return stage.group !== undefined ? { kind: 'group', groupId: stage.group.groupId } : (stage.nodes[0]?.nodeId ?? '');
}

function authoredEdges(spec: DefinitionSpec): Edge[] {
	const edges: Edge[] = [];
	for (let i = 0; i + 1 < spec.stages.length; i++) {
		const from = spec.stages[i];
		const gated = from?.group !== undefined || from?.nodes[0]?.type === 'human';
		edges.push({ from: endpointOf(spec, i), to: endpointOf(spec, i + 1), on: gated ? 'approve' : 'always' });
	}
	for (const stage of spec.stages) {
		for (const node of stage.nodes.filter((n) => n.type === 'human')) {
			edges.push({ from: node.nodeId, to: spec.rejectNode.nodeId, on: 'reject' });
		}
	}
	return edges;
}

function members(spec: DefinitionSpec, e: Endpoint): { ids: string[]; groupId?: string } {
	if (typeof e === 'string') {
		return { ids: [e] };
	}
	const stage = spec.stages.find((s) => s.group?.groupId === e.groupId);
	return { ids: stage?.nodes.map((n) => n.nodeId) ?? [], groupId: e.groupId };
}

function compile(spec: DefinitionSpec, edges: readonly Edge[]): Record<string, unknown>[] {
	const out: Record<string, unknown>[] = [];
	for (const edge of edges) {
		const from = members(spec, edge.from);
		const to = members(spec, edge.to);
		for (const f of from.ids) {
			for (const t of to.ids) {
				const when = edge.on === 'approve' || edge.on === 'reject' ? { op: 'eq', args: [{ var: 'output.decision' }, edge.on] } : null;
				const compiled: Record<string, unknown> = { from: f, to: t, role: edge.on, when };
				if (from.groupId !== undefined) {
					compiled.fromGroupId = from.groupId;
				}
				if (to.groupId !== undefined) {
					compiled.toGroupId = to.groupId;
				}
				out.push(compiled);
			}
		}
	}
	return out;
}
