import { APPEAL_STATUS_LABELS, AppealStatus } from '@otklik/shared/domain';
export type Locale = 'ru' | 'en';

/** Picks ru (the default) or en from an Accept-Language header, honouring q-values. */
export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'ru';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.split('-')[0], q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((x) => x.lang === 'ru' || x.lang === 'en')
    .sort((a, b) => b.q - a.q);
  return (ranked[0]?.lang as Locale) ?? 'ru';
}

type Catalog = Record<string, { ru: string; en: string }>;

/** Titles of problems, by stable error code. `{name}` placeholders come from the error's params. */
export const PROBLEM_TITLES: Catalog = {
  validation_failed: { ru: 'Запрос содержит ошибки', en: 'The request has invalid fields' },
  bad_request: { ru: 'Некорректный запрос', en: 'Bad request' },
  answer_not_postal: {
    ru: 'Ответ по обращению № {number} не отправляется почтой или ещё не дан',
    en: 'The answer to appeal № {number} does not go by post, or is not given yet',
  },
  malformed_json: { ru: 'Тело запроса не является корректным JSON', en: 'The request body is not valid JSON' },
  json_too_deep: {
    ru: 'Слишком глубокая вложенность JSON (допустимо не более {max} уровней)',
    en: 'The JSON body is nested too deeply (at most {max} levels)',
  },
  malformed_url: { ru: 'Некорректный адрес запроса', en: 'The request URL is malformed' },
  uri_too_long: { ru: 'Слишком длинный адрес запроса', en: 'The request URL is too long' },
  headers_too_large: { ru: 'Слишком большие заголовки запроса', en: 'The request headers are too large' },
  request_timeout: { ru: 'Запрос не получен полностью вовремя', en: 'The request was not received in time' },
  unsupported_media_type: { ru: 'Неподдерживаемый тип содержимого', en: 'Unsupported media type' },
  payload_too_large: { ru: 'Слишком большой запрос', en: 'Request too large' },
  unauthorized: { ru: 'Требуется вход в систему', en: 'Authentication required' },
  invalid_credentials: { ru: 'Неверный логин или пароль', en: 'Invalid login or password' },
  invalid_refresh_token: { ru: 'Сессия недействительна, войдите снова', en: 'The session is not valid; sign in again' },
  forbidden: { ru: 'Недостаточно прав', en: 'You are not allowed to do this' },
  queue_board_unavailable: { ru: 'Панель очередей доступна только при работе с Redis (BullMQ)', en: 'The queue board is available only with Redis (BullMQ)' },
  not_found: { ru: 'Не найдено', en: 'Not found' },
  // Notification templates (issue 16).
  unknown_placeholder: { ru: 'Неизвестная подстановка: {names}. Доступны: {allowed}', en: 'Unknown placeholder: {names}. Available: {allowed}' },
  sms_too_long: { ru: 'SMS длиннее {max} сегментов ({segments}) даже с образцом данных', en: 'The SMS is longer than {max} segments ({segments}) even with the sample data' },
  oversight_only: {
    ru: 'Обращение эскалировано в ваш отдел для контроля: действовать по нему может отдел-исполнитель (или перенаправьте его)',
    en: 'The appeal is escalated to your department for oversight: the handling department acts on it (or redirect it)',
  },
  no_parent_department: {
    ru: 'У подразделения нет вышестоящего: эскалировать обращение некуда',
    en: 'The department has no parent department to escalate the appeal to',
  },
  supervisor_only: {
    ru: 'Это решение принимает руководитель отдела (супервизор)',
    en: "This is the department supervisor's decision",
  },
  approval_required: {
    ru: 'Это действие требует согласования руководителя: направьте предложение на согласование',
    en: "This action needs the supervisor's approval: propose it instead",
  },
  operator_only: {
    ru: 'Руководитель принимает это решение сам, без предложения на согласование',
    en: 'A supervisor takes this decision directly, without proposing it',
  },
  answer_template_out_of_scope: {
    ru: 'Общими шаблонами ответов управляет администратор; руководитель меняет только шаблоны своих отделов',
    en: "Global answer templates are managed by admins; a supervisor changes only their own departments' templates",
  },
  route_not_found: { ru: 'Такого адреса нет', en: 'No such route' },
  method_not_allowed: { ru: 'Метод не поддерживается', en: 'Method not allowed' },
  invalid_transition: {
    ru: 'Действие недоступно в статусе «{status}»',
    en: 'This action is not available in status "{status}"',
  },
  macro_step_not_allowed: {
    ru: 'Макрос не применён: шаг «{step}» недоступен в статусе «{status}»; ничего не изменено',
    en: 'The macro was not applied: step "{step}" is not available in status "{status}"; nothing changed',
  },
  macro_not_allowed: {
    ru: 'Макрос «{title}» не разрешён для отдела этого обращения',
    en: 'The macro "{title}" is not allowed for this appeal\'s department',
  },
  version_conflict: {
    ru: 'Обращение уже изменено (версия {current}), обновите данные и повторите',
    en: 'The appeal has changed since you loaded it (version {current}); reload and retry',
  },
  answer_not_found: { ru: 'У обращения ещё нет ответа', en: 'The appeal has no answer yet' },
  sed_export_not_configured: {
    ru: 'Выгрузка в СЭД не настроена (SED_EXPORT_DIR или SED_EXPORT_S3_PREFIX)',
    en: 'The document-management export is not configured (SED_EXPORT_DIR or SED_EXPORT_S3_PREFIX)',
  },
  concurrent_modification: {
    ru: 'Обращение изменено другим запросом, обновите данные',
    en: 'The appeal was changed by another request; reload it',
  },
  idempotency_key_reused: {
    ru: 'Ключ идемпотентности уже использован с другим телом запроса',
    en: 'The Idempotency-Key was already used with a different request body',
  },
  idempotency_in_progress: {
    ru: 'Запрос с этим ключом идемпотентности ещё выполняется',
    en: 'A request with this Idempotency-Key is still in progress',
  },
  rate_limited: { ru: 'Слишком много запросов, повторите позже', en: 'Too many requests; try again later' },
  account_locked: {
    ru: 'Вход временно заблокирован после неудачных попыток; повторите через {seconds} с',
    en: 'Sign-in is locked after failed attempts; try again in {seconds} s',
  },
  account_locked_pending_review: {
    ru: 'Учётная запись заблокирована до проверки администратором',
    en: 'The account is locked pending an administrator\'s review',
  },
  alert_already_resolved: { ru: 'Оповещение уже закрыто', en: 'The alert is already resolved' },
  too_many_failures: {
    ru: 'Слишком много неудачных попыток с этого адреса; повторите через {seconds} с',
    en: 'Too many failed attempts from this address; try again in {seconds} s',
  },
  mfa_code_invalid: { ru: 'Неверный код второго фактора', en: 'The second-factor code is wrong' },
  mfa_token_invalid: { ru: 'Время подтверждения входа истекло, войдите снова', en: 'The sign-in step has expired; sign in again' },
  mfa_enrolment_required: {
    ru: 'Для входа подключите приложение-аутентификатор: подтвердите код из письма и отсканируйте QR-код',
    en: 'Set up an authenticator app to sign in: confirm the e-mailed code and scan the QR code',
  },
  mfa_already_enrolled: { ru: 'Второй фактор уже подключён', en: 'A second factor is already enrolled' },
  no_phone_on_account: { ru: 'У учётной записи нет подтверждённого телефона', en: 'The account has no confirmed phone' },
  password_expired: {
    ru: 'Срок действия пароля истёк: смените его (POST /api/v1/auth/password/expired) и войдите снова',
    en: 'The password has expired: change it (POST /api/v1/auth/password/expired) and sign in again',
  },
  own_account: { ru: 'Нельзя заблокировать свою учётную запись или сменить свою роль', en: 'You cannot lock your own account or change your own role' },
  invitation_already_accepted: { ru: 'Приглашение уже принято: пароль задан', en: 'The invitation was already accepted: a password is set' },
  account_link_invalid: {
    ru: 'Ссылка недействительна: она уже использована, устарела или неверна. Попросите администратора прислать новую',
    en: 'The link is not valid: it was used, has expired or is wrong. Ask an administrator for a new one',
  },
  department_in_use: {
    ru: 'Подразделение нельзя упразднить: открытых обращений — {openAppeals}, активных сотрудников — {activeStaff}, действующих подчинённых подразделений — {liveChildren}',
    en: 'The department cannot be retired: {openAppeals} open appeals, {activeStaff} active staff, {liveChildren} live sub-departments',
  },
  department_general_pool: { ru: 'Общий пул нельзя упразднить', en: 'The general pool cannot be retired' },
  ip_not_allowed: { ru: 'Вход с этого IP-адреса запрещён', en: 'Sign-in from this IP address is not allowed' },
  account_exists: {
    ru: 'Учётная запись с такими данными уже существует: войдите или восстановите пароль',
    en: 'An account with these details exists: sign in or recover the password',
  },
  sms_unavailable: { ru: 'Не удалось отправить SMS, повторите позже', en: 'The SMS could not be sent; try again later' },
  mail_unavailable: { ru: 'Не удалось отправить письмо, повторите позже', en: 'The e-mail could not be sent; try again later' },
  conflict: { ru: 'Конфликт с текущим состоянием', en: 'Conflict with the current state' },
  internal: { ru: 'Внутренняя ошибка сервера', en: 'Internal server error' },
  service_unavailable: { ru: 'Сервис временно недоступен', en: 'Service temporarily unavailable' },
  esia_not_configured: { ru: 'Вход через Госуслуги не настроен', en: 'Sign-in with Gosuslugi (ESIA) is not configured' },
  esia_state_invalid: {
    ru: 'Сеанс входа через Госуслуги недействителен или истёк, начните вход заново',
    en: 'The ESIA sign-in session is invalid or has expired; start signing in again',
  },
  esia_denied: { ru: 'Вход через Госуслуги отменён: {reason}', en: 'Sign-in with ESIA was declined: {reason}' },
  esia_failed: { ru: 'Не удалось войти через Госуслуги: {reason}', en: 'Sign-in with ESIA failed: {reason}' },
  esia_account_not_citizen: {
    ru: 'Учётная запись Госуслуг связана с учётной записью сотрудника или отключена',
    en: 'This ESIA account is linked to a staff or disabled account',
  },
  appeal_anonymised: {
    ru: 'Срок хранения обращения истёк, его данные обезличены',
    en: 'The retention period of this appeal has ended and its data were anonymised',
  },
  attachment_rejected: { ru: 'Файл «{file}» не принят', en: 'The file "{file}" was not accepted' },
  widget_origin_not_allowed: {
    ru: 'Этому сайту не разрешено встраивать форму обращений',
    en: 'This site is not allowed to embed the appeal form',
  },
  token_scope: {
    ru: 'Вход через форму обращений на сайте организации даёт доступ только к подаче обращения',
    en: "A sign-in through the appeal form on a body's site gives access to filing an appeal only",
  },
  widget_body_invalid: {
    ru: 'Подразделение «{code}» не является организацией: списки сайтов для формы обращений задаются только для подразделений верхнего уровня',
    en: 'The department "{code}" is not a body: only top-level departments have their own list of sites for the appeal form',
  },
  upload_session_invalid: {
    ru: 'Сеанс загрузки файлов недействителен или истёк, начните загрузку заново',
    en: 'The upload session is invalid or has expired; start the upload again',
  },
  upload_interrupted: { ru: 'Загрузка файла прервана, файл не сохранён', en: 'The upload was interrupted; nothing was stored' },
  attachment_scan_pending: {
    ru: 'Файл «{file}» ещё проверяется антивирусом, повторите позже',
    en: 'The file "{file}" is still being scanned for malware; try again later',
  },
  attachment_scan_failed: {
    ru: 'Файл «{file}» недоступен: антивирусная проверка не выполнена, сотрудники уведомлены',
    en: 'The file "{file}" is unavailable: the malware scan could not be done; staff can see this',
  },
  attachment_scan_infected: { ru: 'Файл «{file}» заражён и недоступен', en: 'The file "{file}" is infected and unavailable' },
  attachment_locked: {
    ru: 'Файл «{file}» уже отправлен вместе с обращением или сообщением и не может быть удалён',
    en: 'The file "{file}" was already sent with the appeal or message and cannot be removed',
  },
  range_not_satisfiable: { ru: 'Запрошенный диапазон за пределами файла', en: 'The requested range is outside the file' },
  trust_level_insufficient: {
    ru: 'Для подачи обращения нужна учётная запись Госуслуг уровня: {required} (у вас: {level})',
    en: 'Filing an appeal needs an ESIA account of level: {required} (yours: {level})',
  },
  category_code_taken: { ru: 'Категория с таким кодом уже есть', en: 'A category with this code already exists' },
  category_parent_retired: { ru: 'Родительская категория выведена из употребления', en: 'The parent category is retired' },
};

/** Field error messages by code (class-validator constraint names and our own codes). */
export const FIELD_MESSAGES: Catalog = {
  required: { ru: 'Обязательное поле', en: 'This field is required' },
  unknown_field: { ru: 'Неизвестное поле', en: 'Unknown field' },
  isString: { ru: 'Должно быть строкой', en: 'Must be a string' },
  isBoolean: { ru: 'Должно быть логическим значением', en: 'Must be a boolean' },
  isInt: { ru: 'Должно быть целым числом', en: 'Must be an integer' },
  isEnum: { ru: 'Недопустимое значение', en: 'Not one of the allowed values' },
  isUuid: { ru: 'Должно быть идентификатором (UUID)', en: 'Must be a UUID' },
  isEmail: { ru: 'Некорректный адрес электронной почты', en: 'Not a valid e-mail address' },
  isDateString: { ru: 'Должно быть датой в формате ГГГГ-ММ-ДД', en: 'Must be a date (YYYY-MM-DD)' },
  isISO8601: { ru: 'Должно быть датой в формате ГГГГ-ММ-ДД', en: 'Must be a date (YYYY-MM-DD)' },
  isDateOrInstant: {
    ru: 'Должно быть существующей датой ГГГГ-ММ-ДД или моментом времени ISO 8601',
    en: 'Must be a real date (YYYY-MM-DD) or an ISO-8601 instant',
  },
  nul_character: { ru: 'Содержит недопустимый символ NUL (U+0000)', en: 'Must not contain the NUL character (U+0000)' },
  ill_formed_unicode: {
    ru: 'Содержит некорректную последовательность Юникода (одиночный суррогат)',
    en: 'Must be well-formed Unicode (no lone surrogates)',
  },
  isObject: { ru: 'Должно быть объектом', en: 'Must be an object' },
  isNotEmpty: { ru: 'Не может быть пустым', en: 'Must not be empty' },
  maxLength: { ru: 'Слишком длинное значение', en: 'Too long' },
  minLength: { ru: 'Слишком короткое значение', en: 'Too short' },
  min: { ru: 'Слишком маленькое значение', en: 'Too small' },
  max: { ru: 'Слишком большое значение', en: 'Too large' },
  nestedValidation: { ru: 'Некорректный вложенный объект', en: 'Invalid nested object' },
  matches: { ru: 'Недопустимый формат', en: 'Invalid format' },
  phone: { ru: 'Телефон должен быть в формате +7XXXXXXXXXX', en: 'Phone must be +7 followed by 10 digits' },
  text_charset: {
    ru: 'Допустимы только кириллица, латиница, цифры и знаки препинания',
    en: 'Only Cyrillic and Latin letters, digits and punctuation are allowed',
  },
  text_too_long: { ru: 'Текст длиннее 5000 символов', en: 'The text is longer than 5000 characters' },
  date_in_past: { ru: 'Дата не может быть в прошлом', en: 'The date cannot be in the past' },
  date_in_future: { ru: 'Дата не может быть в будущем', en: 'The date cannot be in the future' },
  date_too_old: { ru: 'Слишком давняя дата', en: 'The date is too far in the past' },
  contact_required: { ru: 'Нужен телефон, e-mail или почтовый адрес заявителя', en: "The applicant's phone, e-mail or postal address is needed" },
  org_inn_invalid: { ru: 'Некорректный ИНН организации (10 цифр, контрольный разряд)', en: 'Not a valid INN of an organisation (10 digits, check digit)' },
  ogrn_invalid: { ru: 'Некорректный ОГРН (13 цифр, контрольный разряд)', en: 'Not a valid OGRN (13 digits, check digit)' },
  unknown_category: { ru: 'Категория не найдена', en: 'No such category' },
  category_type_mismatch: {
    ru: 'Категория не подходит для этого типа обращения',
    en: 'This category does not accept this appeal type',
  },
  not_a_subcategory: { ru: 'Подкатегория не относится к выбранной категории', en: 'Not a subcategory of the chosen category' },
  type_not_allowed: { ru: 'Этот тип обращения нельзя подать напрямую', en: 'This appeal type cannot be filed directly' },
  schema: { ru: 'Не соответствует требованиям категории', en: 'Does not match what the category requires' },
  isArray: { ru: 'Должно быть списком', en: 'Must be a list' },
  arrayMinSize: { ru: 'Список не может быть пустым', en: 'The list must not be empty' },
  arrayMaxSize: { ru: 'Слишком много элементов', en: 'Too many items' },
  upload_session_invalid: {
    ru: 'Сеанс загрузки файлов недействителен или истёк, загрузите файлы заново',
    en: 'The upload session is invalid or has expired; upload the files again',
  },
  file_missing: { ru: 'В запросе нет файла (поле file)', en: 'The request has no file (field "file")' },
  file_empty: { ru: 'Файл пуст', en: 'The file is empty' },
  file_too_large: { ru: 'Файл больше допустимого размера', en: 'The file is larger than allowed' },
  file_type_not_allowed: {
    ru: 'Недопустимый тип файла: принимаются PDF, DOC, DOCX, JPG, PNG и TXT',
    en: 'File type not allowed: PDF, DOC, DOCX, JPG, PNG and TXT are accepted',
  },
  file_type_mismatch: {
    ru: 'Содержимое файла не соответствует его расширению или заявленному типу',
    en: 'The content does not match the file extension or the declared type',
  },
  file_markup: { ru: 'HTML, SVG и другая разметка не принимаются', en: 'HTML, SVG and other markup are not accepted' },
  file_corrupt: { ru: 'Файл повреждён или имеет неверную структуру', en: 'The file is damaged or not well-formed' },
  file_zip_bomb: { ru: 'Архив документа распаковывается в недопустимо большой объём', en: 'The document package inflates to an unacceptable size' },
  file_macros: { ru: 'Документы с макросами не принимаются', en: 'Documents with macros are not accepted' },
  file_name_invalid: { ru: 'Имя файла содержит путь', en: 'The file name contains a path' },
  malware_found: { ru: 'В файле обнаружено вредоносное содержимое', en: 'Malware was found in the file' },
  appeal_total_exceeded: { ru: 'Превышен общий объём файлов обращения', en: 'The total size of the appeal files would be exceeded' },
  too_many_files: { ru: 'Превышено число файлов обращения', en: 'Too many files for one appeal' },
  daily_quota_exceeded: { ru: 'Превышен суточный объём загрузок', en: 'The daily upload quota is used up' },
  attachment_unavailable: {
    ru: 'Файл не найден среди ваших ещё не прикреплённых загрузок',
    en: 'Not one of your uploads that is still unattached',
  },
  attachment_duplicate: { ru: 'Файл указан дважды', en: 'The same file is listed twice' },
  invalid_cursor: { ru: 'Некорректный курсор страницы', en: 'Invalid page cursor' },
  repeats_required: {
    ru: 'Укажите не менее двух прежних обращений гражданина по этому же вопросу, на которые даны ответы по существу (59-ФЗ ст. 11 ч. 5)',
    en: "Name at least two of the citizen's earlier appeals on the same question that were answered on the merits (59-ФЗ art. 11 p. 5)",
  },
  repeats_self: { ru: 'Обращение не может повторять само себя', en: 'An appeal cannot repeat itself' },
  repeats_not_same_citizen: {
    ru: 'Указанное обращение не найдено среди обращений этого гражданина',
    en: "The appeal named is not one of this citizen's appeals",
  },
  repeats_not_answered: {
    ru: 'На указанное обращение не был дан ответ по существу (решено или отказано с ответом)',
    en: 'The appeal named was not answered on the merits (resolved or refused with an answer)',
  },
  isUrl: { ru: 'Укажите адрес страницы (https://…)', en: 'Give the page address (https://…)' },
  forbidden_field: { ru: 'Это поле нельзя задавать', en: 'This field may not be set by you' },
  date_range: { ru: 'Начало периода позже конца', en: 'The range starts after it ends' },
  password_too_short: { ru: 'Пароль должен быть не короче 8 символов', en: 'The password must be at least 8 characters' },
  password_classes: {
    ru: 'Пароль должен содержать заглавную и строчную буквы, цифру и специальный символ',
    en: 'The password needs an upper-case and a lower-case letter, a digit and a special character',
  },
  password_sequence: {
    ru: 'Пароль содержит простую последовательность (1234, qwerty, йцукен…)',
    en: 'The password contains a simple sequence (1234, qwerty, йцукен…)',
  },
  password_weak: {
    ru: 'Пароль легко подобрать: распространённое слово, имя, дата или ваши данные',
    en: 'The password is easy to guess: a common word, name, date or your own data',
  },
  password_reused: { ru: 'Новый пароль должен отличаться от текущего', en: 'The new password must differ from the current one' },
  password_incorrect: { ru: 'Неверный пароль', en: 'The password is wrong' },
  snils_or_inn_required: { ru: 'Укажите СНИЛС или ИНН', en: 'Give SNILS or INN' },
  snils_invalid: { ru: 'Некорректный СНИЛС (не сходится контрольное число)', en: 'Not a valid SNILS (check digits)' },
  inn_invalid: { ru: 'Некорректный ИНН физического лица (12 цифр, контрольные разряды)', en: 'Not a valid personal INN (12 digits, check digits)' },
  birth_date_invalid: { ru: 'Возраст должен быть от 14 до 120 лет', en: 'Age must be between 14 and 120' },
  consent_required: {
    ru: 'Необходимо согласие на обработку персональных данных',
    en: 'Consent to personal-data processing is required',
  },
  captcha_invalid: { ru: 'Проверка CAPTCHA не пройдена или устарела', en: 'The CAPTCHA solution is invalid or expired' },
  code_invalid: { ru: 'Неверный или уже использованный код', en: 'The code is wrong or already used' },
  code_expired: { ru: 'Срок действия кода истёк, запросите новый', en: 'The code has expired; ask for a new one' },
  code_attempts_exceeded: { ru: 'Слишком много неверных попыток, запросите новый код', en: 'Too many wrong attempts; ask for a new code' },
  date_outside_year: { ru: 'Дата не относится к загружаемому году', en: 'The date is not in the year being loaded' },
  date_working_and_non_working: {
    ru: 'Дата указана одновременно как рабочая и как нерабочая',
    en: 'The date is listed both as a working and as a non-working day',
  },
  not_a_weekend: {
    ru: 'Рабочими по переносу могут быть только суббота или воскресенье',
    en: 'Only a Saturday or Sunday can be made a working day by a transfer',
  },
  date_too_far: { ru: 'Не более чем на 5 лет вперёд', en: 'At most 5 years ahead' },
  file_required: { ru: 'Нужно передать файл', en: 'Must be sent as a file' },
  duplicate_field: { ru: 'Поле передано более одного раза', en: 'The field is given more than once' },
  signature_required: {
    ru: 'Для ответа в формате JSON нужна его подпись (заголовок X-Answer-Signature, полученный вместе с ним)',
    en: 'A JSON answer needs its signature (the X-Answer-Signature header it came with)',
  },
  department_cycle: { ru: 'Подразделение нельзя подчинить ему самому или его подразделению', en: 'A department cannot move under itself or its own sub-department' },
  invalid_network: { ru: 'Укажите IP-адрес или сеть в нотации CIDR', en: 'Give an IP address or a CIDR network' },
  invalid_department: { ru: 'Такого подразделения нет', en: 'No such department' },
  department_retired: { ru: 'Подразделение упразднено', en: 'The department is retired' },
  department_not_allowed: { ru: 'Администраторы и аудиторы не входят в подразделения', en: 'Admins and auditors belong to no department' },
  registration_expired: {
    ru: 'Регистрация не найдена или срок подтверждения истёк',
    en: 'No such registration, or its confirmation window has passed',
  },  // Duplicates and their merge (issue 18).
  unknown_placeholder: { ru: 'Такой подстановки у этого уведомления нет', en: 'This notice has no such placeholder' },
  sms_too_long: { ru: 'SMS не помещается в два сегмента', en: 'The SMS does not fit two segments' },
  subject_not_allowed: { ru: 'У SMS нет темы', en: 'An SMS has no subject' },
  merge_same_appeal: { ru: 'Обращение нельзя объединить с самим собой', en: 'An appeal cannot be merged with itself' },
  merge_closed_appeal: {
    ru: 'По обращению № {number} уже дан ответ или оно закрыто: объединять можно только нерассмотренные',
    en: 'Appeal № {number} is answered or closed: only appeals not yet answered can be merged',
  },
  merge_main_is_linked: { ru: 'Обращение № {number} само объединено с другим: выберите основное', en: 'Appeal № {number} is itself merged into another: choose the main one' },
  merge_already_linked: { ru: 'Обращение № {number} уже объединено с другим', en: 'Appeal № {number} is already merged into another' },
  merge_has_linked: { ru: 'С обращением № {number} уже объединены другие: объединяйте их с ним', en: 'Other appeals are merged into № {number}: merge into it instead' },
  // Catalogue administration and the calendar import (issue 16).
  invalid_parent: { ru: 'Родителем может быть только категория верхнего уровня', en: 'The parent must be a top-level category' },
  not_the_children: { ru: 'Нужно перечислить всех потомков один раз', en: 'List every child exactly once' },
  schema_too_large: { ru: 'Схема слишком велика', en: 'The schema is too large' },
  schema_not_object: { ru: 'Схема должна описывать объект (type: object)', en: 'The schema must describe an object (type: object)' },
  schema_without_properties: { ru: 'Поля схемы перечисляются в properties', en: 'The schema must list its fields under properties' },
  schema_too_many_fields: { ru: 'Слишком много полей', en: 'Too many fields' },
  schema_field_name: { ru: 'Имя поля: латинские буквы, цифры и _, начиная с буквы', en: 'A field name is Latin letters, digits and _, starting with a letter' },
  schema_too_deep: { ru: 'Слишком глубокая вложенность схемы', en: 'The schema is nested too deeply' },
  schema_keyword_not_allowed: { ru: 'Это ключевое слово в схеме не допускается', en: 'This keyword is not allowed in a schema' },
  schema_pattern_not_allowed: { ru: 'Недопустимое регулярное выражение', en: 'This regular expression is not allowed' },
  invalid_schema: { ru: 'Некорректная JSON-схема', en: 'Not a valid JSON Schema' },
  not_a_working_day: { ru: 'Сокращённым может быть только рабочий день', en: 'Only a working day can be shortened' },
  holiday_not_a_day_off: { ru: 'Праздник должен быть нерабочим днём', en: 'A holiday must be a day off' },
  calendar_doctype: { ru: 'Объявления DOCTYPE не принимаются', en: 'Document type declarations are not accepted' },
  calendar_not_xmlcalendar: { ru: 'Это не файл производственного календаря (нет элемента calendar)', en: 'Not a production calendar file (no calendar element)' },
  calendar_not_json: { ru: 'Файл не является JSON', en: 'The file is not JSON' },
  calendar_year: { ru: 'В файле нет корректного года', en: 'The file has no valid year' },
  calendar_year_mismatch: { ru: 'Файл относится к другому году', en: 'The file is of another year' },
  calendar_months: { ru: 'Нужно перечислить все двенадцать месяцев', en: 'All twelve months must be listed' },
  calendar_month: { ru: 'Некорректный месяц', en: 'Not a valid month' },
  calendar_month_days: { ru: 'Некорректный список дней месяца', en: 'Not a valid list of days' },
  calendar_day: { ru: 'Некорректный день', en: 'Not a valid day' },
  calendar_day_type: { ru: 'Тип дня должен быть 1, 2 или 3', en: 'The day type must be 1, 2 or 3' },
  email_taken: { ru: 'Этот адрес e-mail уже используется другой учётной записью', en: 'Another account uses this e-mail address' },
  no_pending_change: { ru: 'Нет ожидающего подтверждения изменения', en: 'No change is waiting for confirmation' },
  name_managed_by_admin: { ru: 'ФИО сотрудника меняет администратор', en: "A staff member's name is changed by an administrator" },
  thanks_only_in_gratitude: { ru: 'Сотрудника можно указать только в благодарности', en: 'Only a gratitude names an employee' },
  not_thankable: { ru: 'Можно указать только сотрудника, который работал с вашими обращениями', en: 'Not one of the staff who handled your appeals' },
  address_required_for_post: { ru: 'Для ответа почтой укажите почтовый адрес', en: 'Give a postal address to get the answer by post' },
};

export function format(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}

/**
 * A problem's title in the caller's language. A `status` parameter that is an appeal status is
 * put in words («Отозвано», not «withdrawn»); the code itself stays in the problem's
 * `currentStatus` member for programs.
 */
export function problemTitle(code: string, locale: Locale, params: Record<string, string | number> = {}): string {
  const entry = PROBLEM_TITLES[code] ?? PROBLEM_TITLES.bad_request;
  const status = typeof params.status === 'string' ? APPEAL_STATUS_LABELS[params.status as AppealStatus] : undefined;
  return format(entry[locale], status ? { ...params, status: status[locale] } : params);
}

export function fieldMessage(code: string, locale: Locale, fallback?: string): string {
  const entry = FIELD_MESSAGES[code];
  if (entry) return entry[locale];
  return fallback ?? FIELD_MESSAGES.matches[locale];
}
