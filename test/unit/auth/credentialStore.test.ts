import * as assert from 'node:assert/strict';
import { CredentialStore, normalizeBaseUrl, type SecretStore } from '../../../src/auth/credentialStore';
import { Emitter } from '../../../src/common/event';
import { nullLogger } from '../../../src/common/logger';

/** An in-memory SecretStorage with VS Code's change semantics, plus a switch to make it fail. */
class MemorySecrets implements SecretStore {
	readonly data = new Map<string, string>();
	failReads = false;
	private readonly changed = new Emitter<{ key: string }>();
	readonly onDidChange = this.changed.event;

	get(key: string): Promise<string | undefined> {
		return this.failReads ? Promise.reject(new Error('keychain locked')) : Promise.resolve(this.data.get(key));
	}
	store(key: string, value: string): Promise<void> {
		this.data.set(key, value);
		this.changed.fire({ key });
		return Promise.resolve();
	}
	delete(key: string): Promise<void> {
		this.data.delete(key);
		this.changed.fire({ key });
		return Promise.resolve();
	}
}

describe('CredentialStore', () => {
	const pair = { apiKey: 'key-1', authToken: 'token-1' };

	it('stores, reads and clears both values per base URL', async () => {
		const secrets = new MemorySecrets();
		const store = new CredentialStore(secrets, {}, nullLogger);
		await store.set('https://api.velt.dev', pair);
		assert.deepEqual(await store.get('https://api.velt.dev/'), { ...pair, source: 'secretStorage' });
		assert.equal(secrets.data.size, 2);
		await store.clear('https://API.velt.dev');
		assert.equal(await store.get('https://api.velt.dev'), undefined);
		assert.equal(secrets.data.size, 0);
	});

	it('keeps credentials of different base URLs apart', async () => {
		const store = new CredentialStore(new MemorySecrets(), {}, nullLogger);
		await store.set('http://127.0.0.1:8787', pair);
		assert.equal(await store.get('https://api.velt.dev'), undefined);
		assert.equal((await store.get('http://127.0.0.1:8787'))?.authToken, 'token-1');
	});

	it('falls back to the environment only when both variables are set, and never stores them', async () => {
		const secrets = new MemorySecrets();
		const env = { VELT_API_KEY: ' env-key ', VELT_AUTH_TOKEN: 'env-token' };
		const store = new CredentialStore(secrets, env, nullLogger);
		assert.deepEqual(await store.get('https://api.velt.dev'), { apiKey: 'env-key', authToken: 'env-token', source: 'environment' });
		assert.equal(secrets.data.size, 0);
		const half = new CredentialStore(secrets, { VELT_API_KEY: 'k' }, nullLogger);
		assert.equal(await half.get('https://api.velt.dev'), undefined);
	});

	it('prefers stored credentials over the environment', async () => {
		const store = new CredentialStore(new MemorySecrets(), { VELT_API_KEY: 'e', VELT_AUTH_TOKEN: 'e' }, nullLogger);
		await store.set('https://api.velt.dev', pair);
		assert.equal((await store.get('https://api.velt.dev'))?.source, 'secretStorage');
	});

	it('treats an unreadable secret storage as signed out and logs without the secret', async () => {
		const secrets = new MemorySecrets();
		const warnings: string[] = [];
		const store = new CredentialStore(secrets, {}, { ...nullLogger, warn: (m: string) => void warnings.push(m) });
		await store.set('https://api.velt.dev', pair);
		secrets.failReads = true;
		assert.equal(await store.get('https://api.velt.dev'), undefined);
		assert.equal(warnings.length, 1);
		assert.ok(!warnings[0]?.includes('token-1'));
	});

	it('reports changes of credential keys only', async () => {
		const secrets = new MemorySecrets();
		const store = new CredentialStore(secrets, {}, nullLogger);
		const seen: string[] = [];
		store.onDidChange((e) => seen.push(e.key));
		await secrets.store('other.extension.key', 'x');
		await store.set('https://api.velt.dev', pair);
		assert.deepEqual(seen, ['veltWorkflows.apiKey:https://api.velt.dev', 'veltWorkflows.authToken:https://api.velt.dev']);
	});

	it('normalises base URLs', () => {
		assert.equal(normalizeBaseUrl('HTTPS://Api.Velt.dev///'), 'https://api.velt.dev');
		assert.equal(normalizeBaseUrl('http://127.0.0.1:8787/'), 'http://127.0.0.1:8787');
	});
});

describe('CredentialStore after sign-out', () => {
	it('ignores environment credentials once told to, until allowed again', async () => {
		const store = new CredentialStore(new MemorySecrets(), { VELT_API_KEY: 'k', VELT_AUTH_TOKEN: 't' }, nullLogger);
		store.ignoreEnvironment(true);
		assert.equal(await store.get('https://api.velt.dev'), undefined);
		store.ignoreEnvironment(false);
		assert.equal((await store.get('https://api.velt.dev'))?.source, 'environment');
	});
});
