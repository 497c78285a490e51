// An Excel file as a download: the response, and the page a busy workbook pool answers with.
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { Busy, Overrun } from '../workers/pool';

/** Awaits a workbook being written; when the pool is busy (or the writing overran) a 503 page says to try again. */
export async function awaitWorkbook(file: Promise<Uint8Array>): Promise<Uint8Array> {
	try {
		return await file;
	} catch (e) {
		if (e instanceof Busy || e instanceof Overrun) error(503, { message: m.load_busy_page() });
		throw e;
	}
}

export function xlsxResponse(body: Uint8Array, fileName: string): Response {
	return new Response(body as Uint8Array<ArrayBuffer>, {
		headers: {
			'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'Content-Disposition': `attachment; filename="${fileName}"`
		}
	});
}
