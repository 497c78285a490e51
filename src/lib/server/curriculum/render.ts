// The one Markdown renderer of lesson text, for the lesson page, print view and the editor's
// preview: marked, then an allowlist sanitizer, with maths rendered by KaTeX on the server.
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import katex from 'katex';
import { randomBytes } from 'node:crypto';

const marked = new Marked({ gfm: true, breaks: true, async: false });

// Only what a lesson plan needs. No style, no class, no event handlers, no frames, no forms, no SVG.
const SANITIZE: sanitizeHtml.IOptions = {
	allowedTags: [
		'p',
		'br',
		'hr',
		'h2',
		'h3',
		'h4',
		'h5',
		'h6',
		'strong',
		'em',
		'b',
		'i',
		'u',
		's',
		'del',
		'sub',
		'sup',
		'code',
		'pre',
		'blockquote',
		'ul',
		'ol',
		'li',
		'table',
		'thead',
		'tbody',
		'tr',
		'th',
		'td',
		'a',
		'img'
	],
	allowedAttributes: {
		a: ['href', 'title'],
		img: ['src', 'alt', 'title'],
		ol: ['start'],
		th: ['align'],
		td: ['align']
	},
	allowedSchemes: ['http', 'https', 'mailto'],
	// Images only from this site (the lesson's own files), never data: or another host that could track.
	allowedSchemesByTag: { img: [] },
	allowProtocolRelative: false,
	disallowedTagsMode: 'discard',
	transformTags: {
		h1: 'h2', // the page's h1 is the lesson's title
		a: (tagName, attribs) => ({
			tagName,
			attribs: { ...attribs, rel: 'noopener noreferrer nofollow' }
		})
	},
	allowedSchemesAppliedToAttributes: ['href', 'src', 'cite']
};
SANITIZE.allowedAttributes = {
	...(SANITIZE.allowedAttributes as object),
	a: ['href', 'title', 'rel']
};

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
	const html = sanitizeHtml(marked.parse(text) as string, SANITIZE);
	// KaTeX's own HTML goes in after the sanitizer: it is generated, not user-written.
	return html.replace(
		new RegExp(`MATH${nonce}X(\\d+)X`, 'g'),
		(_, i: string) => maths[Number(i)] ?? ''
	);
}
