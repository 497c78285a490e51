// Every Markdown the app shows, in one place: marked, then sanitize-html with the allowlist of who wrote
// it and where it is shown. Rendered on the server only; pages insert the result as it is.
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/**
 * Whose text: a pupil's portfolio entry (no images, links open apart), an exercise's task (images,
 * also inline data: images, from the exercise editor) or a lesson plan (images from this site only).
 */
export type MarkdownSource = 'pupil' | 'task' | 'lesson';

// Pupils write a problem, a table of measurements, what they changed.
const PUPIL: sanitizeHtml.IOptions = {
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

const TASK: sanitizeHtml.IOptions = {
	allowedTags: sanitizeHtml.defaults.allowedTags.concat(['img']),
	allowedAttributes: { a: ['href'], img: ['src', 'alt', 'width', 'height'] },
	allowedSchemes: ['https', 'http'],
	// A picture may come inline with the task; a link never opens a data: page.
	allowedSchemesByTag: { img: ['https', 'http', 'data'] }
};

// Only what a lesson plan needs. No style, no class, no event handlers, no frames, no forms, no SVG.
const LESSON: sanitizeHtml.IOptions = {
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
LESSON.allowedAttributes = {
	...(LESSON.allowedAttributes as object),
	a: ['href', 'title', 'rel']
};

const withBreaks = new Marked({ gfm: true, breaks: true, async: false });
const plain = new Marked({ gfm: true, async: false });

const POLICIES: Record<MarkdownSource, { parser: Marked; sanitize: sanitizeHtml.IOptions }> = {
	pupil: { parser: withBreaks, sanitize: PUPIL },
	task: { parser: plain, sanitize: TASK },
	lesson: { parser: withBreaks, sanitize: LESSON }
};

/** Markdown to HTML that is safe to insert, by the allowlist of `source`. */
export function markdownToHtml(markdown: string, source: MarkdownSource): string {
	const { parser, sanitize } = POLICIES[source];
	return sanitizeHtml(parser.parse(markdown) as string, sanitize);
}
