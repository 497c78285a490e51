// A lesson's long fields rendered once on the server, for the page, the print view and review.
import type { LessonContent, RenderedLesson } from '$lib/curriculum/lesson';
import { renderMarkdown } from './render';

export type { RenderedLesson };

export function renderLesson(c: LessonContent): RenderedLesson {
	return {
		overview: renderMarkdown(c.overview),
		aims: {
			knowledge: renderMarkdown(c.aims.knowledge),
			competencies: renderMarkdown(c.aims.competencies),
			qualities: renderMarkdown(c.aims.qualities)
		},
		activities: c.activities.map((a) => ({
			aims: renderMarkdown(a.aims),
			content: renderMarkdown(a.content),
			product: renderMarkdown(a.product),
			organisation: renderMarkdown(a.organisation)
		})),
		criteria: c.criteria.map((k) => renderMarkdown(k.description)),
		safety: renderMarkdown(c.safety ?? ''),
		worksheets: (c.worksheets ?? []).map((w) => renderMarkdown(w.body))
	};
}
