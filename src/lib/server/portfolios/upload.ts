// One way in for a photo, whether it comes from the page's script (fetch, retried) or a plain form.
import type { Conn } from '../db';
import { checkWritable } from './portfolio';
import { MAX_PHOTO_BYTES, processPhoto, storePhoto, type PhotoError } from './photos';
import { checkFile, storeFile } from './files';

export type UploadError = PhotoError | 'closed' | 'step' | 'missing_file';

const statusOf = (e: unknown): unknown =>
	typeof e === 'object' && e !== null
		? ((e as { status?: unknown }).status ?? statusOf((e as { cause?: unknown }).cause))
		: undefined;

/**
 * The form of an upload. A body past the server's limit (adapter-node's BODY_SIZE_LIMIT, 16 MB by
 * scripts/serve.js) fails as it is read, with a 413: that is a photo too large, not a missing one
 * (the pupil was told "choose a photo"). Any other unreadable body is a missing file. Also for a
 * lesson's files (their own `maxBytes`).
 */
export async function readUploadForm(
	request: Request,
	maxBytes = MAX_PHOTO_BYTES
): Promise<{ ok: true; form: FormData } | { ok: false; error: 'too_big' | 'missing_file' }> {
	try {
		return { ok: true, form: await request.formData() };
	} catch (e) {
		const declared = Number(request.headers.get('content-length'));
		const tooBig = statusOf(e) === 413 || declared > maxBytes;
		return { ok: false, error: tooBig ? 'too_big' : 'missing_file' };
	}
}

export async function uploadPhoto(
	db: Conn,
	team: { id: number; assignmentId: number },
	authorId: number,
	input: { stepKey: string; file: unknown; clientKey: string | null; caption: string }
): Promise<{ ok: true; id: number } | { ok: false; error: UploadError }> {
	const bad = await checkWritable(db, team, input.stepKey);
	if (bad === 'closed' || bad === 'step') return { ok: false, error: bad };
	if (!(input.file instanceof File) || input.file.size === 0)
		return { ok: false, error: 'missing_file' };
	const checked = await processPhoto(input.file.name, Buffer.from(await input.file.arrayBuffer()));
	if (!checked.ok) return checked;
	const caption = String(input.caption ?? '')
		.normalize('NFC')
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, 200);
	const id = await storePhoto(db, {
		teamId: team.id,
		stepKey: input.stepKey,
		authorId,
		clientKey: input.clientKey,
		caption,
		photo: checked.photo
	});
	return { ok: true, id };
}

/** A file other than a photo: checked by content, stored as sent. */
export async function uploadFile(
	db: Conn,
	team: { id: number; assignmentId: number },
	authorId: number,
	input: { stepKey: string; file: unknown }
): Promise<{ ok: true; id: number } | { ok: false; error: UploadError }> {
	const bad = await checkWritable(db, team, input.stepKey);
	if (bad === 'closed' || bad === 'step') return { ok: false, error: bad };
	if (!(input.file instanceof File) || input.file.size === 0)
		return { ok: false, error: 'missing_file' };
	const bytes = Buffer.from(await input.file.arrayBuffer());
	const checked = checkFile(input.file.name, bytes);
	if (!checked.ok) return checked;
	const id = await storeFile(db, {
		teamId: team.id,
		stepKey: input.stepKey,
		authorId,
		name: input.file.name,
		kind: checked.kind,
		bytes
	});
	return { ok: true, id };
}
