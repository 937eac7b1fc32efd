/**
 * Otklik embeddable widget, the loader: `<script src="…/widget/widget.js">` then
 * `OtklikWidget.mount(el, { body, category, locale })`. It attaches a Shadow DOM (the host's CSS
 * does not reach in), shows a placeholder, and loads the form part (widget-form.js) lazily
 * from the same place the loader came from. No framework; nothing from the host page is used.
 */
export interface MountOptions {
  /** The body (organisation: a top-level department, by code or id) the widget is embedded for: its categories, its allowed origins. */
  body: string;
  /** Category id or code whose form is rendered. */
  category: string;
  locale?: 'ru' | 'en';
  /** API origin; defaults to the origin the loader was served from. */
  api?: string;
}

export interface MountedWidget {
  unmount(): void;
}

const script = document.currentScript as HTMLScriptElement | null;
const base = script?.src ? new URL('.', script.src).href : new URL('/widget/', location.href).href;

async function mount(host: Element, options: MountOptions): Promise<MountedWidget> {
  if (!(host instanceof HTMLElement)) throw new TypeError('OtklikWidget.mount: an element is required');
  if (!options || typeof options.category !== 'string') throw new TypeError('OtklikWidget.mount: options.category is required');
  if (typeof options.body !== 'string' || !options.body) throw new TypeError('OtklikWidget.mount: options.body is required');
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const locale = options.locale === 'en' ? 'en' : 'ru';
  root.innerHTML = `<div role="status" lang="${locale}">${locale === 'en' ? 'Loading the form…' : 'Загрузка формы…'}</div>`;
  const api = options.api ?? new URL('../', base).origin;
  const form = (await import(/* @vite-ignore */ `${base}widget-form.js`)) as { render(root: ShadowRoot, o: MountOptions & { api: string; locale: 'ru' | 'en' }): void };
  form.render(root, { ...options, api, locale });
  return { unmount: () => { root.innerHTML = ''; } };
}

(globalThis as unknown as { OtklikWidget: unknown }).OtklikWidget = { mount, version: 1 };
