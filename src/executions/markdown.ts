/**
 * Escaping for API text placed in Markdown (tree tooltips). The API is not trusted: a definition id or a
 * failure reason must never turn into a link, an image, an HTML tag, a heading or a `$(icon)`. CommonMark
 * lets every ASCII punctuation character be backslash-escaped, so we escape all of them; that also stops
 * GFM autolinks (`https\:\/\/…` is no longer a URL). Line breaks collapse to spaces so one field cannot
 * start a new block.
 */

const ASCII_PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;
const LINE_BREAKS = /[\r\n\u2028\u2029]+/g;
// Other C0/C1 controls (tabs included) are invisible noise in a tooltip.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\t]/g;

export function escapeMarkdown(text: string): string {
	return text
		.replace(LINE_BREAKS, ' ')
		.replace(CONTROLS, ' ')
		.replace(ASCII_PUNCTUATION, (char) => `\\${char}`);
}
