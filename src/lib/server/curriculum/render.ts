// Lesson text for the lesson page, print view and the editor's preview: maths rendered by KaTeX on the
// server, the rest by the app's Markdown (markdown.ts, the lesson's allowlist).
import { markdownToHtml } from '../markdown';
import katex from 'katex';
import { randomBytes } from 'node:crypto';

const KATEX: katex.KatexOptions = {
	throwOnError: false, // a typo shows in red instead of failing the page
	trust: false, // no \href, \url, \htmlClass...: KaTeX escapes everything else
	strict: 'ignore',
	maxSize: 20,
	maxExpand: 200,
	output: 'htmlAndMathml'
};

const MAX_MATH = 500;

/** Markdown (with $…$ and $$…$$ maths) to safe HTML. */
export function renderMarkdown(source: string): string {
	if (!source) return '';
	const nonce = randomBytes(6).toString('hex');
	const maths: string[] = [];
	const hold = (tex: string, displayMode: boolean) => {
		if (maths.length >= MAX_MATH || tex.length > 2000)
			return displayMode ? `$$${tex}$$` : `$${tex}$`;
		maths.push(katex.renderToString(tex, { ...KATEX, displayMode }));
		return `MATH${nonce}X${maths.length - 1}X`;
	};
	// Display maths first, then inline ($ followed by no space, closing $ preceded by no space;
	// "\$" stays a dollar sign).
	const text = source
		.replace(/\$\$([\s\S]+?)\$\$/g, (_, tex: string) => hold(tex.trim(), true))
		.replace(
			/(^|[^\\$])\$(?!\s)([^$\n]+?)(?<![\s\\])\$/g,
			(_, pre: string, tex: string) => pre + hold(tex, false)
		)
		.replace(/\\\$/g, '$');
	const html = markdownToHtml(text, 'lesson');
	// KaTeX's own HTML goes in after the sanitizer: it is generated, not user-written.
	return html.replace(
		new RegExp(`MATH${nonce}X(\\d+)X`, 'g'),
		(_, i: string) => maths[Number(i)] ?? ''
	);
}
