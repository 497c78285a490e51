import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { DEMO, signIn, signOut } from './helpers';

/** The reach table's total of pupils and the "as of" line of a dashboard page. */
async function figuresOf(page: Page) {
	const total = page.locator('table[data-table="reach"] tbody tr').last();
	await expect(total.getByRole('rowheader', { name: 'Tổng' })).toBeVisible();
	const pupils = Number((await total.locator('td').nth(3).textContent())!.replace(/\D/g, ''));
	const asOf = (await page.getByTestId('as-of').textContent())!.trim();
	return { pupils, asOf };
}

test('after a teacher imports pupils, every breakdown and the export show one total and one "as of"', async ({
	page
}) => {
	// A primary teacher creates a class and imports 12 pupils into it.
	await signIn(page, DEMO.primaryTeacher, '/teach');
	await page.getByLabel('Khối').selectOption('5');
	await page.getByLabel('Tên lớp').fill('5Z');
	await page.getByRole('button', { name: 'Tạo lớp' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lớp 5Z');
	await page.goto(page.url() + '/import');
	await page.getByLabel(/Tệp danh sách lớp/).setInputFiles('tests/fixtures/class-6a1.xlsx');
	await page.getByRole('button', { name: 'Xem trước' }).click();
	await page.getByRole('button', { name: 'Lưu 12 học sinh vào lớp' }).click();
	await expect(page.getByRole('status')).toContainText('Đã thêm 12 học sinh');
	await signOut(page);

	// The department opens three breakdowns of the province: the same total, taken at the same time.
	await signIn(page, DEMO.department, '/department');
	// One "Triển lãm" in the department's menu (their page curates it and links to the public one).
	await expect(
		page
			.getByRole('navigation', { name: 'Điều hướng chính' })
			.getByRole('link', { name: 'Triển lãm' })
	).toHaveCount(1);
	const seen: Awaited<ReturnType<typeof figuresOf>>[] = [];
	for (const by of ['school', 'commune', 'level']) {
		await page.goto(`/department?by=${by}`);
		seen.push(await figuresOf(page));
	}
	// A snapshot past a minute old is refreshed after the page that finds it, so one of the three may
	// show a newer one: then with its own "as of". Pages of the same snapshot show the same total.
	for (const s of seen) expect(s.asOf).toMatch(/^Số liệu lúc \d{2}:\d{2}, \d{2}\/\d{2}\/\d{4}$/);
	const last = seen.at(-1)!;
	expect(last.pupils).toBeGreaterThan(0);
	const sameSnapshot = seen.filter((s) => s.asOf === last.asOf);
	expect(sameSnapshot.length).toBeGreaterThanOrEqual(2);
	for (const s of sameSnapshot) expect(s.pupils).toBe(last.pupils);

	// The Excel export of the last one carries the same total and the same "as of".
	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Xuất Excel' }).click();
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(
		(await readFile((await (await downloading).path())!)) as unknown as ArrayBuffer
	);
	const sheet = wb.worksheets[0];
	const rows: unknown[][] = [];
	sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
	expect(rows.some((r) => r[0] === last.asOf)).toBe(true);
	const total = rows.find((r) => r[0] === 'Tổng')!;
	expect(total[4]).toBe(last.pupils);

	// The printed report too (its link names the snapshot the page showed).
	await page.getByRole('link', { name: 'Báo cáo in' }).click();
	await expect(page.getByTestId('as-of')).toHaveText(last.asOf);
});
