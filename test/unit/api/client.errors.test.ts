import * as assert from 'node:assert/strict';
import { apiError, useSimulator } from './harness';
import { closedPortUrl, startRawServer } from './rawServer';

describe('VeltClient error mapping against the simulator', () => {
	const h = useSimulator();
	const once = { retry: { retries: 0 } };

	it('maps the documented missing-token reply (INVALID_ARGUMENT "Auth token is required") to auth', async () => {
		h.sim.inject({ kind: 'http', status: 400, apiStatus: 'INVALID_ARGUMENT', message: 'Auth token is required' });
		await assert.rejects(h.client().listExecutions({}), apiError('auth', (e) => assert.equal(e.apiStatus, 'INVALID_ARGUMENT')));
	});

	it('maps 401 UNAUTHENTICATED to auth', async () => {
		h.sim.inject({ kind: 'http', status: 401 });
		await assert.rejects(h.client().listExecutions({}), apiError('auth', (e) => assert.equal(e.httpStatus, 401)));
	});

	it('maps a wrong token, a wrong key and a revoked token to permission', async () => {
		const wrongToken = h.client({ credentials: () => ({ apiKey: 'sim_api_key_0001', authToken: 'not-the-token' }) });
		await assert.rejects(wrongToken.listExecutions({}), apiError('permission', (e) => assert.equal(e.apiStatus, 'PERMISSION_DENIED')));
		const wrongKey = h.client({ credentials: () => ({ apiKey: 'other_key', authToken: 'sim_auth_token_s3cr3t_0001' }) });
		await assert.rejects(wrongKey.getExecution('x'), apiError('permission', (e) => assert.equal(e.httpStatus, 403)));
		h.sim.inject({ kind: 'authRevoked' });
		await assert.rejects(h.client().listExecutions({}), apiError('permission'));
		assert.ok(h.sim.requests.every((r) => r.hadCredentials));
	});

	it('maps an unknown execution to notFound', async () => {
		await assert.rejects(
			h.client().getExecution('exec_0_doesnotexist'),
			apiError('notFound', (e) => assert.deepEqual([e.httpStatus, e.apiStatus], [404, 'NOT_FOUND'])),
		);
	});

	it('maps INVALID_ARGUMENT and FAILED_PRECONDITION to invalidArgument, keeping the server message', async () => {
		await assert.rejects(
			h.client().listExecutions({ pageSize: 0 }),
			apiError('invalidArgument', (e) => assert.deepEqual([e.apiStatus, e.httpStatus], ['INVALID_ARGUMENT', 400])),
		);
		h.sim.inject({ kind: 'http', status: 400, apiStatus: 'FAILED_PRECONDITION', message: 'Version conflict: expected 4, current 5' });
		await assert.rejects(
			h.client().listExecutions({}),
			apiError('invalidArgument', (e) => {
				assert.equal(e.apiStatus, 'FAILED_PRECONDITION');
				assert.match(e.message, /Version conflict: expected 4, current 5/);
			}),
		);
	});

	for (const status of [500, 503, 504]) {
		it(`maps HTTP ${status} to server`, async () => {
			h.sim.inject({ kind: 'http', status });
			await assert.rejects(h.client(once).listExecutions({}), apiError('server', (e) => assert.equal(e.httpStatus, status)));
		});
	}

	it('maps 429 to rateLimited with Retry-After in seconds or as an HTTP-date, capped at 60 s', async () => {
		h.sim.inject({ kind: 'http', status: 429, retryAfter: '7' });
		await assert.rejects(h.client(once).listExecutions({}), apiError('rateLimited', (e) => assert.equal(e.retryAfterMs, 7000)));
		h.sim.inject({ kind: 'http', status: 429, retryAfter: new Date(Date.now() + 3_600_000).toUTCString() });
		await assert.rejects(h.client(once).listExecutions({}), apiError('rateLimited', (e) => assert.equal(e.retryAfterMs, 60_000)));
		h.sim.inject({ kind: 'http', status: 429, retryAfter: new Date(Date.now() + 20_000).toUTCString() });
		await assert.rejects(
			h.client(once).listExecutions({}),
			apiError('rateLimited', (e) => assert.ok(e.retryAfterMs !== undefined && e.retryAfterMs > 10_000 && e.retryAfterMs <= 20_000, String(e.retryAfterMs))),
		);
	});

	it('maps malformed JSON to invalidResponse', async () => {
		h.sim.inject({ kind: 'malformedJson' });
		await assert.rejects(h.client().listExecutions({}), apiError('invalidResponse', (e) => assert.match(e.message, /not valid JSON/)));
		assert.equal(h.sim.requests.length, 1, 'not retried');
	});

	it('maps a wrong shape to invalidResponse naming the field', async () => {
		const items = [{ executionId: 'exec_1', status: 'running' }];
		h.sim.inject({ kind: 'wrongShape', body: { result: { items, nextCursor: null } } });
		await assert.rejects(
			h.client().listExecutions({}),
			apiError('invalidResponse', (e) => {
				assert.equal(e.field, 'result.items[0].startedAt');
				assert.match(e.message, /result\.items\[0\]\.startedAt/);
			}),
		);
		h.sim.inject({ kind: 'wrongShape', body: { data: [] } });
		const id = h.sim.executionIds('running')[0] ?? '';
		await assert.rejects(h.client().getExecution(id), apiError('invalidResponse', (e) => assert.equal(e.field, 'result')));
	});

	it('refuses a body above the size limit', async () => {
		h.sim.inject({ kind: 'hugeBody', bytes: 3 * 1024 * 1024 });
		await assert.rejects(h.client({ maxResponseBytes: 1024 * 1024 }).listExecutions({}), apiError('invalidResponse', (e) => assert.match(e.message, /larger than 1048576 bytes/)));
		h.sim.inject({ kind: 'hugeBody', bytes: 512 * 1024 });
		assert.equal((await h.client({ maxResponseBytes: 1024 * 1024 }).listExecutions({})).done, true, 'below the limit is fine');
	});

	it('maps a connection reset halfway through the body to network', async () => {
		h.sim.inject({ kind: 'resetMidBody' });
		await assert.rejects(h.client(once).listExecutions({}), apiError('network'));
	});
});

describe('VeltClient errors the simulator cannot produce', () => {
	const options = { credentials: () => ({ apiKey: 'k_1234', authToken: 't_5678' }), timeoutMs: 5000, retry: { retries: 0 } };

	it('maps a refused connection to network', async () => {
		const { VeltClient } = await import('../../../src/api/client');
		const client = new VeltClient({ ...options, baseUrl: await closedPortUrl() });
		await assert.rejects(client.listExecutions({}), apiError('network', (e) => assert.match(e.message, /ECONNREFUSED/)));
	});

	it('maps a non-JSON (HTML) error page from a proxy by its HTTP status', async () => {
		const { VeltClient } = await import('../../../src/api/client');
		const server = await startRawServer((_req, res) => {
			res.writeHead(502, { 'content-type': 'text/html' });
			res.end('<html><body>Bad Gateway</body></html>');
		});
		try {
			const client = new VeltClient({ ...options, baseUrl: server.url });
			await assert.rejects(client.listExecutions({}), apiError('server', (e) => assert.ok(e.httpStatus === 502 && !e.message.includes('<html>'))));
		} finally {
			await server.close();
		}
	});

	it('refuses a chunked body once it passes the limit, without Content-Length', async () => {
		const { VeltClient } = await import('../../../src/api/client');
		const server = await startRawServer((_req, res) => {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.write('{"result":{"items":[],"nextCursor":null,"pad":"');
			const chunk = 'x'.repeat(64 * 1024);
			const pump = (): void => {
				while (!res.destroyed && res.write(chunk)) {
					// keep writing until the client stops reading
				}
				if (!res.destroyed) {
					res.once('drain', pump);
				}
			};
			res.on('error', () => undefined);
			pump();
		});
		try {
			const client = new VeltClient({ ...options, baseUrl: server.url, maxResponseBytes: 256 * 1024 });
			await assert.rejects(client.listExecutions({}), apiError('invalidResponse', (e) => assert.match(e.message, /larger than 262144 bytes/)));
		} finally {
			await server.close();
		}
	});

	it('does not follow a redirect (it would carry the credentials elsewhere)', async () => {
		const { VeltClient } = await import('../../../src/api/client');
		const target = await startRawServer((_req, res) => res.end('{"result":{"items":[],"nextCursor":null}}'));
		const redirector = await startRawServer((_req, res) => {
			res.writeHead(307, { location: `${target.url}/v2/workflow/executions/list` });
			res.end();
		});
		try {
			const client = new VeltClient({ ...options, baseUrl: redirector.url });
			await assert.rejects(client.listExecutions({}), apiError('invalidResponse', (e) => assert.equal(e.httpStatus, 307)));
			assert.deepEqual(target.hits, []);
		} finally {
			await Promise.all([target.close(), redirector.close()]);
		}
	});
});
