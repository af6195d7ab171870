import * as assert from 'node:assert/strict';
import { normalizeSettings, type RawSettings } from '../../../src/config/settings';

const defaults: RawSettings = {
	apiBaseUrl: 'https://api.velt.dev',
	pageSize: 50,
	requestTimeoutSeconds: 30,
	pollIntervalSeconds: 15,
	notifyOnFinish: 'watched',
	showStatusBar: false,
};

describe('normalizeSettings', () => {
	it('passes valid values through, converting seconds to milliseconds', () => {
		const { settings, warnings } = normalizeSettings(defaults);
		assert.deepEqual(settings, {
			apiBaseUrl: 'https://api.velt.dev',
			pageSize: 50,
			requestTimeoutMs: 30000,
			pollIntervalMs: 15000,
			notifyOnFinish: 'watched',
			showStatusBar: false,
		});
		assert.deepEqual(warnings, []);
	});

	it('clamps pageSize to 1–500 with a warning', () => {
		assert.equal(normalizeSettings({ ...defaults, pageSize: 0 }).settings.pageSize, 1);
		const high = normalizeSettings({ ...defaults, pageSize: 9000 });
		assert.equal(high.settings.pageSize, 500);
		assert.match(high.warnings[0] ?? '', /pageSize = 9000 .* using 500/);
	});

	it('enforces the poll minimum of 5 s and keeps 0 as off', () => {
		assert.equal(normalizeSettings({ ...defaults, pollIntervalSeconds: 2 }).settings.pollIntervalMs, 5000);
		assert.equal(normalizeSettings({ ...defaults, pollIntervalSeconds: 0 }).settings.pollIntervalMs, 0);
		assert.equal(normalizeSettings({ ...defaults, pollIntervalSeconds: -3 }).settings.pollIntervalMs, 0);
	});

	it('falls back to defaults for wrong types', () => {
		const { settings } = normalizeSettings({
			apiBaseUrl: '  ',
			pageSize: 'many',
			requestTimeoutSeconds: null,
			pollIntervalSeconds: undefined,
			notifyOnFinish: 'sometimes',
			showStatusBar: 'yes',
		});
		assert.equal(settings.apiBaseUrl, 'https://api.velt.dev');
		assert.equal(settings.pageSize, 50);
		assert.equal(settings.requestTimeoutMs, 30000);
		assert.equal(settings.pollIntervalMs, 15000);
		assert.equal(settings.notifyOnFinish, 'watched');
		assert.equal(settings.showStatusBar, false);
	});
});
