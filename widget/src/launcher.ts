/**
 * The only part of the widget that loads with the host page: a button in its own shadow root. Nothing
 * is fetched, stored or set until the visitor opens the chat; then the chat itself is loaded (at once
 * when the chat was open on the previous page of the site). The shadow
 * root is open so that assistive technology and accessibility checkers can read the chat.
 */
import { hexColor } from '@carbot/core/colors';
import { saved, storageKey } from './storage.ts';

type Handoff = { root: ShadowRoot; button: HTMLButtonElement; options: Options };
export type Options = {
  key: string;
  api: string;
  lang?: string;
  position: 'left' | 'right';
  color: string;
  /** Opened by the widget itself on the next page, not by the visitor: it does not take the focus. */
  restored?: boolean;
};

const CSS = `:host{all:initial}.o{position:fixed;bottom:20px;transform:translateY(calc(0px - var(--carbot-offset-bottom,0px)));z-index:2147483000;width:56px;height:56px;border:0;border-radius:50%;background:var(--c);color:#fff;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.3);display:grid;place-items:center}.o:focus-visible{outline:3px solid #000;outline-offset:3px;box-shadow:0 0 0 6px #fff}.o svg{width:28px;height:28px;fill:currentColor}`;
const LABEL: Record<string, string> = { de: 'Chat öffnen', en: 'Open chat', tr: 'Sohbeti aç', pl: 'Otwórz czat' };

(() => {
  const script = document.currentScript as HTMLScriptElement | null;
  const data = script?.dataset;
  if (!script || !data?.clientKey) return;
  const lang = (data.lang || navigator.language || 'de').slice(0, 2);
  const color = hexColor(data.color) ?? '#1F6FEB';
  const options: Options = {
    key: data.clientKey,
    api: '__CARBOT_API__',
    lang: data.lang,
    position: data.position === 'left' ? 'left' : 'right',
    color,
  };
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  root.adoptedStyleSheets = [sheet];
  host.style.setProperty('--c', color);
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'o';
  button.style[options.position] = '20px';
  button.setAttribute('aria-label', LABEL[lang] ?? (LABEL.de as string));
  button.setAttribute('aria-expanded', 'false');
  button.innerHTML =
    '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"/></svg>';
  root.append(button);
  let loading = false;
  button.addEventListener('click', () => {
    if (loading) return;
    loading = true;
    const app = document.createElement('script');
    app.src = new URL('widget-app.js', script.src).href;
    app.async = true;
    // Handed over on the script element itself, so no global variable is needed.
    (app as HTMLScriptElement & { carbot?: Handoff }).carbot = { root, button, options };
    document.head.append(app);
  });
  (document.body ?? document.documentElement).append(host);
  // The visitor had the chat open on the previous page of this site: it comes back open (read only;
  // nothing is written before the chat is opened).
  if (saved(storageKey(options.key))?.o) {
    options.restored = true;
    button.click();
  }
})();
