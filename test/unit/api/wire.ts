/**
 * Builders and fast-check arbitraries for wire-shaped JSON (what the API sends), used by the validator tests.
 */
import * as fc from 'fast-check';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function aWireStep(overrides: Record<string, Json> = {}): Record<string, Json> {
	return {
		stepId: 'step_agent-draft_1777374504300_lwofay',
		nodeId: 'agent-draft',
		nodeType: 'agent',
		status: 'completed',
		groupId: null,
		startedAt: 1777374504364,
		completedAt: 1777374620000,
		output: { decision: 'approve' },
		error: null,
		...overrides,
	};
}

export function aWireExecution(overrides: Record<string, Json> = {}): Record<string, Json> {
	return {
		executionId: 'exec_1777374504255_xzy43k9q',
		status: 'running',
		startedAt: 1777374504364,
		completedAt: null,
		cancelledAt: null,
		definitionId: 'marketing-copy-approval',
		definitionVersion: 1,
		correlationId: 'corr_campaign_42',
		idempotencyKey: 'campaign-42-dispatch',
		failureReason: null,
		steps: [],
		...overrides,
	};
}

export function anEvent(seq: number, overrides: Record<string, Json> = {}): Record<string, Json> {
	return {
		eventId: `evt_${seq}`,
		seq,
		type: 'step.completed',
		stepId: 'step_a',
		timestamp: 1777374620000 + seq,
		correlationId: 'corr_x',
		data: { decision: 'approve' },
		...overrides,
	};
}

export function envelope(result: Json): { result: Json } {
	return { result };
}

const timestamp = fc.integer({ min: 0, max: 4_102_444_800_000 });
const nullableTimestamp = fc.option(timestamp, { nil: null });
const nonEmpty = fc.string({ minLength: 1, maxLength: 12 });
const errorInfo = fc.option(fc.record({ code: fc.string(), message: fc.string() }), { nil: null });
const object = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, {
	maxKeys: 4,
});

export const wireStep: fc.Arbitrary<Record<string, Json>> = fc
	.record({
		stepId: nonEmpty,
		nodeId: fc.string(),
		nodeType: fc.constantFrom('agent', 'human', 'notification', 'webhook', 'future-type'),
		status: fc.constantFrom('pending', 'running', 'waiting', 'completed', 'failed', 'skipped', 'breached'),
		groupId: fc.option(fc.string(), { nil: null }),
		startedAt: nullableTimestamp,
		completedAt: nullableTimestamp,
		output: object,
		error: errorInfo,
		metadata: object,
		attempts: fc.nat(),
	}, { requiredKeys: ['stepId', 'nodeId', 'nodeType', 'status'] });

export const wireExecution: fc.Arbitrary<Record<string, Json>> = fc
	.record({
		executionId: nonEmpty,
		status: fc.constantFrom('pending', 'running', 'completed', 'failed', 'cancelled'),
		startedAt: timestamp,
		completedAt: nullableTimestamp,
		cancelledAt: nullableTimestamp,
		definitionId: fc.string(),
		definitionVersion: fc.nat(),
		correlationId: fc.option(fc.string(), { nil: null }),
		idempotencyKey: fc.option(fc.string(), { nil: null }),
		failureReason: errorInfo,
		steps: fc.array(wireStep, { maxLength: 3 }),
	}, { requiredKeys: ['executionId', 'status', 'startedAt', 'definitionId', 'definitionVersion'] });

/** Either contract variant: the current one (`nextCursor` only) or the seed one (with `hasMore`). */
export const wireExecutionsPage: fc.Arbitrary<Record<string, Json>> = fc.record(
	{
		items: fc.array(wireExecution, { maxLength: 4 }),
		nextCursor: fc.option(fc.oneof(fc.string(), fc.integer()), { nil: null }),
		hasMore: fc.boolean(),
	},
	{ requiredKeys: ['items'] },
);

export const wireEventsPage: fc.Arbitrary<Record<string, Json>> = fc.record(
	{
		executionId: nonEmpty,
		events: fc.array(
			fc.record({
				eventId: nonEmpty,
				seq: fc.nat(),
				type: fc.string(),
				stepId: fc.option(fc.string(), { nil: null }),
				timestamp,
				correlationId: fc.option(fc.string(), { nil: null }),
				data: fc.option(object, { nil: null }),
			}, { requiredKeys: ['eventId', 'seq', 'type', 'timestamp'] }),
			{ maxLength: 4 },
		),
		nextCursor: fc.option(fc.nat(), { nil: null }),
		hasMore: fc.boolean(),
	},
	{ requiredKeys: ['executionId', 'events'] },
);

export const wireDefinitionsPage: fc.Arbitrary<Record<string, Json>> = fc.record(
	{
		items: fc.array(
			fc.record({
				definitionId: nonEmpty,
				name: fc.string(),
				description: fc.option(fc.string(), { nil: null }),
				version: fc.nat(),
				updatedAt: nullableTimestamp,
				nodes: fc.constant<Json[]>([]),
			}, { requiredKeys: ['definitionId', 'name', 'version'] }),
			{ maxLength: 4 },
		),
		nextCursor: fc.option(fc.nat(), { nil: null }),
	},
	{ requiredKeys: ['items'] },
);
