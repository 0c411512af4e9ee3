/** 13812345678 → 138****5678: phones are shown masked wherever the full number is not needed (none after leaving). */
export const maskPhone = (phone: string | null): string =>
  phone?.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****';

/** Keeps the first few characters of an address (the estate) and hides the building and door. */
export const maskAddress = (address: string): string => {
  const visible = Math.min(6, Math.max(2, Math.floor(address.length / 3)));
  return `${address.slice(0, visible)}****`;
};

/** 440781198506150021 → 440***********0021. */
export const maskIdNumber = (idNumber: string): string => `${idNumber.slice(0, 3)}***********${idNumber.slice(-4)}`;

/** A work phone is shown as it is, unless it is a personal mobile number. */
export const maskWorkPhone = (phone: string): string => (/^1[3-9]\d{9}$/.test(phone) ? maskPhone(phone) : phone);

/** 张三 → 张*, 张小三 → 张*三, 欧阳小三 → 欧**三: a name shown to anyone who checks a certificate (characters, not UTF-16 units). */
export const maskName = (name: string): string => {
  const characters = [...name];
  if (characters.length <= 1) return '*';
  if (characters.length === 2) return `${characters[0]}*`;
  return `${characters[0]}${'*'.repeat(characters.length - 2)}${characters[characters.length - 1]}`;
};
