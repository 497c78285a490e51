import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { DEMO, openClass, pupilSecretFromCards, signIn, signInPupil, signOut } from './helpers';

async function readWorkbook(path: string) {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
	return wb;
}

/** The rows of a sheet as arrays of cell values (first column = the group). */
function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
	const out: unknown[][] = [];
	ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
	return out;
}

test('the department filters the dashboard by level, drills down to a school and a class, and exports what it sees', async ({
	page
}) => {
	await signIn(page, DEMO.department, '/department');
	await expect(page.getByRole('heading', { name: 'Độ phủ' })).toBeVisible();
	// Province level: a row per school, a total row; the chart sits beside its table.
	const reach = page.locator('table[data-table="reach"]');
	await expect(reach.getByRole('rowheader', { name: 'Tổng' })).toBeVisible();
	// (other journeys may add schools: only the demo's are named here)
	for (const name of ['Trường Tiểu học Chi Lăng', 'Trường THCS Đồng Đăng', 'Trường THPT Bình Gia'])
		await expect(reach.getByRole('rowheader', { name })).toBeVisible();
	// The project indicators read the demo's reviewed projects and assignments (issue 5).
	await expect(page.locator('table[data-table="project_quality"] tbody tr').first()).toBeVisible();
	await expect(
		page
			.locator('table[data-table="assignments"]')
			.getByRole('rowheader', { name: 'Trường THCS Đồng Đăng' })
	).toBeVisible();

	// Filter: lower secondary schools only.
	await page.getByLabel('Cấp học').selectOption('lower_secondary');
	await page.getByRole('button', { name: 'Xem' }).click();
	await expect(page).toHaveURL(/level=lower_secondary/);
	await expect(reach.getByRole('rowheader', { name: 'Trường Tiểu học Chi Lăng' })).toHaveCount(0);
	await expect(reach.getByRole('rowheader', { name: 'Trường THPT Bình Gia' })).toHaveCount(0);
	await expect(reach.getByRole('rowheader', { name: 'Trường THCS Văn Quan' })).toBeVisible();
	// The total is the sum of the schools shown (each THCS of the demo has 90 pupils).
	const pupils = (await reach.locator('tbody tr td:nth-child(5)').allTextContents()).map((t) =>
		Number(t.replace(/\./g, ''))
	);
	expect(pupils.at(-1)).toBe(pupils.slice(0, -1).reduce((a, b) => a + b, 0));
	// 90 in the demo; the accounts journey may have added a pupil to a class of Đồng Đăng before.
	await expect(
		reach
			.getByRole('row', { name: /Trường THCS Đồng Đăng/ })
			.locator('td')
			.nth(3)
	).toHaveText(/^9[0-9]$/);

	// Drill down to a school: its classes, aggregates only.
	await reach.getByRole('link', { name: 'Trường THCS Đồng Đăng' }).click();
	await expect(
		page.getByRole('heading', { level: 2, name: 'Trường THCS Đồng Đăng' })
	).toBeVisible();
	const schoolReach = page.locator('table[data-table="reach"]');
	await expect(schoolReach.locator('tbody tr')).toHaveCount(4); // 6A1, 7A1, 8A1, total
	const shownAttempts = (await page
		.locator('table[data-table="mastery"] tbody tr')
		.last()
		.locator('td')
		.nth(0)
		.textContent())!.trim();
	const shownPassRate = (await page
		.locator('table[data-table="mastery"] tbody tr')
		.last()
		.locator('td')
		.nth(2)
		.textContent())!.trim();
	expect(Number(shownAttempts.replace(/\./g, ''))).toBeGreaterThan(0);

	// Excel: the file opens and holds the numbers on the page.
	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Xuất Excel' }).click();
	const file = await (await downloading).path();
	const wb = await readWorkbook(file!);
	const mastery = wb.worksheets.find((w) =>
		rowsOf(w).some((r) => r[0] === 'Thành thạo bài tập lập trình')
	)!;
	const totalRow = rowsOf(mastery).find((r) => r[0] === 'Tổng')!;
	expect(totalRow[1]).toBe(Number(shownAttempts.replace(/\./g, '')));
	expect(String(totalRow[3]).replace('.', ',')).toBe(shownPassRate);

	// Drill down to a class: by gender, small groups hidden; never a pupil's name.
	await schoolReach.getByRole('link', { name: /6A1/ }).click();
	await expect(page.getByRole('heading', { level: 2, name: /6A1/ })).toBeVisible();
	await expect(page.locator('main')).not.toContainText('Hoàng Văn');
	const genderRows = page.locator('table[data-table="reach"] tbody tr');
	await expect(genderRows.first()).toBeVisible();
	await page.getByLabel('Phân tích theo').selectOption('ethnicity');
	await page.getByRole('button', { name: 'Xem' }).click();
	await expect(page.locator('table[data-table="reach"]')).toContainText('< 10');

	// The printable report of the period.
	await page.goto('/department/report?period=s1');
	await expect(
		page.getByRole('heading', { level: 1, name: 'Báo cáo đánh giá thí điểm giáo dục STEM' })
	).toBeVisible();
	await expect(page.locator('table[data-table="dosage"]')).toBeVisible();
});

test('a teacher sees the class grid, sorts stuck pupils first and exports it', async ({ page }) => {
	await signIn(page, DEMO.teacher, '/teach');
	await page.getByRole('link', { name: 'Tiến độ lớp' }).first().click();
	await page.getByRole('link', { name: 'Tiến độ lớp 6A1' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tiến độ lớp 6A1');
	const rows = page.locator('table.grid-table tbody tr');
	// 30 pupils in the seed, and those other journeys enrolled since.
	await expect(rows.nth(29)).toBeVisible();
	const pupils = await rows.count();
	await page.getByRole('link', { name: 'Gặp khó trước' }).click();
	await expect(page).toHaveURL(/sort=stuck/);
	const firstName = (await rows.first().locator('th a').textContent())!.trim();

	// The plan: bad input is refused, a good one saved.
	// The browser would stop 500 itself; the server must refuse it too.
	await page.locator('#plan-s1').evaluate((e) => e.removeAttribute('max'));
	await page.getByLabel('Số bài STEM dự kiến học kỳ I', { exact: true }).fill('500');
	await page.getByRole('button', { name: 'Lưu kế hoạch' }).click();
	await expect(page.getByRole('alert')).toContainText('từ 0 đến 200');
	await page.getByLabel('Số bài STEM dự kiến học kỳ I', { exact: true }).fill('9');
	await page.getByRole('button', { name: 'Lưu kế hoạch' }).click();
	await expect(page.getByRole('status')).toContainText('Đã lưu kế hoạch');

	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Xuất Excel' }).click();
	const wb = await readWorkbook((await (await downloading).path())!);
	const sheet = rowsOf(wb.worksheets[0]);
	const header = sheet.find((r) => r[0] === 'Họ và tên')!;
	expect(header.length).toBeGreaterThan(5);
	expect(sheet.some((r) => r[0] === firstName)).toBe(true);
	expect(sheet.length).toBe(3 + pupils);

	// Click through to a pupil's attempts.
	await page.getByRole('link', { name: firstName }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(firstName);
	await expect(page.getByRole('heading', { name: 'Các lần làm bài' })).toBeVisible();
});

test('a pupil answers the survey once and cannot answer it twice', async ({ page }) => {
	await signIn(page, DEMO.teacher, '/teach');
	const classUrl = await openClass(page, '7A1');
	await page.goto(classUrl + '/cards');
	const secret = await pupilSecretFromCards(page, 0);
	await signOut(page);

	await signInPupil(page, secret);
	await page.getByRole('link', { name: 'Trả lời ngay' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Khảo sát hứng thú STEM (lớp 6–12)'
	);
	const surveyUrl = page.url();
	const groups = page.locator('fieldset');
	const n = await groups.count();
	expect(n).toBe(20);
	for (let i = 0; i < n; i++)
		await groups.nth(i).getByRole('radio', { name: 'Đồng ý', exact: true }).check();
	// Keep the answers to post them again afterwards.
	const answers = Object.fromEntries(
		await page
			.locator('input[type=radio]:checked')
			.evaluateAll((els) =>
				els.map((e) => [(e as HTMLInputElement).name, (e as HTMLInputElement).value])
			)
	);
	await page.getByRole('button', { name: 'Gửi câu trả lời' }).click();
	await expect(page.getByRole('status')).toContainText('Đã gửi');

	// Back home: no notice any more; the survey page says it was answered and offers no form.
	await page.goto('/learn');
	await expect(page.getByRole('link', { name: 'Trả lời ngay' })).toHaveCount(0);
	await page.goto(surveyUrl);
	await expect(page.getByRole('status')).toContainText('đã trả lời khảo sát này rồi');
	await expect(page.getByRole('button', { name: 'Gửi câu trả lời' })).toHaveCount(0);

	// A second submission posted directly is refused.
	const origin = new URL(surveyUrl).origin;
	const again = await page.request.post(surveyUrl, {
		form: answers,
		headers: { origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(again.status()).toBe(400);
	expect(await again.text()).toContain('đã trả lời khảo sát này rồi');

	await page.goto('/learn/progress');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tiến bộ của em');
	await expect(page.getByText('Vòng lặp').first()).toBeVisible();
});

test('a teacher gets no answer from the department pages', async ({ page }) => {
	await signIn(page, DEMO.teacher, '/teach');
	for (const path of [
		'/department',
		'/department/export',
		'/department/report',
		'/department/surveys'
	]) {
		const r = await page.request.get(path, { maxRedirects: 0 });
		expect(r.status(), path).toBe(403);
	}
	const r = await page.goto('/department');
	expect(r!.status()).toBe(403);
	await expect(page.locator('main')).not.toContainText('Độ phủ');
});
