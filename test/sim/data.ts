/**
 * Deterministic seeded data set: definitions plus executions of every status with realistic timestamps,
 * `startedAt` ties placed on common page boundaries (10, 50, …) so clients meet overlapping pages, and
 * (unless `lean`) steps and events consistent with the final status. Generation is O(n) per execution.
 */
import { DEFINITIONS, findDefinition } from './catalog';
import { buildDefinitions } from './definitions';
import type { SimDefinition } from './definitions';
import { EXEC_STATUSES } from './model';
import type { ErrorInfo, ExecStatus, SimExecution } from './model';
import { Prng } from './prng';
import { buildTimeline } from './timeline';

export const DEFAULT_COUNTS: Readonly<Record<ExecStatus, number>> = { pending: 7, running: 23, completed: 263, failed: 61, cancelled: 19 };

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** [newest age, oldest age] of `startedAt` per status. */
const WINDOWS: Readonly<Record<ExecStatus, readonly [number, number]>> = {
	pending: [5_000, 2 * HOUR],
	running: [30_000, 3 * DAY],
	completed: [10 * MIN, 30 * DAY],
	failed: [10 * MIN, 30 * DAY],
	cancelled: [10 * MIN, 30 * DAY],
};
const ORGS = ['org_acme', 'org_globex', 'org_initech'] as const;
const DOCS = ['doc_spring_campaign', 'doc_msa_2026', 'doc_pricing_page', 'doc_launch_plan', 'doc_q3_invoice', 'doc_homepage_hero'] as const;
const TOPICS = ['campaign', 'contract', 'release', 'invoice', 'asset', 'audit'] as const;
const LEAN_FAILURES: readonly ErrorInfo[] = [
	{ code: 'step-failed', message: 'Step webhook-cms failed: Webhook answered HTTP 502 after 4 attempts' },
	{ code: 'step-breached', message: 'Step human-counsel breached: No decision within the 48 h SLA' },
	{ code: 'step-failed', message: 'Step agent-scan failed: urlPath "assetUrl" did not resolve to a URL in triggerContext' },
];

export interface DataSetOptions {
	readonly seed: number;
	readonly counts: Readonly<Record<ExecStatus, number>>;
	readonly lean: boolean;
	readonly now: number;
}

export interface DataSet {
	readonly definitions: SimDefinition[];
	readonly executions: SimExecution[];
}

/** Generator state shared with `addExecution` so later executions come from the same PRNG stream. */
export class Generator {
	readonly prng: Prng;
	private readonly ids = new Set<string>();

	constructor(readonly options: DataSetOptions) {
		this.prng = new Prng(options.seed);
	}

	generate(): DataSet {
		const definitions = buildDefinitions(DEFINITIONS, this.prng, this.options.now);
		const executions: SimExecution[] = [];
		for (const status of EXEC_STATUSES) {
			for (const startedAt of this.startTimes(status, this.options.counts[status])) {
				executions.push(this.create(status, startedAt));
			}
		}
		return { definitions, executions };
	}

	/** Descending start times (O(n), no sort), with ties straddling multiples of 10 and 50. */
	private startTimes(status: ExecStatus, n: number): number[] {
		const [newest, oldest] = WINDOWS[status];
		const meanGap = Math.max(2, Math.floor((oldest - newest) / Math.max(n, 1)));
		const times: number[] = [];
		let t = this.options.now - newest - this.prng.int(0, meanGap);
		for (let i = 0; i < n; i++) {
			times.push(t);
			t -= this.prng.int(1, 2 * meanGap);
		}
		for (let b = 10; b < n; b += b < 100 ? 10 : 50) {
			// A pair straddling b-1|b; at odd multiples of 50 a triple b-2..b, so an inclusive cursor
			// (`startedAt <= last`) repeats two rows of the previous page.
			const from = b % 50 === 0 && (b / 50) % 2 === 1 ? b - 2 : b - 1;
			for (let i = from + 1; i <= b; i++) {
				times[i] = times[from] as number;
			}
		}
		return times;
	}

	create(status: ExecStatus, startedAt: number, definitionId?: string): SimExecution {
		const p = this.prng;
		const spec = (definitionId !== undefined ? findDefinition(definitionId) : undefined) ?? p.pick(DEFINITIONS);
		const topic = p.pick(TOPICS);
		const e: SimExecution = {
			executionId: this.newId(startedAt),
			status,
			startedAt,
			completedAt: null,
			cancelledAt: null,
			definitionId: definitionId ?? spec.definitionId,
			definitionVersion: p.chance(0.7) ? spec.version : p.int(1, spec.version),
			correlationId: `corr_${topic}_${p.int(1, 9999)}`,
			idempotencyKey: p.chance(0.6) ? `${topic}-${p.int(1000, 99999)}-dispatch` : `idem_${p.alnum(16)}`,
			failureReason: null,
			organizationId: p.pick(ORGS),
			documentId: p.pick(DOCS),
			steps: [],
			events: [],
			lastSeq: 0,
		};
		if (this.options.lean) {
			this.leanEnding(e);
		} else {
			buildTimeline(e, spec, p, Math.max(this.options.now, startedAt + 5000));
		}
		return e;
	}

	private newId(startedAt: number): string {
		for (;;) {
			const id = `exec_${startedAt - this.prng.int(20, 150)}_${this.prng.alnum(8)}`;
			if (!this.ids.has(id)) {
				this.ids.add(id);
				return id;
			}
		}
	}

	private leanEnding(e: SimExecution): void {
		const end = Math.min(e.startedAt + this.prng.int(3 * MIN, 2 * DAY), this.options.now);
		if (e.status === 'completed' || e.status === 'failed') {
			e.completedAt = end;
		} else if (e.status === 'cancelled') {
			e.cancelledAt = end;
		}
		if (e.status === 'failed') {
			e.failureReason = { ...this.prng.pick(LEAN_FAILURES) };
		}
	}
}
