/**
 * There is no Russian zxcvbn dictionary package: common Russian passwords and words, each also
 * checked in its Latin-keyboard form (typed with the layout switched: «привет» → «ghbdtn»).
 */
export const RUSSIAN_WORDS: readonly string[] = [
  'привет', 'пароль', 'любовь', 'люблю', 'солнце', 'солнышко', 'котик', 'котенок', 'зайка', 'зайчик',
  'рыбка', 'малыш', 'наташа', 'наталья', 'марина', 'светлана', 'татьяна', 'елена', 'ольга', 'ирина',
  'анна', 'мария', 'екатерина', 'катя', 'настя', 'анастасия', 'юлия', 'юля', 'оксана', 'людмила',
  'надежда', 'вера', 'галина', 'александр', 'саша', 'сергей', 'андрей', 'алексей', 'дмитрий', 'дима',
  'максим', 'владимир', 'иван', 'михаил', 'миша', 'николай', 'евгений', 'павел', 'роман', 'артем',
  'денис', 'игорь', 'олег', 'виктор', 'юрий', 'антон', 'россия', 'москва', 'родина', 'спартак',
  'зенит', 'динамо', 'цска', 'погода', 'хорошо', 'здравствуй', 'здравствуйте', 'спасибо', 'пожалуйста',
  'доброе', 'утро', 'вечер', 'весна', 'лето', 'осень', 'зима', 'январь', 'февраль', 'март', 'апрель',
  'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь', 'понедельник',
  'пятница', 'суббота', 'воскресенье', 'мама', 'папа', 'семья', 'дочка', 'сынок', 'бабушка',
  'дедушка', 'собака', 'кошка', 'медведь', 'волк', 'лиса', 'тигр', 'дракон', 'ангел', 'звезда',
  'счастье', 'свобода', 'победа', 'удача', 'мечта', 'жизнь', 'привет123', 'парольпароль', 'админ',
  'администратор', 'пользователь', 'гость', 'секрет', 'отклик', 'госуслуги', 'обращение', 'жалоба',
  'компьютер', 'интернет', 'телефон', 'работа', 'школа', 'университет', 'машина', 'дом', 'город',
  'улица', 'кузнецов', 'иванов', 'петров', 'смирнов', 'сидоров', 'попов', 'васильев', 'соколов',
  'михайлов', 'новиков', 'федоров', 'морозов', 'волков', 'алексеев', 'лебедев', 'семенов',
  'йцукен', 'фывапр', 'ячсмит', 'йцукенгшщзхъ', 'фывапролджэ', 'ячсмитьбю', 'абвгд', 'абвгдеёжз',
  'qwerty', 'qwertyuiop', 'asdfgh', 'zxcvbn', 'password', 'passw0rd', 'admin', 'letmein',
];

const RU = 'йцукенгшщзхъфывапролджэячсмитьбюё';
const EN = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";

/** The same keys pressed with the other layout active: «привет» ↔ «ghbdtn». */
export function switchLayout(text: string, to: 'latin' | 'cyrillic'): string {
  const [from, into] = to === 'latin' ? [RU, EN] : [EN, RU];
  return [...text.toLowerCase()].map((ch) => {
    const i = from.indexOf(ch);
    return i >= 0 ? into[i] : ch;
  }).join('');
}

/** Cyrillic words plus their Latin-keyboard forms, for the zxcvbn dictionary matcher. */
export function russianDictionary(): string[] {
  const words = new Set<string>();
  for (const w of RUSSIAN_WORDS) {
    words.add(w);
    if (/[а-яё]/.test(w)) words.add(switchLayout(w, 'latin'));
  }
  return [...words];
}

/** Keyboard rows and alphabets whose runs (forwards or backwards) make a «simple sequence». */
export const SEQUENCES: readonly string[] = [
  '01234567890',
  'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'qazwsxedcrfvtgbyhnujmikolp',
  'йцукенгшщзхъ', 'фывапролджэ', 'ячсмитьбю',
  'abcdefghijklmnopqrstuvwxyz',
  'абвгдеёжзийклмнопрстуфхцчшщъыьэюя',
];
