/**
 * The local Velt API simulator: a real HTTP server on 127.0.0.1 speaking the `/v2/workflow/*` callable
 * envelope, with seeded data, both contract variants and fault injection (see `api.ts`).
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { SIM_API_KEY, SIM_AUTH_TOKEN } from './api';
import type { ContractVariant, Fault, RecordedRequest, SimExecutionPatch, Simulator, SimulatorOptions } from './api';
import { DEFAULT_COUNTS, Generator } from './data';
import { applyPageFault, FaultQueue, PageMemory, queryKey } from './faults';
import { ApiFailure, HANDLERS } from './handlers';
import type { Handler } from './handlers';
import { defaultMessage, errorBody, readBody, statusForHttp, writeJson } from './http';
import { toExecutionView } from './model';
import { checkAuth, hasCredentials, parseEnvelope, REVOKED_MESSAGE } from './request';
import { Responder, Sleeper } from './responses';
import { SimStore } from './store';

const PREFIX = '/v2/workflow/';
const PAGED = new Set(['executions/list', 'executions/getEvents', 'definitions/list']);

type Record_ = Record<string, unknown>;

class SimulatorImpl implements Simulator {
	url = '';
	port = 0;
	variant: ContractVariant;
	readonly requests: RecordedRequest[] = [];
	private readonly faults = new FaultQueue();
	private readonly memory = new PageMemory();
	private readonly sockets = new Set<Socket>();
	private readonly sleeper = new Sleeper();
	private readonly server: Server;
	private revoked = false;
	private closed = false;

	constructor(
		private readonly options: SimulatorOptions,
		private readonly store: SimStore,
	) {
		this.variant = options.variant ?? 'current';
		this.server = createServer((req, res) => {
			this.onRequest(req, res).catch(() => {
				if (!res.headersSent && !res.destroyed) {
					writeJson(res, 500, errorBody('INTERNAL', 'INTERNAL'));
				}
			});
		});
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
	}

	async listen(port: number): Promise<void> {
		await new Promise<void>((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, '127.0.0.1', () => resolve());
		});
		const address = this.server.address();
		this.port = typeof address === 'object' && address !== null ? address.port : port;
		this.url = `http://127.0.0.1:${this.port}`;
	}

	private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const at = Date.now();
		const path = (req.url ?? '/').split('?')[0] ?? '/';
		const parsed = parseEnvelope(req, await readBody(req));
		const reply = new Responder(res, (status) => {
			this.requests.push({ path, data: parsed.data, hadCredentials: hasCredentials(req), status, at });
		});
		await this.sleeper.sleep(this.options.latencyMs ?? 0);
		const endpoint = path.startsWith(PREFIX) ? path.slice(PREFIX.length) : '';
		if (HANDLERS[endpoint] === undefined) {
			return reply.error('NOT_FOUND', 'Not Found');
		}
		if (!parsed.ok) {
			return reply.error(parsed.error.apiStatus, parsed.error.message);
		}
		const credentials = { apiKey: this.options.apiKey ?? SIM_API_KEY, authToken: this.options.authToken ?? SIM_AUTH_TOKEN };
		const auth = checkAuth(req, credentials, this.revoked);
		if (auth !== undefined) {
			return reply.error(auth.apiStatus, auth.message);
		}
		return this.serve(path, endpoint, parsed.data, reply);
	}

	/** Runs faults and the endpoint for an authenticated, well-formed request. */
	private async serve(path: string, endpoint: string, data: Record_, reply: Responder): Promise<void> {
		await this.sleeper.sleep(this.faults.takeLatency(path, data));
		const fault = this.faults.take(path, data);
		if (fault?.kind === 'authRevoked') {
			this.revoked = true;
			return reply.error('PERMISSION_DENIED', REVOKED_MESSAGE);
		}
		if (fault?.kind === 'http') {
			const apiStatus = fault.apiStatus ?? statusForHttp(fault.status);
			const headers: Record<string, string> = fault.retryAfter !== undefined ? { 'retry-after': fault.retryAfter } : {};
			return reply.raw(fault.status, errorBody(apiStatus, fault.message ?? defaultMessage(apiStatus)), headers);
		}
		let result: Record_;
		try {
			result = (HANDLERS[endpoint] as Handler)({ store: this.store, variant: this.variant, cursorMode: this.options.cursorMode ?? 'inclusive' }, data);
		} catch (error) {
			return error instanceof ApiFailure ? reply.error(error.apiStatus, error.message, error.details) : reply.error('INTERNAL', 'INTERNAL');
		}
		if (PAGED.has(endpoint)) {
			const key = queryKey(path, data);
			result = fault === undefined ? result : applyPageFault(fault, result, this.memory.previous(key), data);
			this.memory.remember(key, result);
		}
		reply.success(fault, JSON.stringify({ result }));
	}

	clearRequests(): void {
		this.requests.length = 0;
	}

	inject(fault: Fault): void {
		this.faults.add(fault);
	}

	clearFaults(): void {
		this.faults.clear();
	}

	restoreAuth(): void {
		this.revoked = false;
	}

	resetForTest(variant: ContractVariant = 'current'): void {
		this.clearFaults();
		this.clearRequests();
		this.restoreAuth();
		this.memory.clear();
		this.variant = variant;
	}

	executionIds(status?: string): string[] {
		return this.store.list(status).map((e) => e.executionId);
	}

	execution(id: string): unknown {
		const e = this.store.get(id);
		return e === undefined ? undefined : toExecutionView(e, this.variant, true);
	}

	updateExecution(id: string, patch: SimExecutionPatch): void {
		this.store.update(id, patch);
	}

	addExecution(init: { status: SimExecutionPatch['status']; definitionId?: string; startedAt?: number }): string {
		return this.store.add(init.status ?? 'running', init.startedAt ?? Date.now(), init.definitionId).executionId;
	}

	async close(): Promise<void> {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.sleeper.cancelAll();
		for (const socket of this.sockets) {
			socket.destroy();
		}
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
}

/** Starts a simulator on 127.0.0.1 (`port` 0 or absent = a free port) with a freshly generated data set. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
	const counts = { ...DEFAULT_COUNTS, ...options.counts };
	const generator = new Generator({ seed: options.seed ?? 42, counts, lean: options.lean ?? false, now: options.now ?? Date.now() });
	const data = generator.generate();
	const sim = new SimulatorImpl(options, new SimStore(generator, data.definitions, data.executions));
	await sim.listen(options.port ?? 0);
	return sim;
}
