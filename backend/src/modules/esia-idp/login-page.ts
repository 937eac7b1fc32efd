import { Locale } from '../../common/i18n/messages';
import { DEMO_PERSONS, EsiaPerson } from './demo-persons';

const TEXT = {
  ru: {
    title: 'Вход — демонстрационная ЕСИА',
    heading: 'Вход через демонстрационную ЕСИА',
    lead: 'Это встроенный поставщик удостоверений для разработки и демонстраций. Выберите человека, от имени которого войти в «{client}».',
    levels: { confirmed: 'Подтверждённая учётная запись', standard: 'Стандартная учётная запись', simplified: 'Упрощённая учётная запись' },
    snils: 'СНИЛС',
    noSnils: 'не указан',
    email: 'Эл. почта',
    mobile: 'Телефон',
    signIn: 'Войти как {name}',
    cancel: 'Отказаться и вернуться',
    scopes: 'Запрошенные данные',
    other: 'English',
    error: 'Ошибка',
  },
  en: {
    title: 'Sign in — demo ESIA',
    heading: 'Sign in with the demo ESIA',
    lead: 'This is the embedded identity provider for development and demos. Choose the person to sign in to "{client}" as.',
    levels: { confirmed: 'Confirmed account', standard: 'Standard account', simplified: 'Simplified account' },
    snils: 'SNILS',
    noSnils: 'none',
    email: 'E-mail',
    mobile: 'Phone',
    signIn: 'Sign in as {name}',
    cancel: 'Decline and go back',
    scopes: 'Requested data',
    other: 'Русский',
    error: 'Error',
  },
} as const;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f3f5f9;color:#0b1f33}
main{max-width:46rem;margin:2rem auto;padding:0 1rem}h1{font-size:1.6rem}ul{list-style:none;padding:0}
li.person{background:#fff;border:1px solid #c9d3df;border-radius:8px;padding:1rem;margin:0 0 1rem}
h2{font-size:1.15rem;margin:0 0 .25rem}.level{display:inline-block;font-size:.85rem;padding:.1rem .5rem;border-radius:1rem;background:#e6eefc}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.75rem 0}dt{color:#445}dd{margin:0}
button{font:inherit;padding:.55rem 1rem;border-radius:6px;border:1px solid #0d4cd3;background:#0d4cd3;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#0d4cd3}button:focus-visible,a:focus-visible{outline:3px solid #ffb800;outline-offset:2px}
.lang{float:right}`;

function page(locale: Locale, title: string, body: string): string {
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

/** The IdP's sign-in page: one form per demo person, keyboard- and screen-reader-friendly. */
export function renderLoginPage(opts: { locale: Locale; uid: string; clientName: string; scope: string; basePath: string }): string {
  const t = TEXT[opts.locale];
  const other: Locale = opts.locale === 'ru' ? 'en' : 'ru';
  const action = `${opts.basePath}/interaction/${encodeURIComponent(opts.uid)}`;
  const person = (p: EsiaPerson) => {
    const name = `${p.lastName} ${p.firstName} ${p.middleName}`;
    const id = `person-${p.oid}`;
    return `<li class="person"><section aria-labelledby="${id}">
<h2 id="${id}">${escapeHtml(name)}</h2><span class="level">${escapeHtml(t.levels[p.trust])}</span>
<dl><dt>${t.snils}</dt><dd>${escapeHtml(p.snils ?? t.noSnils)}</dd><dt>${t.email}</dt><dd>${escapeHtml(p.email)}</dd>
<dt>${t.mobile}</dt><dd>${escapeHtml(p.mobile)}</dd></dl>
<form method="post" action="${action}/login"><input type="hidden" name="oid" value="${p.oid}">
<button type="submit" data-oid="${p.oid}" data-trust="${p.trust}">${escapeHtml(t.signIn.replace('{name}', name))}</button></form>
</section></li>`;
  };
  const body = `<a class="lang" href="${action}?lang=${other}" hreflang="${other}" lang="${other}">${t.other}</a>
<h1>${t.heading}</h1><p>${escapeHtml(t.lead.replace('{client}', opts.clientName))}</p>
<p>${t.scopes}: <code>${escapeHtml(opts.scope)}</code></p>
<ul>${DEMO_PERSONS.map(person).join('')}</ul>
<form method="post" action="${action}/abort"><button type="submit" class="secondary">${t.cancel}</button></form>`;
  return page(opts.locale, t.title, body);
}

export function renderErrorPage(locale: Locale, code: string, description: string): string {
  const t = TEXT[locale];
  return page(locale, `${t.error} ${code}`, `<h1>${t.error} ${escapeHtml(code)}</h1><p role="alert">${escapeHtml(description)}</p>`);
}
