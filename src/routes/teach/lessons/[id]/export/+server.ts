import { idParam, notFound, requireTeacher } from '$lib/server/auth/guard';
import { database } from '$lib/server/db';
import * as lessons from '$lib/server/curriculum/lessons';
import { exportFileName, exportLesson } from '$lib/server/curriculum/exchange';
import type { RequestHandler } from './$types';

/** The lesson as one Markdown file with front matter, to carry on a USB stick or send by e-mail. */
export const GET: RequestHandler = async (event) => {
	const user = requireTeacher(event);
	const lesson = await lessons.getVisibleLesson(database(), idParam(event.params.id), user);
	if (!lesson) notFound();
	const name = exportFileName(lesson.title);
	const author =
		lesson.originalAuthor ??
		(lesson.authorName ? [lesson.authorName, lesson.schoolName].filter(Boolean).join(', ') : null);
	return new Response(exportLesson(lesson.content, author), {
		headers: {
			'Content-Type': 'text/markdown; charset=utf-8',
			'Content-Disposition': `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`
		}
	});
};
