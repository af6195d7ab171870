import * as assert from 'node:assert/strict';
import { checkBaseUrl, endpointUrl } from '../../../src/api/baseUrl';

function accepted(raw: string): URL {
	const result = checkBaseUrl(raw);
	assert.ok(result.ok, `expected ${raw} to be accepted`);
	return result.url;
}

function refused(raw: string): string {
	const result = checkBaseUrl(raw);
	assert.ok(!result.ok, `expected ${raw} to be refused`);
	return result.message;
}

describe('checkBaseUrl', () => {
	it('accepts https hosts, with or without trailing slashes and path prefixes', () => {
		assert.equal(accepted('https://api.velt.dev').href, 'https://api.velt.dev/');
		assert.equal(accepted('https://api.velt.dev///').href, 'https://api.velt.dev/');
		assert.equal(accepted('  https://gw.example.com/velt/ ').pathname, '/velt');
	});

	it('accepts plain http only for loopback hosts', () => {
		for (const raw of ['http://127.0.0.1:8787', 'http://127.5.6.7/', 'http://localhost:3000', 'http://LOCALHOST', 'http://[::1]:9000/']) {
			accepted(raw);
		}
		for (const raw of ['http://api.velt.dev', 'http://10.0.0.1', 'http://[::2]', 'http://localhost.evil.com', 'http://128.0.0.1']) {
			assert.match(refused(raw), /https/);
		}
	});

	it('refuses unparseable URLs and other schemes', () => {
		assert.match(refused('api.velt.dev'), /not a valid URL/);
		assert.match(refused(''), /not a valid URL/);
		assert.match(refused('ftp://api.velt.dev'), /https/);
		assert.match(refused('file:///etc/passwd'), /https/);
	});

	it('refuses user info, query and fragment without echoing a password', () => {
		const message = refused('https://user:hunter2@api.velt.dev');
		assert.match(message, /user name or password/);
		assert.ok(!message.includes('hunter2'));
		assert.ok(!refused('https://user:hunter2@api velt dev').includes('hunter2'));
		assert.match(refused('https://api.velt.dev/?x=1'), /query/);
		assert.match(refused('https://api.velt.dev/#top'), /fragment/);
	});

	it('joins endpoints without double slashes', () => {
		assert.equal(endpointUrl(accepted('https://api.velt.dev/'), 'executions/list').href, 'https://api.velt.dev/v2/workflow/executions/list');
		assert.equal(endpointUrl(accepted('http://127.0.0.1:9/prefix//'), 'executions/get').href, 'http://127.0.0.1:9/prefix/v2/workflow/executions/get');
	});
});
