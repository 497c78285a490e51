import { expect, test } from '@playwright/test';
import { DEMO, signIn, signOut } from './helpers';

test('a new school year: the teacher rolls a class over, the pupils who stay go with it, the old class is archived', async ({
	page
}) => {
	// The administrator creates the next school year (it becomes current later, in September).
	await signIn(page, DEMO.admin, '/admin');
	await page.goto('/admin/years');
	if ((await page.getByRole('row', { name: /2027–2028/ }).count()) === 0) {
		await page.getByLabel('Năm học').fill('2027-2028');
		await page.getByLabel('Ngày bắt đầu').fill('2027-09-05');
		await page.getByLabel('Ngày kết thúc').fill('2028-05-31');
		await page.getByRole('button', { name: 'Thêm năm học' }).click();
		await expect(page.getByRole('row', { name: /2027–2028/ })).toBeVisible();
	}
	await signOut(page);

	// A class of two pupils.
	await signIn(page, DEMO.primaryTeacher, '/teach');
	const suffix = Date.now().toString(36).slice(-3).toUpperCase();
	await page.getByLabel('Khối').selectOption('4');
	await page.getByLabel('Tên lớp').fill(`4R${suffix}`);
	await page.getByRole('button', { name: 'Tạo lớp' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Lớp 4R${suffix}`);
	for (const name of ['Hà Văn Ở Lại', 'Lý Thị Chuyển Đi']) {
		await page.getByLabel('Họ và tên').fill(name);
		await page.getByRole('button', { name: 'Thêm vào lớp' }).click();
		await expect(page.getByRole('status')).toContainText(name);
	}

	await page.goto('/teach');
	await page.getByRole('link', { name: /Chuyển lớp sang năm học mới \(2027–2028\)/ }).click();
	const form = page.getByRole('form', { name: `Lớp 4R${suffix}` });
	await expect(form.getByLabel('Tên lớp năm học mới')).toHaveValue(`5R${suffix}`);
	await form.getByLabel('Lý Thị Chuyển Đi học tiếp').uncheck();
	await form.getByRole('button', { name: `Chuyển lớp 4R${suffix}` }).click();
	await expect(page.getByRole('status')).toHaveText(`Đã chuyển lớp 4R${suffix}.`);
	await expect(page.getByRole('form', { name: `Lớp 4R${suffix}` })).toHaveCount(0);

	// Archived: no longer among this year's classes, still readable among the earlier ones.
	await page.goto('/teach');
	await expect(page.locator('.class-card', { hasText: `4R${suffix}` })).toHaveCount(0);
	await page.getByText('Lớp các năm trước').click();
	await page.getByRole('link', { name: `Lớp 4R${suffix}` }).click();
	await expect(page.locator('main')).toContainText(
		`Lớp đã được chuyển sang năm học mới thành lớp 5R${suffix}; đây là lớp đã lưu trữ.`
	);
	// The pupils it had, and when they left it, are kept with the class.
	const had = page.locator('details').filter({ hasText: 'Lý Thị Chuyển Đi' });
	await expect(had).toContainText('Hà Văn Ở Lại');
});

test('a class is renamed, and archived once confirmed: off this year’s list, still readable', async ({
	page
}) => {
	await signIn(page, DEMO.teacher, '/teach');
	const suffix = Date.now().toString(36).slice(-3).toUpperCase();
	await page.getByLabel('Khối').selectOption('9');
	await page.getByLabel('Tên lớp').fill(`9W${suffix}`);
	await page.getByRole('button', { name: 'Tạo lớp' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Lớp 9W${suffix}`);
	const settings = page.getByRole('region', { name: 'Tên lớp và lưu trữ' });
	await settings.getByLabel('Tên lớp').fill('7A1');
	await settings.getByRole('button', { name: 'Đổi tên' }).click();
	await expect(settings.getByRole('alert')).toHaveText('Trường đã có lớp tên này trong năm học.');
	await settings.getByLabel('Tên lớp').fill(`9w${suffix} stem`);
	await settings.getByRole('button', { name: 'Đổi tên' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Lớp 9W${suffix} STEM`);

	await settings.getByRole('button', { name: 'Lưu trữ lớp' }).click();
	await expect(settings.getByRole('alert')).toContainText('Hãy đánh dấu ô xác nhận');
	await settings.getByLabel(`Tôi muốn lưu trữ lớp 9W${suffix} STEM`).check();
	await settings.getByRole('button', { name: 'Lưu trữ lớp' }).click();
	await expect(page.getByText('Lớp đã được lưu trữ.')).toBeVisible();
	// Read only now: a pupil sent to it (as a form would) is refused with the reason, and none is added.
	const classUrl = page.url();
	const added = await page.request.post(classUrl + '?/addPupil', {
		form: { fullName: 'Nông Văn Thử', gender: 'male', birthDate: '2012-03-04', ethnicity: 'Tày' },
		headers: { origin: new URL(classUrl).origin, accept: 'text/html' }
	});
	expect(added.status()).toBe(409);
	expect(await added.text()).toContain('chỉ xem được');
	await page.goto(classUrl);
	await expect(page.getByText('Nông Văn Thử')).toHaveCount(0);
	await page.goto('/teach');
	await expect(page.locator('.class-card', { hasText: `9W${suffix}` })).toHaveCount(0);
	await page.getByText('Lớp các năm trước').click();
	await expect(page.getByRole('link', { name: `Lớp 9W${suffix} STEM` })).toBeVisible();
});
