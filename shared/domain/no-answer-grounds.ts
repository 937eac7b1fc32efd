/**
 * 59-ФЗ ст. 11: the grounds for giving no answer on the merits, each with the part of the
 * article, the notice the citizen gets and the term for it (days from registration; null where
 * the law sets none). Termination of correspondence (ч. 5) is not here: it is its own action,
 * decided by a supervisor (staff-transitions.ts).
 */
export enum NoAnswerGround {
  /** ч. 1: no surname, or no postal / e-mail address for the answer. */
  NoSurnameOrAddress = 'no_surname_or_address',
  /** ч. 2: the appeal challenges a court decision — returned with how to appeal it. */
  CourtDecision = 'court_decision',
  /** ч. 3: obscene or insulting language, threats to an official or their family. */
  ObsceneOrThreats = 'obscene_or_threats',
  /** ч. 4: the text cannot be read. */
  Unreadable = 'unreadable',
  /** ч. 4.1: the text does not let the body understand the essence of the proposal, statement or complaint. */
  EssenceUnclear = 'essence_unclear',
  /** ч. 5.1: the answer to the question is already published on the body's site. */
  AnswerPublished = 'answer_published',
  /** ч. 6: the answer would disclose a state secret or another secret protected by federal law. */
  SecretProtectedByLaw = 'secret_protected_by_law',
}

export const NO_ANSWER_GROUNDS: readonly NoAnswerGround[] = Object.values(NoAnswerGround);

export interface NoAnswerGroundRule {
  /** The part of 59-ФЗ ст. 11. */
  part: string;
  /** Days from registration within which the citizen is told (null: the law sets no term). */
  noticeDays: number | null;
  /** The statutory notice (the operator may write their own instead). */
  notice: string;
  label: { ru: string; en: string };
}

const LAW = 'Федерального закона от 02.05.2006 № 59-ФЗ «О порядке рассмотрения обращений граждан Российской Федерации»';
const AGAIN = 'Если причины, по которым ответ по существу не мог быть дан, будут устранены, вы вправе вновь направить обращение (часть 7 статьи 11).';

export const NO_ANSWER_GROUND_RULES: Readonly<Record<NoAnswerGround, NoAnswerGroundRule>> = {
  [NoAnswerGround.NoSurnameOrAddress]: {
    part: 'ч. 1',
    noticeDays: null,
    notice: `Ваше обращение зарегистрировано. В соответствии с частью 1 статьи 11 ${LAW} ответ по существу не даётся: в обращении не указаны фамилия и (или) почтовый адрес либо адрес электронной почты для ответа. Сведения о подготавливаемом, совершаемом или совершённом противоправном деянии, если они есть в обращении, направляются в государственный орган в соответствии с его компетенцией. ${AGAIN}`,
    label: { ru: 'Не указаны фамилия или адрес для ответа', en: 'No surname or address for the answer' },
  },
  [NoAnswerGround.CourtDecision]: {
    part: 'ч. 2',
    noticeDays: 7,
    notice: `В соответствии с частью 2 статьи 11 ${LAW} обращение, в котором обжалуется судебное решение, возвращается вам. Судебное решение обжалуется в порядке, установленном процессуальным законодательством: апелляционная, кассационная или надзорная жалоба подаётся через суд, принявший решение, в сроки, установленные Гражданским процессуальным кодексом, Кодексом административного судопроизводства, Арбитражным процессуальным кодексом или Уголовно-процессуальным кодексом Российской Федерации.`,
    label: { ru: 'Обжалуется судебное решение', en: 'Challenges a court decision' },
  },
  [NoAnswerGround.ObsceneOrThreats]: {
    part: 'ч. 3',
    noticeDays: null,
    notice: `В соответствии с частью 3 статьи 11 ${LAW} обращение, содержащее нецензурные либо оскорбительные выражения, угрозы жизни, здоровью и имуществу должностного лица, а также членов его семьи, оставлено без ответа по существу поставленных вопросов. Сообщаем о недопустимости злоупотребления правом.`,
    label: { ru: 'Нецензурные выражения или угрозы', en: 'Obscene language or threats' },
  },
  [NoAnswerGround.Unreadable]: {
    part: 'ч. 4',
    noticeDays: 7,
    notice: `В соответствии с частью 4 статьи 11 ${LAW} ответ на обращение не даётся и оно не направляется на рассмотрение: текст обращения не поддаётся прочтению. ${AGAIN}`,
    label: { ru: 'Текст не поддаётся прочтению', en: 'The text cannot be read' },
  },
  [NoAnswerGround.EssenceUnclear]: {
    part: 'ч. 4.1',
    noticeDays: 7,
    notice: `В соответствии с частью 4.1 статьи 11 ${LAW} ответ на обращение не даётся и оно не направляется на рассмотрение: текст обращения не позволяет определить суть предложения, заявления или жалобы. ${AGAIN}`,
    label: { ru: 'Не позволяет определить суть обращения', en: 'The essence cannot be determined' },
  },
  [NoAnswerGround.AnswerPublished]: {
    part: 'ч. 5.1',
    noticeDays: 7,
    notice: `В соответствии с частью 5.1 статьи 11 ${LAW} ответ на поставленный в обращении вопрос размещён на официальном сайте: {{link}}`,
    label: { ru: 'Ответ уже размещён на сайте органа', en: "The answer is published on the body's site" },
  },
  [NoAnswerGround.SecretProtectedByLaw]: {
    part: 'ч. 6',
    noticeDays: null,
    notice: `В соответствии с частью 6 статьи 11 ${LAW} ответ по существу поставленного в обращении вопроса не может быть дан: он не может быть дан без разглашения сведений, составляющих государственную или иную охраняемую федеральным законом тайну. ${AGAIN}`,
    label: { ru: 'Ответ раскрыл бы охраняемую законом тайну', en: 'The answer would disclose a secret protected by law' },
  },
};

/** ст. 11 ч. 5: the notice that the correspondence on the question is terminated. */
export const TERMINATION_NOTICE =
  `В соответствии с частью 5 статьи 11 ${LAW} переписка по данному вопросу прекращена: на него неоднократно давались письменные ответы по существу, а в новом обращении не приводятся новые доводы или обстоятельства. ${AGAIN}`;
