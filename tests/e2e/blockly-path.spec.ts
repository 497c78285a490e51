// Issue 15's journeys: a teacher assigns a whole course lesson; a pupil climbs the hint steps of a
// course puzzle; a grade-4 pupil answers the survey with faces; the department finds answered items locked,
// starts a new version of the form, edits it and opens a window on it, and the old version keeps its answers.
import { expect, test } from '@playwright/test';
import { DEMO, newPupil, signIn, signInPupil, signOut } from './helpers';

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

test('a teacher filters the exercises by a course, assigns one lesson to a class, and a pupil of the class sees its puzzles in order', async ({
	page
}) => {
	const pupil = await newPupil(page, DEMO.teacher, '6A1');
	await signIn(page, DEMO.teacher, '/teach');
	await page.goto('/teach/exercises');
	await page
		.getByLabel('Khóa học')
		.selectOption({ label: 'Khóa 3: Trạm quan trắc Kỳ Cùng (lớp 6–7)' });
	await page.getByRole('button', { name: 'Lọc' }).click();
	await expect(page).toHaveURL(/course=lop-6-7/);

	// The path: lessons in order, each with its puzzles; the library's table is gone.
	const path = page.getByTestId('course-path');
	await expect(path.getByRole('heading', { level: 2 })).toHaveText(
		'Khóa 3: Trạm quan trắc Kỳ Cùng (lớp 6–7)'
	);
	const lessons = path.getByTestId('course-lesson');
	expect(await lessons.count()).toBeGreaterThanOrEqual(5);
	await expect(lessons.first().getByRole('heading')).toHaveText('Bài 1. Lặp đến khi');
	await expect(lessons.nth(1).getByRole('heading')).toHaveText('Bài 2. Rẽ nhánh');
	await expect(
		path.getByRole('link', { name: /Chuẩn bị cho bài STEM: Còi báo mực nước lũ/ }).first()
	).toBeVisible();
	const second = lessons.nth(1);
	const titles = (await second.locator('.puzzles li a').allTextContents()).map((t) => t.trim());
	expect(titles.length).toBeGreaterThanOrEqual(5);

	// "Giao cả bài học": the assignment form opens with the lesson's puzzles chosen, in order.
	await second.getByRole('link', { name: 'Giao cả bài học' }).click();
	await expect(page).toHaveURL(/\/teach\/assignments\?courseLesson=\d+/);
	await expect(page.getByRole('status')).toContainText(`Đã chọn sẵn ${titles.length} bài`);
	await expect(page.getByLabel('Tên bài')).toHaveValue(/^Bài 2\. Rẽ nhánh — Khóa 3/);
	await expect(page.getByRole('radio', { name: 'Bộ bài tập lập trình' })).toBeChecked();
	for (const t of titles) await expect(page.getByRole('checkbox', { name: t })).toBeChecked();
	await page.getByRole('checkbox', { name: 'Lớp 6A1' }).check();
	await page.getByLabel('Hạn nộp').fill(inAWeek());
	await page.getByRole('button', { name: 'Giao bài' }).click();
	await expect(page).toHaveURL(/\/teach\/assignments\/\d+$/);
	await signOut(page);

	// The pupil of 6A1 finds it on the home page and its puzzles in the lesson's order.
	await signInPupil(page, pupil);
	await page
		.getByRole('link', { name: /Bài 2\. Rẽ nhánh — Khóa 3/ })
		.first()
		.click();
	await expect(page).toHaveURL(/\/learn\/assignments\/\d+$/);
	const listed = (await page.locator('ol.exercises li a').allTextContents()).map((t) => t.trim());
	expect(listed).toEqual(titles);
	await page.getByRole('link', { name: titles[0] }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles[0]);
});

test('a grade-3 pupil opens a course puzzle, takes the hints step by step, solves it, and the stars count the hints', async ({
	page
}) => {
	await signInPupil(page, await newPupil(page, DEMO.primaryTeacher, '3A'));
	await page
		.locator('#course-lop-3 [data-testid="bubble"][aria-label*="Sửa lỗi: lặp thiếu"]')
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sửa lỗi: lặp thiếu');
	await expect(page.locator('.injectionDiv')).toBeVisible();
	const hints = page.locator('section.hints');
	const steps = hints.getByTestId('hint-step');
	await expect(hints).toContainText('Gợi ý đầu tiên không mất sao');
	await expect(steps).toHaveCount(0);

	await hints.getByRole('button', { name: 'Xin gợi ý (1/3)' }).click();
	await expect(steps).toHaveCount(1);
	await expect(steps.nth(0)).toContainText('Gợi ý 1/3: Đếm số bậc thang trên màn hình.');
	await hints.getByRole('button', { name: 'Xem cách làm (2/3)' }).click();
	await expect(steps).toHaveCount(2);
	await expect(steps.nth(1)).toContainText('Cách làm 2/3: Số lần lặp phải bằng số bậc.');
	await hints.getByRole('button', { name: 'Xem lời giải (3/3)' }).click();
	await expect(steps).toHaveCount(3);
	await expect(steps.nth(2)).toContainText('Lời giải 3/3: Đổi số lần lặp từ 2 thành 4.');
	await expect(hints).toContainText('Đã hết gợi ý.');

	// The steps stay after a reload (recorded on the server).
	await page.reload();
	await expect(steps).toHaveCount(3);

	// Solve it as the answer says: 4 times instead of 2. Three hints: one star.
	await expect(page.locator('.injectionDiv')).toBeVisible();
	await page.locator('svg.blocklySvg .blocklyEditableField', { hasText: '2' }).first().click();
	await page.keyboard.press('Control+A');
	await page.keyboard.type('4');
	await page.keyboard.press('Enter');
	await page.getByTestId('run').click();
	const party = page.getByTestId('celebration');
	await expect(party).toBeVisible({ timeout: 20000 });
	await expect(page.getByTestId('stars')).toContainText('1 sao');
	await page.keyboard.press('Escape');
	await expect(page.getByTestId('best')).toContainText('1');
});

test('a grade-4 pupil answers the survey with faces; the department finds the answered form locked, starts a new version and opens a window on it, and the old version keeps its answers', async ({
	page
}) => {
	test.setTimeout(150_000);
	await signInPupil(page, await newPupil(page, DEMO.primaryTeacher, '4A'));
	await page.getByRole('link', { name: 'Trả lời ngay' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Khảo sát hứng thú STEM (lớp 4–5)'
	);
	await expect(page.getByText('Thầy cô sẽ đọc to từng câu')).toBeVisible();
	const groups = page.locator('fieldset');
	const n = await groups.count();
	expect(n).toBeGreaterThanOrEqual(10);
	// Faces with words a child understands, not "Rất không đồng ý".
	// (the app's own SVG faces, beside the words, so the same on every device)
	await expect(groups.first().locator('.face svg')).toHaveCount(5);
	await expect(groups.first().getByRole('radio', { name: 'Rất đúng' })).toBeVisible();
	await expect(page.getByText('Rất không đồng ý')).toHaveCount(0);
	for (let i = 0; i < n; i++)
		await groups
			.nth(i)
			.locator('label', { hasText: i % 2 ? 'Khá đúng' : 'Rất đúng' })
			.click();
	await page.getByRole('button', { name: 'Gửi câu trả lời' }).click();
	await expect(page.getByRole('status')).toContainText('Đã gửi');
	await signOut(page);

	// The form has answers: its items are read-only, with the reason.
	await signIn(page, DEMO.department, '/department');
	await page.goto('/department/surveys');
	await page.getByRole('link', { name: 'Khảo sát hứng thú STEM (lớp 4–5)' }).first().click();
	await expect(page.getByTestId('items-locked')).toContainText('các câu hỏi đã khóa');
	await expect(page.getByRole('button', { name: 'Lưu' })).toHaveCount(0);
	await expect(page.getByText('Em thích học Toán.')).toBeVisible();
	const oldUrl = page.url();

	// A new version is a new form: a copy of the items, editable; the old one keeps its answers.
	await page.getByRole('button', { name: 'Tạo phiên bản mới' }).click();
	await expect(page).not.toHaveURL(oldUrl);
	const versions = page.getByTestId('versions');
	await expect(versions.getByText('phiên bản 2 (đang dùng)')).toBeVisible();
	await expect(page.getByTestId('items-locked')).toHaveCount(0);
	const item = page.getByLabel('Nội dung câu', { exact: true }).first();
	await expect(item).toHaveValue('Em thích học Toán.');
	await item.fill('Em thích giờ học Toán.');
	await item.locator('xpath=..').getByRole('button', { name: 'Lưu' }).click();
	await expect(page.getByRole('status')).toContainText('Đã lưu');
	await page.reload();
	await expect(page.getByLabel('Nội dung câu', { exact: true }).first()).toHaveValue(
		'Em thích giờ học Toán.'
	);

	// An item only the pilot teaches keeps a pre window from opening on it, with the reason.
	await page
		.getByLabel('Nội dung câu', { exact: true })
		.last()
		.fill('Em thích ghép các khối lệnh.');
	await page.getByRole('button', { name: 'Thêm câu hỏi' }).click();
	await expect(page.getByRole('status')).toContainText('Đã lưu');
	await page.goto('/department/surveys');
	const form = page.locator('form[action="?/open"]');
	const newForm = form.getByLabel('Phiếu khảo sát');
	await expect(newForm.locator('option', { hasText: '(lớp 4–5)' })).toHaveText(/phiên bản 2/);
	// From next week: no pupil sees it today.
	const later = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
	const openWindow = async (phase: string) => {
		await newForm.selectOption({ label: 'Khảo sát hứng thú STEM (lớp 4–5) (phiên bản 2)' });
		await form.getByLabel('Đợt').selectOption({ label: phase });
		await form.getByLabel('Mở ngày').fill(inAWeek());
		await form.getByLabel('Đóng ngày').fill(later);
		await form.getByLabel('Trường Tiểu học Chi Lăng').check();
		await form.getByRole('button', { name: 'Mở đợt khảo sát' }).click();
	};
	await openWindow('Đầu kỳ (trước)');
	await expect(page.getByRole('alert')).toContainText('«Em thích ghép các khối lệnh.»');
	await expect(page.locator('tbody tr', { hasText: 'phiên bản 2' })).toHaveCount(0);
	// A post window opens on the new version.
	await openWindow('Cuối kỳ (sau)');
	await expect(page.getByRole('status')).toContainText('Đã mở đợt khảo sát');
	await expect(page.locator('tbody tr', { hasText: 'phiên bản 2' })).toHaveCount(1);

	// The old version: its items, windows and answers as they were.
	await page.goto(oldUrl);
	await expect(page.getByTestId('old-version')).toBeVisible();
	await expect(page.getByText('Em thích học Toán.')).toBeVisible();
	const answered = page.getByTestId('form-windows').locator('tbody tr').last();
	await expect(answered.locator('td').last()).not.toHaveText('0');
});
