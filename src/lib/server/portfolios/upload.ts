// One way in for a photo, whether it comes from the page's script (fetch, retried) or a plain form.
import type { Conn } from '../db';
import { checkWritable } from './portfolio';
import { processPhoto, storePhoto, type PhotoError } from './photos';
import { checkFile, storeFile } from './files';

export type UploadError = PhotoError | 'closed' | 'step' | 'missing_file';

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
