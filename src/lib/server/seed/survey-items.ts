// Our own items for the attitude surveys (written for Mầm STEM on the constructs of the S-STEM and
// T-STEM designs; not their licensed wording). The department can edit them. [scale, text, reversed]
import type { SurveyAudience, SurveyScale } from '../db/types';

type Item = [SurveyScale, string, boolean?];

export const SURVEY_FORMS: { audience: SurveyAudience; title: string; items: Item[] }[] = [
	{
		audience: 'pupil_primary',
		title: 'Khảo sát hứng thú STEM (lớp 4–5)',
		items: [
			['maths', 'Em thích học Toán.'],
			['maths', 'Em làm được các bài Toán khó nếu em cố gắng.'],
			['maths', 'Học Toán làm em thấy sợ.', true],
			['science', 'Em thích quan sát cây cối, con vật và thời tiết.'],
			['science', 'Em thích làm thí nghiệm ở lớp.'],
			['science', 'Em muốn biết vì sao trời mưa, vì sao cây lớn lên.'],
			['engineering', 'Em thích lắp ghép, làm đồ chơi từ tre, giấy, hộp cũ.'],
			['engineering', 'Em thích điều khiển nhân vật bằng các khối lệnh trên máy tính.'],
			['engineering', 'Khi đồ chơi em làm bị hỏng, em muốn sửa lại cho tốt hơn.'],
			['skills', 'Em thích làm việc cùng các bạn trong nhóm.'],
			['skills', 'Em dám nói ý kiến của mình với cả lớp.'],
			['skills', 'Em giúp đỡ bạn khi bạn gặp khó.'],
			['careers', 'Lớn lên em muốn làm nhà khoa học, kỹ sư hoặc người làm công nghệ.'],
			['careers', 'Em biết người lớn dùng toán và khoa học trong công việc.'],
			['careers', 'Em muốn làm ra những thứ có ích cho bản em.']
		]
	},
	{
		audience: 'pupil_secondary',
		title: 'Khảo sát hứng thú STEM (lớp 6–12)',
		items: [
			['maths', 'Em thích giải các bài toán.'],
			['maths', 'Em tin mình có thể học tốt môn Toán.'],
			['maths', 'Toán giúp em giải quyết những việc trong cuộc sống hằng ngày.'],
			['maths', 'Em thấy lo lắng mỗi khi phải làm bài Toán.', true],
			['science', 'Em thích tìm hiểu vì sao các hiện tượng tự nhiên xảy ra.'],
			['science', 'Em tin mình có thể làm tốt các thí nghiệm khoa học.'],
			['science', 'Khoa học giúp em hiểu hơn về quê hương (cây hồi, sông Kỳ Cùng, thời tiết Mẫu Sơn).'],
			['science', 'Em thấy các môn khoa học khó hiểu và nhàm chán.', true],
			['engineering', 'Em thích tự tay làm ra một đồ vật hoặc mô hình.'],
			['engineering', 'Em muốn biết máy móc, thiết bị hoạt động như thế nào.'],
			['engineering', 'Khi mô hình chưa chạy, em thích tìm cách sửa cho nó chạy được.'],
			['engineering', 'Em tin mình có thể học lập trình để điều khiển máy tính hoặc robot.'],
			['skills', 'Em lắng nghe ý kiến của các bạn khi làm việc nhóm.'],
			['skills', 'Em có thể trình bày ý tưởng của mình trước lớp.'],
			['skills', 'Khi gặp khó, em thử nhiều cách khác nhau trước khi bỏ cuộc.'],
			['skills', 'Em biết chia việc và hoàn thành phần việc của mình trong nhóm.'],
			['careers', 'Sau này em muốn làm một nghề có dùng đến khoa học, công nghệ, kỹ thuật hoặc toán.'],
			['careers', 'Em biết một số nghề STEM có ở Lạng Sơn.'],
			['careers', 'Những gì em học ở trường có thể giúp ích cho quê hương em.'],
			['careers', 'Em nghĩ nghề kỹ sư hay nhà khoa học không dành cho những người như em.', true]
		]
	},
	{
		audience: 'teacher',
		title: 'Khảo sát giáo viên về dạy học STEM',
		items: [
			['efficacy', 'Tôi tự tin thiết kế một bài học STEM theo quy trình thiết kế kỹ thuật.'],
			['efficacy', 'Tôi biết cách hướng dẫn học sinh làm việc nhóm để tạo ra sản phẩm.'],
			['efficacy', 'Tôi có thể đánh giá sản phẩm của học sinh bằng các tiêu chí rõ ràng.'],
			['efficacy', 'Tôi chưa đủ kiến thức để dạy các chủ đề STEM liên môn.', true],
			['practices', 'Trong học kỳ này, học sinh của tôi được tự tay chế tạo và thử nghiệm mô hình.'],
			['practices', 'Tôi liên hệ bài học với các vấn đề thực tế của địa phương.'],
			['practices', 'Tôi cho học sinh trình bày và điều chỉnh sản phẩm sau khi thử nghiệm.'],
			['practices', 'Tôi dùng vật liệu rẻ, sẵn có ở địa phương trong bài học STEM.'],
			['skills', 'Tôi tạo cơ hội để học sinh hợp tác và giao tiếp.'],
			['skills', 'Tôi khuyến khích học sinh tự đặt câu hỏi và tìm cách giải quyết.'],
			['careers', 'Tôi giới thiệu cho học sinh các nghề STEM gắn với địa phương.'],
			['careers', 'Tôi giúp học sinh thấy con đường học tập dẫn đến các nghề STEM.']
		]
	}
];
