/**
 * The form part of the widget, loaded lazily by the loader: renders the category's form from its
 * JSON Schema, solves the ALTCHA proof-of-work in the browser, files an unidentified appeal through
 * the public API, and shows the number and the tracking link (with the access code when unidentified,
 * the citizen's cabinet when signed in).
 */
type Locale = 'ru' | 'en';
interface Options { category: string; locale: Locale; api: string; body: string }
/** GET /public/widget/bodies/{body}: the body's categories and the form of the link to a citizen's appeal. */
interface Body { categories: Category[]; citizenAppealUrl: string }
interface Category { id: string; code: string; nameRu: string; nameEn: string; appealTypes: string[]; extraFieldsSchema: Schema | null; children: Category[] }
interface Schema { type?: string; title?: string; enum?: unknown[]; properties?: Record<string, Schema>; required?: string[]; maxLength?: number; description?: string }
interface Challenge { algorithm: string; challenge: string; maxnumber: number; salt: string; signature: string }
interface UploadSession { uploadSession: string; maxFiles: number; maxFileBytes: number; maxTotalBytes: number; accept: string[] }
interface Problem { title?: string; detail?: string; errors?: { field: string; code?: string; message: string }[] }
const ACCEPT = '.pdf,.doc,.docx,.jpg,.jpeg,.png,.txt';

const TEXT = {
  ru: {
    title: 'Обращение', type: 'Вид обращения', subject: 'Тема', text: 'Текст обращения', surname: 'Фамилия (для ответа по существу)',
    email: 'Электронная почта для ответа', submit: 'Отправить', sending: 'Проверка и отправка…', required: 'Заполните поле',
    done: 'Обращение зарегистрировано', number: 'Номер', code: 'Код доступа (сохраните его)', track: 'Следить за статусом', cabinet: 'Открыть в личном кабинете',
    failed: 'Не удалось отправить обращение', notFound: 'Категория не найдена', yes: 'Да',
    files: 'Файлы', filesHint: 'PDF, DOC, DOCX, JPG, PNG или TXT; до 5 МБ каждый, до 20 МБ всего', uploading: 'Загрузка файла…',
    esia: 'Войти через Госуслуги', signedIn: 'Вы вошли через Госуслуги', signInFailed: 'Не удалось войти через Госуслуги',
    identifiedDone: 'Обращение зарегистрировано и привязано к вашей учётной записи', orAnonymous: 'или отправьте без входа (ответ по существу — при указании фамилии и адреса)',
    uploaded: 'Файл загружен', uploadedList: 'Загруженные файлы', removeFile: 'Убрать файл', fileRejected: 'Файл не принят', tooBig: 'Файл больше допустимого размера',
    types: { complaint: 'Жалоба', suggestion: 'Предложение', question: 'Вопрос', gratitude: 'Благодарность', petition: 'Заявление' } as Record<string, string>,
  },
  en: {
    title: 'Appeal', type: 'Kind of appeal', subject: 'Subject', text: 'Text of the appeal', surname: 'Surname (for an answer on the merits)',
    email: 'E-mail for the answer', submit: 'Send', sending: 'Checking and sending…', required: 'Fill in this field',
    done: 'The appeal is registered', number: 'Number', code: 'Access code (keep it)', track: 'Follow the status', cabinet: 'Open in your account',
    failed: 'The appeal could not be sent', notFound: 'Category not found', yes: 'Yes',
    files: 'Files', filesHint: 'PDF, DOC, DOCX, JPG, PNG or TXT; up to 5 MB each, 20 MB in all', uploading: 'Uploading the file…',
    esia: 'Sign in with Gosuslugi', signedIn: 'Signed in with Gosuslugi', signInFailed: 'Sign-in with Gosuslugi failed',
    identifiedDone: 'The appeal is registered to your account', orAnonymous: 'or send without signing in (an answer on the merits needs your surname and an address)',
    uploaded: 'File uploaded', uploadedList: 'Uploaded files', removeFile: 'Remove the file', fileRejected: 'The file was not accepted', tooBig: 'The file is larger than allowed',
    types: { complaint: 'Complaint', suggestion: 'Suggestion', question: 'Question', gratitude: 'Gratitude', petition: 'Petition' } as Record<string, string>,
  },
};

const STYLE = `:host{all:initial!important;display:block!important;font:16px/1.4 system-ui,sans-serif!important;color:#1a1a1a!important;background:#fff!important}
*{box-sizing:border-box;font:inherit;letter-spacing:normal;text-transform:none}
form,section{color:#1a1a1a;font-size:16px;display:grid;gap:12px;max-width:640px;padding:16px;background:#fff;border:1px solid #767676;border-radius:6px}
h2{font-size:1.25em;font-weight:600;margin:0}
label{display:grid;gap:4px;color:#1a1a1a}
input,select,textarea{padding:8px;border:1px solid #595959;border-radius:4px;color:#1a1a1a;background:#fff;width:100%}
textarea{min-height:120px}
input[type=checkbox]{width:auto}
button{padding:10px 16px;border:0;border-radius:4px;background:#0b57d0;color:#fff;cursor:pointer;justify-self:start}
button:disabled{background:#595959}
:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.error{color:#b00020;font-size:.9em}
a{color:#0b57d0}
.hint{color:#4a4a4a;font-size:.9em}
ul{margin:0;padding-left:20px}
li button{padding:2px 8px;margin-left:8px;background:#fff;color:#0b57d0;border:1px solid #0b57d0}`;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

function find(list: Category[], key: string): Category | null {
  for (const c of list) {
    if (c.id === key || c.code === key) return c;
    const child = find(c.children ?? [], key);
    if (child) return child;
  }
  return null;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** ALTCHA v1 proof-of-work: the number n with sha256(salt + n) = challenge; the payload is base64 JSON. */
export async function solveAltcha(c: Challenge): Promise<string> {
  if (c.algorithm !== 'SHA-256') throw new Error(`unsupported ALTCHA algorithm ${c.algorithm}`);
  const started = Date.now();
  for (let n = 0; n <= c.maxnumber; n++) {
    if ((await sha256Hex(c.salt + n)) === c.challenge) {
      return btoa(JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number: n, salt: c.salt, signature: c.signature, took: Date.now() - started }));
    }
  }
  throw new Error('ALTCHA challenge not solved');
}

let seq = 0;
function field(label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, required: boolean): { wrap: HTMLElement; error: HTMLElement } {
  const id = `ow-${++seq}`;
  control.id = id;
  control.name = control.name || id;
  if (required) control.setAttribute('aria-required', 'true');
  const error = el('div', { class: 'error', id: `${id}-error`, role: 'alert' });
  control.setAttribute('aria-describedby', error.id);
  const wrap = el('div', {}, el('label', { for: id }, label + (required ? ' *' : '')), control, error);
  wrap.style.display = 'grid';
  wrap.style.gap = '4px';
  return { wrap, error };
}

export async function render(root: ShadowRoot, options: Options): Promise<void> {
  const t = TEXT[options.locale];
  const api = (path: string) => `${options.api}/api/v1${path}`;
  const headers = { 'Accept-Language': options.locale };
  root.innerHTML = '';
  root.append(el('style', {}, STYLE));
  const status = el('div', { role: 'status', 'aria-live': 'polite' });
  let categories: Category[];
  let citizenAppealUrl: string;
  try {
    const res = await fetch(api(`/public/widget/bodies/${encodeURIComponent(options.body)}`), { headers });
    if (!res.ok) throw new Error(String(res.status));
    ({ categories, citizenAppealUrl } = (await res.json()) as Body);
  } catch {
    root.append(el('p', { role: 'alert', lang: options.locale }, t.failed));
    return;
  }
  const category = find(categories, options.category);
  if (!category) {
    root.append(el('p', { role: 'alert', lang: options.locale }, t.notFound));
    return;
  }
  const name = options.locale === 'en' ? category.nameEn : category.nameRu;
  const heading = el('h2', { id: 'ow-title' }, `${t.title}: ${name}`);
  const form = el('form', { 'aria-labelledby': 'ow-title', lang: options.locale, novalidate: '' });
  form.append(heading);

  const inputs: { key: string; control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement; error: HTMLElement; required: boolean; extra?: Schema }[] = [];
  const add = (key: string, label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, required: boolean, extra?: Schema): HTMLElement => {
    const { wrap, error } = field(label, control, required);
    form.append(wrap);
    inputs.push({ key, control, error, required, extra });
    return wrap;
  };

  // «Войти через Госуслуги»: the ESIA sign-in in a pop-up on the API's origin; its last page posts
  // the access token to this page's origin (which the API checked against the allowed origins).
  let token: string | null = null;
  const apiOrigin = new URL(options.api).origin;
  const esia = el('button', { type: 'button' }, t.esia);
  const who = el('p', { role: 'status' });
  form.append(el('div', {}, esia, el('p', { class: 'hint' }, t.orAnonymous)), who);
  const anonymousOnly: HTMLElement[] = [];
  esia.addEventListener('click', () => {
    const popup = window.open(`${apiOrigin}/api/v1/auth/esia/widget?origin=${encodeURIComponent(location.origin)}&body=${encodeURIComponent(options.body)}`, 'otklik-esia', 'width=640,height=720');
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { type?: string; accessToken?: unknown } | null;
      if (event.origin !== apiOrigin || event.source !== popup || data?.type !== 'otklik:esia' || typeof data.accessToken !== 'string') return;
      window.removeEventListener('message', onMessage);
      const accessToken = data.accessToken;
      void (async () => {
        try {
          const res = await fetch(api('/me'), { headers: { ...headers, Authorization: `Bearer ${accessToken}` } });
          if (!res.ok) throw new Error(String(res.status));
          const me = (await res.json()) as { fullName?: string };
          token = accessToken;
          session = null;
          uploaded.length = 0;
          showList();
          for (const node of anonymousOnly) node.remove();
          for (const key of ['surname', 'email']) inputs.splice(inputs.findIndex((i) => i.key === key), 1);
          esia.parentElement?.remove();
          who.textContent = `${t.signedIn}: ${me.fullName ?? ''}`;
        } catch {
          who.textContent = t.signInFailed;
        }
      })();
    };
    window.addEventListener('message', onMessage);
  });
  const auth = (): Record<string, string> => (token ? { Authorization: `Bearer ${token}` } : {});

  const types = category.appealTypes.filter((x) => x in t.types);
  const typeSelect = el('select');
  for (const code of types) typeSelect.append(el('option', { value: code }, t.types[code]));
  add('type', t.type, typeSelect, true);
  add('subject', t.subject, el('input', { type: 'text', maxlength: '200', autocomplete: 'off' }), true);
  add('text', t.text, el('textarea', { maxlength: '5000' }), true);

  const schema = category.extraFieldsSchema;
  for (const [key, prop] of Object.entries(schema?.properties ?? {})) {
    const required = schema?.required?.includes(key) ?? false;
    let control: HTMLInputElement | HTMLSelectElement;
    if (prop.enum) {
      control = el('select');
      if (!required) control.append(el('option', { value: '' }, '—'));
      for (const v of prop.enum) control.append(el('option', { value: String(v) }, String(v)));
    } else if (prop.type === 'boolean') {
      control = el('input', { type: 'checkbox' });
    } else {
      control = el('input', { type: prop.type === 'number' || prop.type === 'integer' ? 'number' : 'text' });
      if (prop.maxLength) control.setAttribute('maxlength', String(prop.maxLength));
    }
    add(key, prop.title ?? key, control, required, prop);
  }
  anonymousOnly.push(add('surname', t.surname, el('input', { type: 'text', autocomplete: 'family-name', maxlength: '100' }), false));
  anonymousOnly.push(add('email', t.email, el('input', { type: 'email', autocomplete: 'email', maxlength: '254' }), false));

  // Attachments: uploaded at once into a public upload session (CAPTCHA-gated), bound by the filing.
  let session: UploadSession | null = null;
  const uploaded: { id: string; name: string; size: number }[] = [];
  const fileInput = el('input', { type: 'file', multiple: '', accept: ACCEPT });
  const files = field(t.files, fileInput, false);
  const hint = el('div', { class: 'hint', id: `${fileInput.id}-hint` }, t.filesHint);
  fileInput.setAttribute('aria-describedby', `${hint.id} ${files.error.id}`);
  const list = el('ul', { 'aria-label': t.uploadedList });
  files.wrap.insertBefore(hint, files.error);
  files.wrap.append(list);
  form.append(files.wrap);
  const problemText = (p: Problem, fallback: string) => [p.title ?? fallback, ...(p.errors ?? []).map((e) => e.message).filter(Boolean)].join(': ');
  const showList = () => {
    list.replaceChildren(
      ...uploaded.map((f) => {
        const remove = el('button', { type: 'button', 'aria-label': `${t.removeFile} ${f.name}` }, '×');
        remove.addEventListener('click', () => {
          uploaded.splice(uploaded.indexOf(f), 1);
          showList();
          fileInput.focus();
        });
        return el('li', {}, `${f.name} (${Math.max(1, Math.round(f.size / 1024))} KB)`, remove);
      }),
    );
  };
  const openSession = async (): Promise<UploadSession> => {
    if (session) return session;
    const challenge = (await (await fetch(api('/auth/captcha'), { headers })).json()) as Challenge;
    const res = await fetch(api('/public/upload-sessions'), { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify({ captcha: await solveAltcha(challenge) }) });
    if (res.status !== 201) throw new Error(problemText((await res.json()) as Problem, t.fileRejected));
    session = (await res.json()) as UploadSession;
    return session;
  };
  fileInput.addEventListener('change', () => {
    const picked = Array.from(fileInput.files ?? []);
    fileInput.value = '';
    if (!picked.length) return;
    void (async () => {
      files.error.textContent = '';
      fileInput.setAttribute('aria-invalid', 'false');
      fileInput.disabled = true;
      submit.disabled = true;
      const errors: string[] = [];
      try {
        for (const file of picked) {
          status.textContent = `${t.uploading} ${file.name}`;
          const data = new FormData();
          data.append('file', file, file.name);
          let res: Response;
          if (token) {
            // Signed in: the citizen's own upload (the same rules; bound by the filing).
            res = await fetch(api('/attachments'), { method: 'POST', headers: { ...headers, ...auth() }, body: data });
          } else {
            const rules = await openSession();
            if (file.size > rules.maxFileBytes) { errors.push(`${file.name}: ${t.tooBig}`); continue; }
            res = await fetch(api('/public/attachments'), { method: 'POST', headers: { ...headers, 'X-Upload-Session': rules.uploadSession }, body: data });
          }
          const answer = (await res.json()) as Problem & { id?: string; name?: string; size?: number };
          if (res.status === 401) session = null;
          if (res.status !== 201 || !answer.id) { errors.push(problemText(answer, `${file.name}: ${t.fileRejected}`)); continue; }
          uploaded.push({ id: answer.id, name: answer.name ?? file.name, size: answer.size ?? file.size });
          showList();
        }
      } catch (error) {
        errors.push(`${t.fileRejected}: ${error instanceof Error ? error.message : String(error)}`);
      }
      files.error.textContent = errors.join('; ');
      fileInput.setAttribute('aria-invalid', String(errors.length > 0));
      status.textContent = errors.length ? '' : t.uploaded;
      fileInput.disabled = false;
      submit.disabled = false;
      fileInput.focus();
    })();
  });

  const submit = el('button', { type: 'submit' }, t.submit);
  form.append(submit, status);
  root.append(form);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      let firstInvalid: HTMLElement | null = null;
      for (const i of inputs) {
        const empty = i.control instanceof HTMLInputElement && i.control.type === 'checkbox' ? false : i.control.value.trim() === '';
        const bad = i.required && empty;
        i.error.textContent = bad ? t.required : '';
        i.control.setAttribute('aria-invalid', String(bad));
        if (bad && !firstInvalid) firstInvalid = i.control;
      }
      if (firstInvalid) { firstInvalid.focus(); return; }
      submit.disabled = true;
      status.textContent = t.sending;
      const body: Record<string, unknown> = { categoryId: category.id };
      const extraFields: Record<string, unknown> = {};
      for (const i of inputs) {
        const c = i.control;
        if (i.extra) {
          if (c instanceof HTMLInputElement && c.type === 'checkbox') extraFields[i.key] = c.checked;
          else if (c.value !== '') extraFields[i.key] = i.extra.type === 'number' || i.extra.type === 'integer' ? Number(c.value) : c.value;
        } else if (c.value.trim() !== '') body[i.key] = c.value.trim();
      }
      if (Object.keys(extraFields).length) body.extraFields = extraFields;
      if (uploaded.length && token) body.attachmentIds = uploaded.map((f) => f.id);
      else if (uploaded.length && session) {
        body.uploadSession = session.uploadSession;
        body.attachmentIds = uploaded.map((f) => f.id);
      }
      try {
        if (!token) {
          const challenge = (await (await fetch(api('/auth/captcha'), { headers })).json()) as Challenge;
          body.captcha = await solveAltcha(challenge);
        }
        const res = await fetch(api(token ? '/appeals' : '/public/appeals'), { method: 'POST', headers: { ...headers, ...auth(), 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
        const answer = (await res.json()) as { number?: number; accessCode?: string; detail?: string; title?: string; errors?: { field: string; message: string }[] };
        if (res.status !== 201 || !answer.number || (!token && !answer.accessCode)) {
          for (const e of answer.errors ?? []) {
            const i = inputs.find((x) => x.key === e.field || `extraFields.${x.key}` === e.field);
            if (i) { i.error.textContent = e.message; i.control.setAttribute('aria-invalid', 'true'); }
            if (e.field === 'attachmentIds' || e.field === 'uploadSession') { files.error.textContent = e.message; fileInput.setAttribute('aria-invalid', 'true'); }
          }
          throw new Error(answer.detail ?? answer.title ?? String(res.status));
        }
        if (token) {
          const done = el('section', { 'aria-labelledby': 'ow-done', lang: options.locale, tabindex: '-1' },
            el('h2', { id: 'ow-done' }, t.done),
            el('p', {}, t.identifiedDone),
            el('p', {}, `${t.number}: `, el('strong', { 'data-testid': 'number' }, String(answer.number))),
            el('p', {}, el('a', { href: citizenAppealUrl.replace('{number}', String(answer.number)), target: '_blank', rel: 'noopener' }, t.cabinet)));
          form.replaceWith(done);
          done.focus();
          return;
        }
        const link = `${api(`/public/appeals/${answer.number}`)}?accessCode=${encodeURIComponent(answer.accessCode ?? "")}`;
        const done = el('section', { 'aria-labelledby': 'ow-done', lang: options.locale, tabindex: '-1' },
          el('h2', { id: 'ow-done' }, t.done),
          el('p', {}, `${t.number}: `, el('strong', { 'data-testid': 'number' }, String(answer.number))),
          el('p', {}, `${t.code}: `, el('strong', {}, answer.accessCode ?? "")),
          el('p', {}, el('a', { href: link, target: '_blank', rel: 'noopener' }, t.track)));
        form.replaceWith(done);
        done.focus();
      } catch (error) {
        status.textContent = `${t.failed}: ${error instanceof Error ? error.message : String(error)}`;
        submit.disabled = false;
      }
    })();
  });
}
