import { expect, test, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';
import { DEMO, newPupil, openClass, signIn, signInPupil, signOut } from './helpers';

/** The reach table's pupils total and the "as of" line of the department's dashboard. */
async function dashboardTotal(page: Page) {
	await page.goto('/department');
	const total = page.locator('table[data-table="reach"] tbody tr').last();
	await expect(total.getByRole('rowheader', { name: 'Tổng' })).toBeVisible();
	const pupils = Number((await total.locator('td').nth(3).textContent())!.replace(/\D/g, ''));
	return { pupils, asOf: (await page.getByTestId('as-of').textContent())!.trim() };
}

/** The dashboard's figures from a snapshot newer than `asOf` (one is taken a minute after the last). */
async function newerTotal(page: Page, asOf: string) {
	for (;;) {
		const now = await dashboardTotal(page);
		if (now.asOf !== asOf) return now;
		await page.waitForTimeout(5_000);
	}
}

async function zipOf(download: Promise<import('@playwright/test').Download>) {
	return JSZip.loadAsync(await readFile((await (await download).path())!));
}

test("a teacher downloads a pupil's data; the admin erases a pupil, who can no longer sign in, and the department's total stays", async ({
	browser,
	page
}) => {
	test.setTimeout(300_000);
	// A pupil of our own (6A1, THCS Đồng Đăng), who signs in once.
	const card = await newPupil(page, DEMO.teacher, '6A1');
	const pupilPage = await (await browser.newContext({ locale: 'vi-VN' })).newPage();
	await signInPupil(pupilPage, card);
	await signIn(page, DEMO.department, '/department');
	const first = await dashboardTotal(page);
	await signOut(page);

	// The teacher downloads a 7A1 pupil's data from the class page: pupil.json with the name, and the photos.
	await signIn(page, DEMO.teacher, '/teach');
	const classUrl = await openClass(page, '7A1');
	const rows = page.locator('table tbody tr');
	const name = (await rows.first().locator('td').nth(1).textContent())!.trim();
	const zip = await zipOf(
		Promise.all([
			page.waitForEvent('download'),
			rows
				.first()
				.getByRole('link', { name: `Tải dữ liệu của ${name} (tệp ZIP)` })
				.click()
		]).then(([d]) => d)
	);
	const json = JSON.parse(await zip.file('pupil.json')!.async('string'));
	expect(json.identity.fullName).toBe(name);
	expect(json.classes.map((c: { class: string }) => c.class)).toContain('7A1');
	expect(JSON.stringify(json)).not.toMatch(/secret"\s*:/);
	// The demo's 7A1 projects have photos: some pupil of the class has one in their archive.
	const links = await rows.getByRole('link', { name: /^Tải dữ liệu của / }).all();
	let photo: Buffer | null = null;
	for (const link of links) {
		const res = await page.request.get(new URL((await link.getAttribute('href'))!, classUrl).href);
		expect(res.headers()['content-type']).toBe('application/zip');
		const z = await JSZip.loadAsync(await res.body());
		const data = JSON.parse(await z.file('pupil.json')!.async('string'));
		if (data.photos.length) {
			photo = await z.file(data.photos[0].inArchive)!.async('nodebuffer');
			break;
		}
	}
	expect(photo?.subarray(8, 12).toString()).toBe('WEBP');
	// Not the admin's pages.
	expect((await page.goto('/admin/pupils'))!.status()).toBe(403);
	await signOut(page);

	// The department's figures once a snapshot counts our pupil.
	await signIn(page, DEMO.department, '/department');
	const before = await newerTotal(page, first.asOf);
	await signOut(page);

	// The admin finds the pupil and erases them, after a confirmation.
	await signIn(page, DEMO.admin, '/admin');
	await expect(page.getByTestId('retention')).toContainText('quá 5 năm');
	await page.getByRole('link', { name: /Dữ liệu học sinh/ }).click();
	await page.getByLabel('Trường').selectOption({ label: 'Trường THCS Đồng Đăng' });
	await page.getByLabel('Họ tên hoặc mã số học sinh').fill(card.name.split(' ').at(-1)!);
	await page.getByRole('button', { name: 'Tìm' }).click();
	// The name searched for stays out of the address (history, logs).
	await expect(page.getByRole('link', { name: `Xoá dữ liệu của ${card.name}` })).toBeVisible();
	expect(decodeURIComponent(page.url())).not.toContain(card.name.split(' ').at(-1)!);
	await page.getByRole('link', { name: `Xoá dữ liệu của ${card.name}` }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Xoá dữ liệu của một học sinh');
	const id = (await page.getByText(/^Gõ mã số của học sinh/).textContent())!.match(/\((\d+)\)/)![1];
	await page.getByLabel('Gõ mã số').fill('0');
	await page.getByRole('button', { name: 'Xoá vĩnh viễn' }).click();
	// Without the box ticked the browser refuses; ticked with the wrong number, the server does.
	await page.getByLabel('Tôi hiểu rằng việc xoá không thể hoàn tác').check();
	await page.getByRole('button', { name: 'Xoá vĩnh viễn' }).click();
	await expect(page.getByRole('alert')).toContainText('gõ đúng mã số');
	await page.getByLabel('Gõ mã số').fill(id);
	await page.getByRole('button', { name: 'Xoá vĩnh viễn' }).click();
	await expect(page.getByRole('status')).toHaveText(`Đã xoá dữ liệu của học sinh mã số ${id}.`);
	await signOut(page);

	// The pupil is signed out and can no longer sign in: their name is gone from the class.
	await pupilPage.goto('/learn');
	await expect(pupilPage).toHaveURL(/\/join/);
	await pupilPage.getByLabel(/Mã lớp/).fill(card.code.toLowerCase());
	await pupilPage.getByRole('button', { name: /Tiếp tục/ }).click();
	await expect(pupilPage.getByRole('link').first()).toBeVisible();
	await expect(pupilPage.getByRole('link', { name: card.name, exact: true })).toHaveCount(0);

	// The department's total, from a snapshot taken after the erasure, is the same.
	await signIn(page, DEMO.department, '/department');
	const after = await newerTotal(page, before.asOf);
	expect(after.pupils).toBe(before.pupils);
});
