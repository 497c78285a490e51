// Writes the class lists the tests import, laid out as SMAS exports them (title rows first).
// Run once with `node scripts/make-fixtures.js`; the files are committed.
import ExcelJS from 'exceljs';

async function write(path, rows) {
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet('Danh sách');
	ws.addRow(['SỞ GIÁO DỤC VÀ ĐÀO TẠO LẠNG SƠN']);
	ws.addRow(['DANH SÁCH HỌC SINH LỚP 6A1 — NĂM HỌC 2026–2027']);
	ws.addRow([]);
	ws.addRow(['STT', 'Mã học sinh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Dân tộc', 'Nơi sinh']);
	rows.forEach((r, i) => ws.addRow([i + 1, `HS${1000 + i}`, ...r, 'Lạng Sơn']));
	await wb.xlsx.writeFile(path);
}

const good = [
	['Hoàng Văn An', '12/03/2015', 'Nam', 'Tày'],
	['Nông Thị Bích', '05/11/2015', 'Nữ', 'Nùng'],
	['Lường Đức Cường', new Date(Date.UTC(2015, 0, 20)), 'Nam', 'Tày'],
	['Vi Thị Dung', '30/06/2015', 'Nữ', ''],
	['Lăng Văn Đạt', '01/09/2015', 'Nam', 'Nùng'],
	['Triệu Thị Giang', '14/02/2015', 'Nữ', 'Dao'],
	['Bế Minh Hải', '', 'Nam', ''],
	['Chu Thị Hằng', '22/10/2015', 'Nữ', 'Nùng'],
	['Nguyễn Quang Khánh', '09/04/2015', 'Nam', 'Kinh'],
	['Hà Thu Lan', '17/07/2015', 'Nữ', 'Tày'],
	['Lộc Văn Mạnh', '03/12/2015', 'Nam', ''],
	['Hứa Ngọc Nhung', '25/05/2015', 'Nữ', 'Nùng']
];
await write('tests/fixtures/class-6a1.xlsx', good);

const bad = [
	['Hoàng Văn Bảo', '12/03/2015', 'Nam', 'Tày'],
	['', '05/11/2015', 'Nữ', 'Nùng'], // missing name
	['Lường Thị Cúc', '31/02/2015', 'Nữ', 'Tày'], // impossible date
	['Vi Văn Dũng', '30/06/2015', 'Nam', ''],
	['Vi Văn Dũng'.normalize('NFD'), '30/06/2015', 'Nam', ''] // the same pupil again, typed in NFD
];
await write('tests/fixtures/class-6a1-bad.xlsx', bad);
console.log('fixtures written');
