// The most common passwords of 8 characters or more (from public breach lists such as the
// SecLists "10k most common" and NordPass's yearly lists, with Vietnamese favourites added).
// Compared without case, so 'Password1' is refused like 'password1'.
const LIST = `
12345678 123456789 1234567890 0123456789 12345678910 87654321 98765432 987654321 11111111
111111111 1111111111 00000000 000000000 0000000000 22222222 66666666 88888888 99999999
12341234 11223344 12121212 123123123 12344321 147258369 159753456 147852369 123654789
123qweasd 1q2w3e4r 1q2w3e4r5t 1qaz2wsx 1qaz2wsx3edc qwertyui qwertyuiop qwerty123 qwerty12
qwerty1234 qwertyu1 asdfghjk asdfghjkl asdf1234 zxcvbnm1 zxcvbnm123 abcd1234 abc12345
abcdefgh abcd12345 a1234567 a12345678 aa123456 aa12345678 password password1 password12
password123 passw0rd p@ssw0rd p@ssword pass1234 pass12345 iloveyou iloveyou1 iloveyou2
sunshine football baseball superman batman123 princess starwars whatever trustno1 welcome1
welcome123 letmein1 letmein123 master123 monkey123 dragon123 shadow123 michael1 jennifer
computer internet samsung123 google123 facebook admin123 admin1234 administrator root1234
changeme changeme1 default1 secret123 test1234 testtest 1234abcd 1234qwer 123abc123
matkhau matkhau1 matkhau123 matkhau@123 matkhaumoi anhyeuem anhyeuem1 anhyeuem123 emyeuanh
emyeuanh123 yeuemnhieu yeuanhnhieu vietnam1 vietnam123 vietnam@123 hanoi123 saigon123
langson1 langson123 giaovien giaovien1 giaovien123 hocsinh123 truonghoc 123456aa 123456abc
123456789a 123456789aa 12345678a 12345678ab 1234567a 1234567890a 11111111a 88888888a
123456@a a123456789 a@123456 admin@123 abc@123456 abc123456 abc123456789 qwe12345
qweasdzxc qazwsxedc 01234567 12345679 123456780 12345qwert 123456qwerty zaq12wsx
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));

/** Is the password one of the most common ones (ignoring case and surrounding spaces)? */
export function isCommonPassword(password: string): boolean {
	return COMMON_PASSWORDS.has(password.normalize('NFC').trim().toLowerCase());
}
