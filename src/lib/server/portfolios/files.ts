// Other portfolio files: recognised by content like photos (a PDF starts with %PDF-, an Office file is
// a zip holding its own folder, a text file is valid UTF-8 without control bytes), at most 15 MB.
// They are kept as sent and only ever served as downloads.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Conn } from '../db';
import type { PortfolioFileKind } from '../db/types';
import { hasControlChar, uploadsRoot, MAX_PHOTO_BYTES } from './photos';

export const MAX_FILE_BYTES = MAX_PHOTO_BYTES;
export type FileError = 'name' | 'empty' | 'too_big' | 'type';

export const FILE_TYPES: Record<PortfolioFileKind, string> = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	txt: 'text/plain; charset=utf-8',
	csv: 'text/csv; charset=utf-8'
};

/** One extension from the list, no path, no second extension. */
export function fileKindOfName(name: string): PortfolioFileKind | null {
	const n = name.normalize('NFC');
	if (
		!n ||
		n.length > 200 ||
		/[/\\]/.test(n) ||
		hasControlChar(n) ||
		n.includes('..') ||
		n.startsWith('.')
	)
		return null;
	const parts = n.split('.');
	if (parts.length !== 2) return null;
	const ext = parts[1].toLowerCase();
	return ext in FILE_TYPES ? (ext as PortfolioFileKind) : null;
}

const OFFICE_FOLDER: Partial<Record<PortfolioFileKind, string>> = {
	docx: 'word/',
	xlsx: 'xl/',
	pptx: 'ppt/'
};

/** Does the content match the kind the name claims? */
export function contentMatches(kind: PortfolioFileKind, bytes: Buffer): boolean {
	if (kind === 'pdf') return bytes.subarray(0, 5).toString('latin1') === '%PDF-';
	if (kind in OFFICE_FOLDER) {
		const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
		return (
			zip &&
			bytes.includes(Buffer.from('[Content_Types].xml')) &&
			bytes.includes(Buffer.from(OFFICE_FOLDER[kind]!))
		);
	}
	// txt, csv: UTF-8 text, no NUL or other control bytes besides tab and line ends; not HTML.
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return false;
	}
	if (hasStrayControlChar(text)) return false;
	return !/^\s*<(!doctype|html|svg|script|\?xml)/i.test(text);
}

/** A control character other than tab (9), line feed (10) and carriage return (13). */
function hasStrayControlChar(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return true;
	}
	return false;
}

export function checkFile(
	name: string,
	bytes: Buffer
): { ok: true; kind: PortfolioFileKind } | { ok: false; error: FileError } {
	const kind = fileKindOfName(name);
	if (!kind) return { ok: false, error: 'name' };
	if (bytes.length === 0) return { ok: false, error: 'empty' };
	if (bytes.length > MAX_FILE_BYTES) return { ok: false, error: 'too_big' };
	if (!contentMatches(kind, bytes)) return { ok: false, error: 'type' };
	return { ok: true, kind };
}

const pathOf = (stored: string) => join(uploadsRoot(), 'files', stored);

export async function storeFile(
	db: Conn,
	input: {
		teamId: number;
		stepKey: string;
		authorId: number;
		name: string;
		kind: PortfolioFileKind;
		bytes: Buffer;
	},
	now = Date.now()
): Promise<number> {
	const stored = randomBytes(16).toString('hex');
	await mkdir(join(uploadsRoot(), 'files'), { recursive: true });
	await writeFile(pathOf(stored), input.bytes);
	try {
		const row = await db
			.insertInto('portfolio_files')
			.values({
				team_id: input.teamId,
				step_key: input.stepKey,
				author_id: input.authorId,
				name: input.name.normalize('NFC'),
				kind: input.kind,
				stored_name: stored,
				bytes: input.bytes.length,
				created_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		return row.id;
	} catch (e) {
		await rm(pathOf(stored), { force: true });
		throw e;
	}
}

export async function getFile(db: Conn, id: number) {
	return db.selectFrom('portfolio_files').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function readStoredFile(stored: string): Promise<Buffer | null> {
	if (!/^[0-9a-f]{32}$/.test(stored)) return null;
	try {
		return await readFile(pathOf(stored));
	} catch {
		return null;
	}
}
