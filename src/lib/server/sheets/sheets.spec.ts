import { afterAll, describe, expect, test } from 'vitest';
import { turnsDuring } from '../workers/turns.testing';
import JSZip from 'jszip';
import { parseRosterFile } from '../classes/roster-import';
import { Busy } from '../workers/pool';
import { MAX_UNPACKED_BYTES, readFirstSheet, sheetName, writeBook, type Book } from './book';
import { unpackedSize } from './zip-size';
import { closeSheetsPool, readOffThread, writeOffThread } from './pool';

afterAll(closeSheetsPool);

/** A province-sized export: 12 sheets of 2,000 rows. */
function bigBook(): Book {
	const used = new Set<string>();
	return {
		fast: true,
		sheets: Array.from({ length: 12 }, (_, s) => ({
			name: sheetName(`Bảng ${s}: theo xã/phường`, used),
			widths: [36, 16],
			rows: [
				{ cells: ['Xã', 'Học sinh', 'Tỉ lệ'], bold: true },
				...Array.from({ length: 2000 }, (_, i) => ({ cells: [`Xã số ${i}`, i, '< 10'] }))
			]
		}))
	};
}

/** A valid .xlsx whose first sheet unzips to ~120 MB of rows: 200 KB on disk. */
async function zipBomb(): Promise<Uint8Array> {
	const zip = await JSZip.loadAsync(
		await writeBook({ sheets: [{ name: 'Lop', widths: [20], rows: [{ cells: ['Họ và tên'] }] }] })
	);
	const row = '<row><c t="inlineStr"><is><t>Nguyễn Văn An</t></is></c></row>';
	const rows = row.repeat(Math.ceil(120_000_000 / row.length));
	zip.file(
		'xl/worksheets/sheet1.xml',
		`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`
	);
	return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('workbooks off the request thread', { timeout: 180_000 }, () => {
	test('a workbook written in a worker reads back with the same cells, dates included', async () => {
		const born = new Date(Date.UTC(2014, 8, 2));
		const bytes = await writeOffThread({
			sheets: [
				{
					name: 'Lớp 6A1',
					widths: [28, 16],
					rows: [
						{ cells: ['Họ và tên', 'Ngày sinh', 'Số sao'], bold: true },
						{ cells: ['Hoàng Thị Mai', born, 7] },
						{ cells: ['Lăng Văn Tú', null, '< 10'] }
					]
				}
			]
		});
		expect(await readOffThread(bytes)).toEqual([
			['Họ và tên', 'Ngày sinh', 'Số sao'],
			['Hoàng Thị Mai', born, 7],
			['Lăng Văn Tú', null, '< 10']
		]);
	});

	test('writing a province-sized export leaves the request thread turning', async () => {
		const { value, turns } = await turnsDuring(writeOffThread(bigBook()));
		expect((await readFirstSheet(value)) as unknown[]).toHaveLength(2001);
		expect(turns).toBeGreaterThan(20);
	});

	test('a zip bomb is stopped before it is parsed, off the request thread: unreadable, and the next list is read', async () => {
		const bomb = await zipBomb();
		expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
		const { value, turns } = await turnsDuring(parseRosterFile(bomb, new Set()));
		expect(value).toEqual({ ok: false, error: 'unreadable' });
		// On the request thread the loop could not turn at all while it ran (the count is read as the
		// work ends); the ceiling stops a bomb in milliseconds, so only a few turns on a loaded machine.
		expect(turns).toBeGreaterThan(2);
		const good = await writeBook({
			sheets: [
				{ name: 'Lop', widths: [20], rows: [{ cells: ['Họ và tên'] }, { cells: ['Vi Thị Hoa'] }] }
			]
		});
		expect(await parseRosterFile(good, new Set())).toMatchObject({
			ok: true,
			rows: [{ value: { fullName: 'Vi Thị Hoa' } }]
		});
	});

	test('past one writing and eight waiting, the pool is busy and the class list says so', async () => {
		const book = bigBook();
		const writes = Array.from({ length: 9 }, () => writeOffThread(book));
		await expect(writeOffThread(book)).rejects.toBeInstanceOf(Busy);
		const small = await writeBook({
			sheets: [{ name: 'L', widths: [9], rows: [{ cells: ['Họ và tên'] }] }]
		});
		expect(await parseRosterFile(small, new Set())).toEqual({ ok: false, error: 'busy' });
		await Promise.all(writes);
		expect(await parseRosterFile(small, new Set())).toEqual({ ok: false, error: 'no_rows' });
	});

	test('sheet names are what Excel accepts: short, without : / ? * [ ], unique', () => {
		const used = new Set<string>();
		expect(sheetName('Tỉ lệ: theo xã/phường [2026]', used)).toBe('Tỉ lệ  theo xã phường  2026');
		expect(sheetName('Tỉ lệ: theo xã/phường [2026]', used)).toBe('Tỉ lệ  theo xã phường  202 2');
		expect(sheetName('   ', used, 'Lop')).toBe('Lop');
	});
});

describe('what a zip unpacks to', () => {
	test('a real workbook is counted; a zip bomb stops at the ceiling, whatever its headers say', async () => {
		const book = await writeBook({
			sheets: [{ name: 'Lop', widths: [20], rows: [{ cells: ['Họ và tên'] }] }]
		});
		const size = unpackedSize(book, MAX_UNPACKED_BYTES)!;
		expect(size).toBeGreaterThan(book.length);
		expect(unpackedSize(book, size)).toBe(size);
		expect(unpackedSize(book, size - 1)).toBeNull();
		const bomb = await zipBomb();
		expect(unpackedSize(bomb, MAX_UNPACKED_BYTES)).toBeNull();
		// The declared sizes lie: set them all to 1 byte; the ceiling still holds.
		const lying = Uint8Array.from(bomb);
		const view = new DataView(lying.buffer);
		for (let at = 0; at + 46 < lying.length; at++)
			if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 1, true);
		expect(unpackedSize(lying, MAX_UNPACKED_BYTES)).toBeNull();
		expect(unpackedSize(new TextEncoder().encode('Họ và tên;Ngày sinh'), 1000)).toBeNull();
	}, 60_000); // inflating 120 MB is slow on a loaded machine
});
