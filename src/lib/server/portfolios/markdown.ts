// Pupils write Markdown (a problem, a table of measurements, what they changed); the server turns it
// into HTML once, on the way in, and keeps only harmless tags.
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: true, async: false });

const OPTIONS: sanitizeHtml.IOptions = {
	allowedTags: [
		'p',
		'br',
		'strong',
		'em',
		'del',
		'ul',
		'ol',
		'li',
		'blockquote',
		'code',
		'pre',
		'h3',
		'h4',
		'h5',
		'hr',
		'table',
		'thead',
		'tbody',
		'tr',
		'th',
		'td',
		'a'
	],
	allowedAttributes: { a: ['href', 'rel', 'target'], th: ['align'], td: ['align'] },
	allowedSchemes: ['http', 'https'],
	transformTags: {
		h1: 'h3',
		h2: 'h3',
		a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener', target: '_blank' })
	}
};

export function renderMarkdown(md: string): string {
	return sanitizeHtml(marked.parse(md) as string, OPTIONS);
}
