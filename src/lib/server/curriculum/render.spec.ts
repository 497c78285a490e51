import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render';

const ALLOWED_TAGS = new Set([
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
]);

/** Every tag the output really contains (escaped text such as &lt;script&gt; is not a tag). */
function tags(html: string) {
	return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)\b([^>]*)>/g)].map((m) => ({
		name: m[1].toLowerCase(),
		attrs: m[2]
	}));
}

function expectInert(html: string) {
	for (const t of tags(html)) {
		expect(ALLOWED_TAGS.has(t.name), `tag <${t.name}> in ${html}`).toBe(true);
		expect(t.attrs, html).not.toMatch(/\bon[a-z]+\s*=/i);
		expect(t.attrs, html).not.toMatch(/\bstyle\s*=/i);
		expect(t.attrs, html).not.toMatch(/\bclass\s*=/i);
		expect(t.attrs, html).not.toMatch(/(javascript|vbscript|data)\s*:/i);
		expect(t.attrs, html).not.toMatch(/\bsrc\s*=\s*"(https?:)?\/\//i);
	}
}

describe('renderMarkdown: formatting', () => {
	it('renders the usual Markdown', () => {
		const html = renderMarkdown(
			'# Mục tiêu\n\n**Đậm** và *nghiêng*\n\n- một\n- hai\n\n1. bước\n\n| a | b |\n|---|---|\n| 1 | 2 |'
		);
		expect(html).toContain('<h2>Mục tiêu</h2>'); // h1 is the page title's
		expect(html).toContain('<strong>Đậm</strong>');
		expect(html).toContain('<em>nghiêng</em>');
		expect(html).toContain('<li>hai</li>');
		expect(html).toContain('<ol>');
		expect(html).toContain('<td>2</td>');
	});

	it('keeps safe links, marked nofollow', () => {
		const html = renderMarkdown('[Bộ GD&ĐT](https://moet.gov.vn)');
		expect(html).toContain('href="https://moet.gov.vn"');
		expect(html).toContain('rel="noopener noreferrer nofollow"');
	});

	it('renders inline and display maths with KaTeX', () => {
		const html = renderMarkdown('Vận tốc $v = \\frac{s}{t}$ và\n\n$$P = \\frac{A}{t}$$');
		expect(html).toContain('class="katex"');
		expect(html).toContain('katex-display');
		expect(html).toContain('<mfrac>');
		expect(html).not.toContain('$');
	});

	it('leaves prices and escaped dollars alone', () => {
		expect(renderMarkdown('Giá 5 $ hoặc \\$10')).toContain('5 $ hoặc $10');
		expect(renderMarkdown('Giá 5 $ hoặc \\$10')).not.toContain('katex');
	});

	it('shows a maths typo instead of failing', () => {
		expect(renderMarkdown('$\\frac{1}{$')).toContain('katex');
	});
});

const PAYLOADS = [
	'<script>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'<img src="javascript:alert(1)">',
	'[bấm](javascript:alert(1))',
	'[bấm](JaVaScRiPt:alert(1))',
	'[bấm](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
	'![ảnh](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
	'<iframe src="https://evil.example"></iframe>',
	'<a href="https://ok.example" onclick="alert(1)">x</a>',
	'<div style="position:fixed;top:0;left:0;width:100%;height:100%">giả mạo</div>',
	'<p style="background:url(javascript:alert(1))">x</p>',
	'<svg onload=alert(1)><circle r=10></svg>',
	'<object data="evil.swf"></object><embed src="evil.swf">',
	'<form action="https://evil.example"><input name=p><button>Gửi</button></form>',
	'<style>body{display:none}</style>',
	'<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
	'<a href="vbscript:msgbox(1)">x</a>',
	'<a href="&#106;avascript:alert(1)">x</a>',
	'[x](  javascript:alert(1)  )',
	'<details open ontoggle=alert(1)>',
	'<base href="https://evil.example/">',
	'<meta http-equiv="refresh" content="0;url=https://evil.example">',
	'![t](https://tracker.example/pixel.png)',
	'<p class="site-header">lớp giả</p>',
	'<img src=x:alert(alt) onerror=eval(src) alt=0>'
];

describe('renderMarkdown: hostile input comes out inert', () => {
	it.each(PAYLOADS)('%s', (payload) => {
		const html = renderMarkdown(`Trước\n\n${payload}\n\nSau`);
		expectInert(html);
		expect(html).toContain('Trước');
		expect(html.toLowerCase()).not.toContain('<script');
	});

	it('has at least 15 payloads', () => expect(PAYLOADS.length).toBeGreaterThanOrEqual(15));

	it('KaTeX refuses links and HTML inside maths', () => {
		for (const tex of [
			'$\\href{javascript:alert(1)}{x}$',
			'$\\url{javascript:alert(1)}$',
			'$<img src=x onerror=alert(1)>$',
			'$\\htmlClass{x}{y}$'
		]) {
			const html = renderMarkdown(tex);
			// The source may appear as escaped text (the MathML annotation), never as an attribute or tag.
			for (const t of tags(html))
				expect(t.attrs).not.toMatch(/(href|src)\s*=|\bon[a-z]+\s*=|javascript:/i);
			expect(html).not.toMatch(/<img/i);
			expect(html).not.toMatch(/<a\b/i);
		}
	});
});
