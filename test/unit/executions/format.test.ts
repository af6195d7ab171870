import * as assert from 'node:assert/strict';
import {
	describeExecutionTiming,
	executionDuration,
	formatDuration,
	formatRelative,
	formatRelativeWords,
	formatTimestamp,
	statusLabel,
} from '../../../src/executions/format';
import { escapeMarkdown } from '../../../src/executions/markdown';
import { anExecution } from './builders';

const NOW = Date.UTC(2026, 7, 19, 12, 0, 0);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('format', () => {
	it('says relative times compactly, treating small clock skew as now', () => {
		assert.equal(formatRelative(NOW - 2 * SECOND, NOW), 'just now');
		assert.equal(formatRelative(NOW + 30 * SECOND, NOW), 'just now');
		assert.equal(formatRelative(NOW - 42 * SECOND, NOW), '42s ago');
		assert.equal(formatRelative(NOW - 3 * MINUTE - 59 * SECOND, NOW), '3m ago');
		assert.equal(formatRelative(NOW - 5 * HOUR, NOW), '5h ago');
		assert.equal(formatRelative(NOW - 12 * DAY, NOW), '12d ago');
		assert.equal(formatRelative(NOW - 800 * DAY, NOW), '2y ago');
		assert.equal(formatRelative(NOW + 2 * HOUR, NOW), 'in 2h');
	});

	it('says relative times in words for screen readers', () => {
		assert.equal(formatRelativeWords(NOW - 3 * MINUTE, NOW), '3 minutes ago');
		assert.equal(formatRelativeWords(NOW - HOUR, NOW), '1 hour ago');
		assert.equal(formatRelativeWords(NOW - 1000, NOW), 'just now');
		assert.equal(formatRelativeWords(NOW + 2 * DAY, NOW), 'in 2 days');
	});

	it('formats durations with the two largest units', () => {
		assert.equal(formatDuration(-5), '0s');
		assert.equal(formatDuration(0), '0s');
		assert.equal(formatDuration(450), '450ms');
		assert.equal(formatDuration(13 * SECOND), '13s');
		assert.equal(formatDuration(2 * MINUTE + 13 * SECOND), '2m 13s');
		assert.equal(formatDuration(2 * MINUTE + 3 * SECOND), '2m 03s');
		assert.equal(formatDuration(HOUR + 2 * MINUTE + 9 * SECOND), '1h 02m');
		assert.equal(formatDuration(3 * DAY + 4 * HOUR + 5 * MINUTE), '3d 4h');
		assert.equal(formatDuration(Number.NaN), '0s');
	});

	it('formats absolute times in UTC, and bad input as empty', () => {
		assert.equal(formatTimestamp(NOW), '2026-08-19 12:00:00 UTC');
		assert.equal(formatTimestamp(Number.NaN), '');
	});

	it('names statuses in words', () => {
		assert.deepEqual(
			(['pending', 'running', 'completed', 'failed', 'cancelled'] as const).map(statusLabel),
			['Pending', 'Running', 'Completed', 'Failed', 'Cancelled'],
		);
	});

	it('times running executions up to now and finished ones up to their end', () => {
		const running = anExecution({ status: 'running', startedAt: NOW - 2 * MINUTE - 13 * SECOND });
		assert.equal(describeExecutionTiming(running, NOW), '2m ago · 2m 13s');
		const done = anExecution({ status: 'completed', startedAt: NOW - 3 * MINUTE, completedAt: NOW - MINUTE });
		assert.equal(describeExecutionTiming(done, NOW), '3m ago · 2m 00s');
		const cancelled = anExecution({ status: 'cancelled', startedAt: NOW - HOUR, cancelledAt: NOW - HOUR + 5 * SECOND });
		assert.equal(executionDuration(cancelled, NOW), 5 * SECOND);
		const unknownEnd = anExecution({ status: 'failed', startedAt: NOW - HOUR });
		assert.equal(describeExecutionTiming(unknownEnd, NOW), '1h ago', 'no end time, no invented duration');
	});
});

describe('escapeMarkdown', () => {
	it('leaves plain words alone', () => {
		assert.equal(escapeMarkdown('Approval 42 ok'), 'Approval 42 ok');
	});

	it('neutralises links, images, HTML, emphasis, code, headings and theme icons', () => {
		assert.equal(escapeMarkdown('[x](command:evil)'), '\\[x\\]\\(command\\:evil\\)');
		assert.equal(escapeMarkdown('![i](https://e.vil/p.png)'), '\\!\\[i\\]\\(https\\:\\/\\/e\\.vil\\/p\\.png\\)');
		assert.equal(escapeMarkdown('<img src=x onerror=alert(1)>'), '\\<img src\\=x onerror\\=alert\\(1\\)\\>');
		assert.equal(escapeMarkdown('*a* _b_ `c` ~d~'), '\\*a\\* \\_b\\_ \\`c\\` \\~d\\~');
		assert.equal(escapeMarkdown('# title'), '\\# title');
		assert.equal(escapeMarkdown('$(alert) &amp;'), '\\$\\(alert\\) \\&amp\\;');
		assert.equal(escapeMarkdown('a\\b'), 'a\\\\b');
	});

	it('keeps one field on one line and drops control characters', () => {
		assert.equal(escapeMarkdown('one\r\n\ntwo\u2028three'), 'one two three');
		assert.equal(escapeMarkdown('a\u0000b\tc\u007f'), 'a b c ');
	});

	it('escapes every ASCII punctuation character, so nothing it returns has an unescaped one', () => {
		const punctuation = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
		const escaped = escapeMarkdown(punctuation);
		assert.equal(escaped, [...punctuation].map((c) => `\\${c}`).join(''));
	});
});
