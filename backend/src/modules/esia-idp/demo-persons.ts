import type { TrustLevelName } from '../../config/app-config';

/** A person of the embedded IdP: what ESIA holds about a citizen (demo data, fictitious). */
export interface EsiaPerson {
  oid: string;
  trust: TrustLevelName;
  lastName: string;
  firstName: string;
  middleName: string;
  /** dd.MM.yyyy, as ESIA returns it. */
  birthDate: string;
  gender: 'M' | 'F';
  /** Verified SNILS (standard and confirmed accounts only), `XXX-XXX-XXX YY`. */
  snils: string | null;
  inn: string | null;
  email: string;
  mobile: string;
  address: { type: 'PRG' | 'PLV'; addressStr: string; zipCode: string } | null;
  document: { type: 'RF_PASSPORT'; series: string; number: string; issueDate: string; issuedBy: string; issueId: string } | null;
}

/** At least one person per trust level, listed on the IdP's sign-in page. SNILS/INN pass their checksums. */
export const DEMO_PERSONS: EsiaPerson[] = [
  {
    oid: '1000299353',
    trust: 'confirmed',
    lastName: 'Иванов',
    firstName: 'Иван',
    middleName: 'Иванович',
    birthDate: '14.03.1985',
    gender: 'M',
    snils: '112-233-445 95',
    inn: '770708389324',
    email: 'ivanov@esia.demo.otklik.local',
    mobile: '+7(916)1234567',
    address: { type: 'PRG', addressStr: 'г. Тверь, ул. Советская, д. 1, кв. 2', zipCode: '170100' },
    document: { type: 'RF_PASSPORT', series: '2805', number: '123456', issueDate: '20.03.2005', issuedBy: 'ОВД г. Твери', issueId: '690-001' },
  },
  {
    // A second confirmed person, e.g. to show linking to an existing account by a confirmed SNILS.
    oid: '1000299356',
    trust: 'confirmed',
    lastName: 'Смирнова',
    firstName: 'Анна',
    middleName: 'Викторовна',
    birthDate: '02.02.1978',
    gender: 'F',
    snils: '156-248-373 80',
    inn: null,
    email: 'smirnova@esia.demo.otklik.local',
    mobile: '+7(915)2223344',
    address: null,
    document: null,
  },
  {
    oid: '1000299354',
    trust: 'standard',
    lastName: 'Петрова',
    firstName: 'Мария',
    middleName: 'Сергеевна',
    birthDate: '01.07.1992',
    gender: 'F',
    snils: '123-456-789 64',
    inn: '500123456750',
    email: 'petrova@esia.demo.otklik.local',
    mobile: '+7(903)7654321',
    address: null,
    document: null,
  },
  {
    oid: '1000299355',
    trust: 'simplified',
    lastName: 'Сидоров',
    firstName: 'Пётр',
    middleName: 'Алексеевич',
    birthDate: '23.11.1999',
    gender: 'M',
    snils: null,
    inn: null,
    email: 'sidorov@esia.demo.otklik.local',
    mobile: '+7(926)5550011',
    address: null,
    document: null,
  },
];

export function findDemoPerson(oid: string): EsiaPerson | undefined {
  return DEMO_PERSONS.find((p) => p.oid === oid);
}
