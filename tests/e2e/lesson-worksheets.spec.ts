import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './helpers';

test('a teacher sees a lesson cost for 8 then 10 groups, prints a worksheet on A4, and prints the plan with its header, periods and worksheets', async ({
	page
}) => {
	await signIn(page, DEMO.teacher, '/teach');
	// The library lists 12 lessons a page: the lesson is found by its words (without diacritics).
	await page.goto('/teach/lessons?q=may+say+hoa+hoi');
	await page
		.getByRole('link', { name: 'Máy sấy hoa hồi dùng năng lượng mặt trời' })
		.first()
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Máy sấy hoa hồi dùng năng lượng mặt trời'
	);

	// The class cost: 8 groups by default (120.000 đ per group + 80.000 đ shared), then 10 groups.
	await expect(page.getByLabel('Số nhóm trong lớp')).toHaveValue('8');
	await expect(page.getByTestId('budget-per-group')).toHaveText('120.000 đ');
	await expect(page.getByRole('row', { name: /Tổng cộng cho lớp 8 nhóm/ })).toContainText(
		'1.040.000 đ'
	);
	await page.getByLabel('Số nhóm trong lớp').fill('10');
	// Live with the page's script; "Tính lại" asks the server (the same figures without JavaScript).
	await page.getByRole('button', { name: 'Tính lại' }).click();
	await expect(page).toHaveURL(/groups=10/);
	await expect(page.getByRole('row', { name: /Tổng cộng cho lớp 10 nhóm/ })).toContainText(
		'1.280.000 đ'
	);
	await expect(page.getByRole('row', { name: /Hoa hồi tươi/ })).toContainText('cả lớp');
	await expect(page.getByRole('complementary', { name: /An toàn/ })).toContainText('Dao rọc giấy');

	// A worksheet alone on an A4 page.
	await page.getByRole('link', { name: 'In phiếu số 2 (A4)' }).click();
	await expect(page).toHaveURL(/\/worksheets\/2$/);
	await expect(page.getByRole('heading', { level: 2 })).toHaveText(
		'Phiếu học tập số 2: Thí nghiệm hai lon nước và ba cách truyền nhiệt'
	);
	await expect(page.locator('.sheet table').first()).toContainText('Quấn giấy đen');
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('button', { name: 'In bài học' })).toBeHidden();
	await page.emulateMedia({ media: 'screen' });

	// The plan's print view: its header filled in, activities mapped to periods, worksheets appended.
	await page.getByRole('link', { name: '← Về bài học' }).click();
	await page.getByRole('link', { name: 'In / lưu PDF' }).click();
	await page.getByText('Thông tin đầu giáo án').click();
	await page.getByLabel('Tổ chuyên môn').fill('Tổ Khoa học tự nhiên');
	await page.getByLabel('Lớp', { exact: true }).fill('8A1');
	await page.getByLabel('Ngày dạy').fill('07/12/2026, 09/12/2026');
	await page.getByRole('button', { name: 'Điền vào bản in' }).click();
	const header = page.locator('header.plan-header');
	await expect(header.locator('[data-field="dept"]')).toHaveText('Tổ Khoa học tự nhiên');
	await expect(header.locator('[data-field="class"]')).toHaveText('8A1');
	await expect(header.locator('[data-field="teacher"]')).not.toHaveText(/…/);
	await expect(header.locator('[data-field="school"]')).toContainText('Đồng Đăng');
	await expect(header.getByRole('listitem').first()).toHaveText('Tiết 1: Hoạt động 1–2');
	await expect(header.getByRole('listitem')).toHaveCount(4);
	const appendix = page.getByRole('region', { name: 'Phụ lục: Phiếu học tập' });
	await expect(appendix.locator('.worksheet')).toHaveCount(3);
	await expect(appendix).toContainText('Phiếu đánh giá chéo');
	await expect(page.getByRole('row', { name: /Tổng cộng cho lớp 8 nhóm/ })).toContainText(
		'1.040.000 đ'
	);

	// In English, the page's own words are English (the lesson's text stays as its author wrote it):
	// the worksheet's print link and the assessment levels (four from grade 6, Thông tư 27's three
	// in primary).
	await page.goto('/teach/lessons?q=may+say+hoa+hoi');
	await page.getByRole('button', { name: 'English' }).click();
	await page
		.getByRole('link', { name: 'Máy sấy hoa hồi dùng năng lượng mặt trời' })
		.first()
		.click();
	await expect(page.getByRole('link', { name: 'Print worksheet 2 (A4)' })).toBeVisible();
	const levels = page.locator('table.rubric thead th');
	await expect(levels).toHaveText([
		'Criterion',
		'Description',
		'Very good',
		'Good',
		'Passed',
		'Not yet passed'
	]);
	await page.goto('/teach/lessons?q=binh+loc+nuoc');
	await page
		.getByRole('link', { name: /^Lớp nào làm nước sạch hơn/ })
		.first()
		.click();
	await expect(levels).toHaveText([
		'Criterion',
		'Description',
		'Completed well',
		'Completed',
		'Not yet completed'
	]);
	await page.getByRole('button', { name: 'Tiếng Việt' }).click();
});
