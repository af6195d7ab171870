import * as assert from 'node:assert/strict';
import type { ApiError } from '../../../src/api/errors';
import type { Credentials } from '../../../src/api/types';
import { SIM_API_KEY, SIM_AUTH_TOKEN } from '../../sim/api';
import { apiError, useSimulator } from './harness';

describe('VeltClient credentials, logging and URL policy', () => {
	const h = useSimulator();

	it('keeps echoed credentials out of error messages and the log', async () => {
		const echo = `token ${SIM_AUTH_TOKEN} is not registered for key ${SIM_API_KEY}`;
		h.sim.inject({ kind: 'http', status: 403, apiStatus: 'PERMISSION_DENIED', message: echo });
		h.sim.inject({ kind: 'http', status: 503, message: echo });
		h.sim.inject({ kind: 'http', status: 400, apiStatus: SIM_AUTH_TOKEN, message: echo });
		const badStatus = { executionId: 'exec_1', status: SIM_API_KEY, startedAt: 1, definitionId: 'd', definitionVersion: 1 };
		h.sim.inject({ kind: 'wrongShape', body: { result: { items: [badStatus], nextCursor: null } } });
		const errors: ApiError[] = [];
		for (let i = 0; i < 4; i++) {
			await h.client({ retry: { retries: 0 } }).listExecutions({}).catch((e: unknown) => errors.push(e as ApiError));
		}
		assert.deepEqual(errors.map((e) => e.kind), ['permission', 'server', 'invalidArgument', 'invalidResponse']);
		for (const error of errors) {
			const text = `${error.message} ${String(error.apiStatus)} ${String(error.field)}`;
			assert.ok(!text.includes(SIM_AUTH_TOKEN) && !text.includes(SIM_API_KEY), text);
		}
		assert.match(errors[0]?.message ?? '', /not registered/, 'the rest of the server message is kept');
		assert.ok(!h.logger.all.includes(SIM_AUTH_TOKEN) && !h.logger.all.includes(SIM_API_KEY), h.logger.all);
	});

	it('logs one debug line per attempt (method, path, status, ms, attempt) and never bodies or headers', async () => {
		h.sim.inject({ kind: 'http', status: 503, message: 'server-side detail text' });
		await h.client({ baseUrl: `${h.sim.url}/` }).listExecutions({ status: 'failed', pageSize: 3 });
		const debug = h.logger.of('debug');
		assert.equal(debug.length, 2);
		assert.match(debug[0] ?? '', /^POST \/v2\/workflow\/executions\/list 503 \d+ ms \(attempt 1\)$/);
		assert.match(debug[1] ?? '', /^POST \/v2\/workflow\/executions\/list 200 \d+ ms \(attempt 2\)$/);
		assert.match(h.logger.of('warn')[0] ?? '', /executions\/list failed \(server, HTTP 503\); retry 1 of 3/);
		for (const forbidden of ['server-side detail text', 'exec_', 'x-velt', 'failed"', 'pageSize']) {
			assert.ok(!h.logger.all.includes(forbidden), `log contains ${forbidden}: ${h.logger.all}`);
		}
	});

	it('refuses an insecure base URL without asking for credentials or sending anything', async () => {
		let asked = 0;
		const credentials = (): Credentials => {
			asked++;
			return { apiKey: SIM_API_KEY, authToken: SIM_AUTH_TOKEN };
		};
		for (const baseUrl of [`http://0.0.0.0:${h.sim.port}`, 'http://api.velt.dev', `ftp://127.0.0.1:${h.sim.port}`, 'not a url']) {
			const client = h.client({ baseUrl, credentials });
			await assert.rejects(client.listExecutions({}), apiError('insecureUrl'));
			await assert.rejects(client.cancelExecution('x'), apiError('insecureUrl'));
		}
		assert.deepEqual([asked, h.sim.requests.length], [0, 0]);
	});

	it('accepts loopback aliases over http', async () => {
		const page = await h.client({ baseUrl: `http://localhost:${h.sim.port}//` }).listExecutions({ pageSize: 1 });
		assert.equal(page.items.length, 1);
	});

	it('fails with auth, without sending, when no usable credentials are stored', async () => {
		const providers: (() => Credentials | undefined | Promise<Credentials | undefined>)[] = [
			() => undefined,
			async () => undefined,
			() => ({ apiKey: '', authToken: SIM_AUTH_TOKEN }),
			() => ({ apiKey: SIM_API_KEY, authToken: '  ' }),
			() => ({ apiKey: SIM_API_KEY, authToken: 'line\nbreak' }),
			() => {
				throw new Error('keychain locked');
			},
		];
		for (const credentials of providers) {
			await assert.rejects(h.client({ credentials }).listExecutions({}), apiError('auth'));
		}
		assert.equal(h.sim.requests.length, 0);
	});

	it('reads the credentials on every call, so a later sign-in takes effect', async () => {
		// eslint-disable-next-line prefer-const -- assigned below, after the client captured it
		let stored: Credentials | undefined;
		const client = h.client({ credentials: () => stored });
		await assert.rejects(client.listExecutions({}), apiError('auth'));
		stored = { apiKey: SIM_API_KEY, authToken: `${SIM_AUTH_TOKEN}\n` };
		assert.equal((await client.listExecutions({ pageSize: 1 })).items.length, 1, 'surrounding whitespace is trimmed');
		assert.equal(h.sim.requests.length, 1);
	});
});
