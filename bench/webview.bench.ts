/**
 * Execution panel render time in the real client, in Debian's headless Chromium (the Chromium test harness):
 * from posting the `execution` message to the first frame painted after it (double `requestAnimationFrame`),
 * measured inside the page. Includes the structured clone of the message, the full DOM build and layout.
 *
 * Target: median under 300 ms for a 300-step execution with a 1 MB output. The 5-step execution is the
 * baseline the ratio is taken against.
 */
import type { ExecutionView } from '../src/api/types';
import { largeExecution, realisticEvents, realisticExecution } from '../test/webview/builders';
import { WebviewHarness } from '../test/webview/harness';
import type { PanelPage } from '../test/webview/harness';
import type { PageEvent, PageWindow } from '../test/webview/pageTypes';
import { executionMessage } from '../test/webview/setup';
import { median, round } from './stats';
import type { BenchResult } from './types';

const WARMUP = 3;
const RUNS = 15;
const TARGET_MS = 300;

/** Times one render of the message parked in `window.__benchMessage`, in the page. */
function renderOnce(): Promise<number> {
	const w = globalThis as unknown as PageWindow & { __benchMessage: unknown };
	return new Promise<number>((resolve) => {
		const start = w.performance.now();
		// Registered after the client's listener, so it runs once the client has rendered synchronously.
		const onMessage = (_event: PageEvent): void => {
			w.removeEventListener('message', onMessage);
			w.requestAnimationFrame(() => w.requestAnimationFrame(() => resolve(w.performance.now() - start)));
		};
		w.addEventListener('message', onMessage);
		w.postMessage(w.__benchMessage, '*');
	});
}

async function measure(panel: PanelPage, execution: ExecutionView): Promise<number[]> {
	const message = executionMessage(execution, { events: realisticEvents() });
	await panel.page.evaluate((m) => {
		(globalThis as unknown as { __benchMessage: unknown }).__benchMessage = m;
	}, message);
	const samples: number[] = [];
	for (let i = 0; i < WARMUP + RUNS; i++) {
		const ms = await panel.page.evaluate(renderOnce);
		if (i >= WARMUP) {
			samples.push(ms);
		}
	}
	return samples;
}

export async function run(): Promise<BenchResult[]> {
	const harness = await WebviewHarness.start();
	try {
		const panel = await harness.open();
		const small = median(await measure(panel, realisticExecution()));
		const largeSamples = await measure(panel, largeExecution());
		const large = median(largeSamples);
		const steps = await panel.page.locator('li.step').count();
		if (steps !== 300) {
			throw new Error(`the large fixture rendered ${steps} steps, not 300`);
		}
		const note = `median of ${RUNS} renders after ${WARMUP} warm-ups, headless Chromium, post → double rAF`;
		return [
			{ name: 'webview first paint, 5 steps', value: round(small, 1), unit: 'ms', note },
			{
				name: 'webview first paint, 300 steps + 1 MB output',
				value: round(large, 1),
				unit: 'ms',
				baseline: round(small, 1),
				ratio: round(large / small, 1),
				target: `< ${TARGET_MS} ms`,
				pass: large < TARGET_MS,
				note: `${note}; worst ${round(Math.max(...largeSamples), 1)} ms`,
			},
		];
	} finally {
		await harness.close();
	}
}
