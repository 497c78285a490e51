import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { checkFile, fileKindOfName, MAX_FILE_BYTES } from './files';

describe('portfolio file validation', () => {
	it('accepts a PDF, a real spreadsheet, a UTF-8 CSV of measurements', async () => {
		expect(checkFile('bao-cao.pdf', Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n'))).toEqual({
			ok: true,
			kind: 'pdf'
		});
		const wb = new ExcelJS.Workbook();
		wb.addWorksheet('Đo').addRow(['Lần', 'Nhiệt độ']);
		const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
		expect(checkFile('so-lieu.xlsx', xlsx)).toEqual({ ok: true, kind: 'xlsx' });
		expect(checkFile('so-lieu.csv', Buffer.from('lần,nhiệt độ\n1,45\n'))).toEqual({
			ok: true,
			kind: 'csv'
		});
	});
	it('refuses content that does not match its name: HTML as .txt, a spreadsheet named .docx, an executable as .pdf', async () => {
		expect(
			checkFile('ghi-chu.txt', Buffer.from('<!doctype html><script>alert(1)</script>'))
		).toEqual({ ok: false, error: 'type' });
		const wb = new ExcelJS.Workbook();
		wb.addWorksheet('x');
		expect(checkFile('bao-cao.docx', Buffer.from(await wb.xlsx.writeBuffer()))).toEqual({
			ok: false,
			error: 'type'
		});
		expect(checkFile('bao-cao.pdf', Buffer.from('MZ\x90\x00\x03'))).toEqual({
			ok: false,
			error: 'type'
		});
		expect(checkFile('a.txt', Buffer.from([0x61, 0x00, 0x62]))).toEqual({
			ok: false,
			error: 'type'
		});
	});
	it('refuses paths, double extensions, unknown extensions, empty and oversized files', () => {
		for (const bad of [
			'../bao-cao.pdf',
			'bao-cao.php.pdf',
			'bao-cao.pdf.exe',
			'bao-cao.exe',
			'bao-cao',
			'.pdf'
		])
			expect(fileKindOfName(bad), bad).toBeNull();
		expect(checkFile('a.pdf', Buffer.alloc(0))).toEqual({ ok: false, error: 'empty' });
		const big = Buffer.alloc(MAX_FILE_BYTES + 1);
		big.write('%PDF-');
		expect(checkFile('a.pdf', big)).toEqual({ ok: false, error: 'too_big' });
	});
});
