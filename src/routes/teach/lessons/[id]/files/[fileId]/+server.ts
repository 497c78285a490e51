import { idParam, notFound, requireRole } from '$lib/server/auth/guard';
import { database } from '$lib/server/db';
import { readLessonFile } from '$lib/server/curriculum/files';
import type { RequestHandler } from './$types';

/** A lesson's image or handout, only for those who may see the lesson. */
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'teacher', 'department', 'admin');
	const file = await readLessonFile(
		database(),
		user,
		idParam(event.params.id),
		idParam(event.params.fileId)
	);
	if (!file) notFound();
	const name = encodeURIComponent(file.name);
	return new Response(new Uint8Array(file.bytes), {
		headers: {
			'Content-Type': file.type,
			'Content-Disposition': `${file.kind === 'pdf' ? 'attachment' : 'inline'}; filename*=UTF-8''${name}`,
			'Cache-Control': 'private, max-age=3600',
			'Content-Security-Policy': "default-src 'none'; sandbox"
		}
	});
};
