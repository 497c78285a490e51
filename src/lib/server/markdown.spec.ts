import { describe, expect, it } from 'vitest';
import { markdownToHtml } from './markdown';

describe('Markdown by whose text it is', () => {
	it('keeps a pupil’s tables and links (opening apart), and drops images and scripts', () => {
		const html = markdownToHtml(
			'| lần | giây |\n|---|---|\n| 1 | 12 |\n\n[xem](https://vi.wikipedia.org) ![a](https://x.test/a.png)<script>alert(1)</script>',
			'pupil'
		);
		expect(html).toContain('<td>12</td>');
		expect(html).toContain('target="_blank"');
		expect(html).not.toContain('<img');
		expect(html).not.toContain('script');
	});

	it('lets a task show an inline picture, never a link to a data: page or a script', () => {
		const html = markdownToHtml(
			'![rô-bốt](data:image/png;base64,iVBORw0KGgo=) [mở](data:text/html,<b>x</b>) [bấm](javascript:alert(1))',
			'task'
		);
		expect(html).toContain('<img src="data:image/png;base64,iVBORw0KGgo="');
		expect(html).not.toMatch(/href="(data|javascript):/);
	});

	it('shows a lesson’s images from this site only, and no event handlers', () => {
		const html = markdownToHtml(
			'![sơ đồ](/media/lessons/1/a.png) ![ngoài](https://tracker.test/p.png) <img src="/x.png" onerror="alert(1)">',
			'lesson'
		);
		expect(html).toContain('src="/media/lessons/1/a.png"');
		expect(html).not.toContain('tracker.test');
		expect(html).not.toContain('onerror');
	});
});
