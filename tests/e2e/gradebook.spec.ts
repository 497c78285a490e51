import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { DEMO, openClass, signIn } from './helpers';

test('the teacher reads the class gradebook on a 1,024 px screen and exports it with the class name', async ({
	page
}) => {
	await page.setViewportSize({ width: 1024, height: 768 });
	await signIn(page, DEMO.teacher, '/teach');
	await openClass(page, '7A1');
	await page.getByRole('link', { name: 'Sổ điểm' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sổ điểm lớp 7A1');

	const table = page.getByRole('region', { name: 'Sổ điểm lớp 7A1' }).locator('table');
	const columns = await table.locator('thead th').allTextContents();
	expect(columns[0]).toBe('Học sinh');
	expect(columns.at(-1)).toBe('Trung bình');
	expect(columns.length).toBeGreaterThan(2);
	// The demo class has marks: passes and stars, or rubric points, somewhere.
	await expect(
		table
			.locator('tbody td')
			.filter({ hasText: /bài · \d+★|\d+\/\d+ điểm/ })
			.first()
	).toBeVisible();

	// Readable at 1,024 px: the page does not scroll sideways (only the table's own region may), and
	// the pupils' names stay on one line, in place while the marks scroll.
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
	const name = table.locator('tbody th').first();
	expect(await name.evaluate((el) => getComputedStyle(el).position)).toBe('sticky');
	const box = (await name.boundingBox())!;
	expect(box.height).toBeLessThan(40);

	// The export: the class's name in the file name, one row per pupil with the page's texts.
	const pageRows = await table
		.locator('tbody tr')
		.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent!.trim())));
	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Xuất Excel' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toBe('so-diem-7a1.xlsx');
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
	const fileRows: string[][] = [];
	wb.worksheets[0].eachRow((row) =>
		fileRows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')))
	);
	// The file has the pupil code after the name (for the school's records).
	expect(fileRows).toContainEqual(expect.arrayContaining(['Học sinh', 'Mã học sinh']));
	const withoutCode = fileRows.map((r) => [r[0], ...r.slice(2)]);
	for (const r of pageRows) expect(withoutCode).toContainEqual(r);
});

test('the class progress grid is readable at 1,024 px: names on one line, in place while it scrolls', async ({
	page
}) => {
	await page.setViewportSize({ width: 1024, height: 768 });
	await signIn(page, DEMO.teacher, '/teach');
	const url = await openClass(page, '7A1');
	await page.goto(url + '/progress');
	const table = page.locator('table.grid-table');
	await expect(table.locator('tbody tr').first()).toBeVisible();
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
	const heights = await table
		.locator('tbody th')
		.evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().height));
	expect(Math.max(...heights)).toBeLessThan(40);
	expect(
		await table
			.locator('tbody th')
			.first()
			.evaluate((el) => getComputedStyle(el).position)
	).toBe('sticky');
});
