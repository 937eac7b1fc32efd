/** What `users.personal_encrypted` holds (AES-GCM JSON via PersonalDataCipher). */
export interface PersonalData {
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string;
  snils: string | null;
  inn: string | null;
  phone: string | null;
}
