/**
 * The chat itself, loaded when the visitor opens it. Lives in the launcher's shadow root and talks
 * to the CarBot API with the client key. Its words are in the language the server resolved for the
 * conversation. Once a conversation exists, its session is kept in sessionStorage (this tab only) so it
 * survives navigation within the site; after 30 minutes without activity it is forgotten.
 */
import type { Options } from './launcher.ts';
import { type Saved, saved, storageKey } from './storage.ts';

type Handoff = { root: ShadowRoot; button: HTMLButtonElement; options: Options };
type Config = {
  workshop: string;
  language: string;
  greeting: string;
  /** Who answers (AI or the workshop's data); shown first, always. */
  notice: { version: string; text: string };
  /** The chat menu's link to erase the visitor's own conversation. */
  erase: { label: string; confirm: string; done: string };
  consent: { version: string; text: string; privacy?: { text: string; url: string } | null };
};
type Msg = { id: string; role: string; content: string; date_created: string; sources?: Source[] | null };
type Source = { title: string; path: string };
/** Free times for a service the question was about (see bookingOffer on the server). */
type Offer = {
  service: { id: string; name: string };
  text: string;
  slots: { start: string }[];
  consent: { version: string; text: string };
  book: string;
  booked: Record<string, string>;
};

const T = {
  de: [
    'Chat mit',
    'Schließen',
    'Ihre Nachricht',
    'Senden',
    'Mit einem Mitarbeiter sprechen',
    'Kontaktdaten hinterlassen',
    'Verbindung unterbrochen.',
    'Erneut versuchen',
    'Name',
    'Telefon',
    'E-Mail',
    'Fahrzeug',
    'Anliegen',
    'Absenden',
    'Quellen',
    'Assistent schreibt …',
    'Team',
  ],
  en: [
    'Chat with',
    'Close',
    'Your message',
    'Send',
    'Talk to a person',
    'Leave contact details',
    'Connection lost.',
    'Try again',
    'Name',
    'Phone',
    'E-mail',
    'Vehicle',
    'Request',
    'Submit',
    'Sources',
    'Assistant is typing …',
    'Team',
  ],
  tr: [
    'Sohbet:',
    'Kapat',
    'Mesajınız',
    'Gönder',
    'Bir çalışanla konuşun',
    'İletişim bilgisi bırakın',
    'Bağlantı kesildi.',
    'Tekrar dene',
    'Ad',
    'Telefon',
    'E-posta',
    'Araç',
    'Talep',
    'Gönder',
    'Kaynaklar',
    'Asistan yazıyor …',
    'Ekip',
  ],
  pl: [
    'Czat z',
    'Zamknij',
    'Twoja wiadomość',
    'Wyślij',
    'Porozmawiaj z pracownikiem',
    'Zostaw dane kontaktowe',
    'Połączenie przerwane.',
    'Spróbuj ponownie',
    'Imię i nazwisko',
    'Telefon',
    'E-mail',
    'Pojazd',
    'Sprawa',
    'Wyślij',
    'Źródła',
    'Asystent pisze …',
    'Zespół',
  ],
} as const;

const CSS = `*{box-sizing:border-box;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
[role=dialog]{position:fixed;bottom:calc(88px + var(--carbot-offset-bottom,0px));right:20px;z-index:2147483001;width:370px;max-height:min(600px,calc(100vh - 110px - var(--carbot-offset-bottom,0px)));display:flex;flex-direction:column;background:#fff;color:#1a1a1a;border-radius:14px;box-shadow:0 10px 40px rgba(0,0,0,.3);overflow:hidden}
header{display:flex;align-items:center;justify-content:space-between;gap:8px;padding:12px 14px;background:var(--c);color:#fff}
h2{margin:0;font-size:16px;font-weight:600}
[role=log]{margin:0;padding:12px;overflow-y:auto;flex:1;display:flex;flex-direction:column;gap:8px}
[role=log]>div{max-width:85%;padding:8px 11px;border-radius:12px;white-space:pre-wrap;word-wrap:break-word}
.v{align-self:flex-end;background:var(--c);color:#fff}.a,.s,.y{align-self:flex-start;background:#eef1f5}.s{border-left:4px solid var(--c)}.n{font-size:13px}.y{font-size:13px;color:#3d4450}
[role=log] a{color:#0b4fb3}
form{display:flex;gap:6px;padding:10px;border-top:1px solid #d9dde3}
input,textarea{flex:1;min-width:0;padding:9px;border:1px solid #6b7380;border-radius:8px;color:#1a1a1a;background:#fff}
button{cursor:pointer;border:0;border-radius:8px;padding:9px 12px;background:var(--c);color:#fff;font-weight:600}
button.l{background:none;color:#0b4fb3;text-decoration:underline;padding:4px;font-weight:400}
header button{background:none;font-size:22px;line-height:1;padding:2px 8px}
:focus-visible{outline:3px solid #000;outline-offset:2px}
.x{display:flex;flex-wrap:wrap;gap:4px;padding:0 10px 8px}
.f{flex-direction:column;gap:6px}.f label{display:flex;flex-direction:column;font-size:13px;gap:2px}.f .c{flex-direction:row;gap:8px;align-items:flex-start}.c input{flex:none;width:20px;height:20px;margin:0}
.e{color:#a4001d;font-size:13px}
.h{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
[data-side=left]{right:auto;left:20px}
@media (max-width:480px){[role=dialog]{inset:0;width:auto;max-height:none;border-radius:0}}`;

const script = document.currentScript as (HTMLScriptElement & { carbot?: Handoff }) | null;
const handoff = script?.carbot;
if (handoff) start(handoff);

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The consent text, its privacy words linked to the workshop's privacy page where there is one. */
function consentText(consent: Config['consent']): (string | Node)[] {
  const privacy = consent.privacy;
  const at = privacy ? consent.text.indexOf(privacy.text) : -1;
  if (!privacy || at < 0) return [consent.text];
  const link = el('a', { href: privacy.url, target: '_blank', rel: 'noopener' }, privacy.text);
  return [consent.text.slice(0, at), link, consent.text.slice(at + privacy.text.length)];
}

async function start({ root, button, options }: Handoff) {
  const guess = (options.lang ?? navigator.language).slice(0, 2);
  const api = (path: string) => `${options.api}/widget${path}`;
  // The server decides the language (what the workshop offers, the embed's data-lang, the browser's
  // preference): every word of the panel follows it, so a panel never mixes two languages.
  let config: Config | undefined;
  let failure = '';
  try {
    // Opened by the visitor (not restored on the next page): the server counts it, with the page's path only.
    const opened = options.restored ? '' : `&opened=${encodeURIComponent(location.pathname)}`;
    const res = await fetch(api(`/config?lang=${guess}${opened}`), { headers: { 'x-carbot-key': options.key } });
    const body = await res.json();
    if (!res.ok) throw new Error(body.errors?.[0]?.message);
    config = body.data as Config;
  } catch (error) {
    failure = (error as Error).message;
  }
  const lang = (config?.language ?? (guess in T ? guess : 'de')) as keyof typeof T;
  const t = T[lang];
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];

  const panel = el('div', { role: 'dialog', 'aria-modal': 'false', id: 'p' });
  panel.dataset.side = options.position;
  const title = el('h2', { id: 't' });
  panel.setAttribute('aria-labelledby', 't');
  const close = el('button', { type: 'button', 'aria-label': t[1] }, '×');
  const header = el('header');
  header.append(title, close);
  const log = el('div', { role: 'log', 'aria-live': 'polite' });
  const actions = el('div', { class: 'x' });
  const human = el('button', { type: 'button', class: 'l' }, t[4]);
  const contact = el('button', { type: 'button', class: 'l' }, t[5]);
  actions.append(human, contact);
  const form = el('form');
  const label = el('label', { for: 'q', class: 'h' }, t[2]);
  const input = el('input', { id: 'q', name: 'q', autocomplete: 'off', maxlength: '1000', placeholder: t[2] });
  form.append(label, input, el('button', { type: 'submit' }, t[3]));
  panel.append(header, log, actions, form);
  root.append(panel);
  button.setAttribute('aria-controls', 'p');

  const headers = (extra: Record<string, string> = {}) => ({
    'content-type': 'application/json',
    'x-carbot-key': options.key,
    ...extra,
  });
  const key = storageKey(options.key);
  const stored = saved(key);
  let session = stored?.s;
  let conversation = session?.split('.')[0];
  /** Remembers the conversation for the next page of this site; never called before the chat was opened. */
  const remember = () => {
    if (!session) return;
    try {
      sessionStorage.setItem(key, JSON.stringify({ s: session, o: !panel.hidden, t: Date.now() } satisfies Saved));
    } catch {
      // storage may be disabled; the conversation then lives as long as the page
    }
  };
  // Staff replies arrive by polling. The cursor is the server's time of the last message seen, minus an
  // overlap for replies committed out of order; `shown` makes sure each message appears exactly once.
  let cursor = new Date(0).toISOString();
  const shown = new Set<string>();
  let polling = false;
  let held = false;

  const add = (role: string, text: string) => {
    const item = el(
      'div',
      { class: role === 'visitor' ? 'v' : role === 'staff' ? 's' : role === 'system' ? 'y' : 'a' },
      text,
    );
    // Replies from a person are marked as such, so nobody mistakes them for the assistant.
    if (role === 'staff') item.prepend(el('b', { class: 'n' }, `${t[16]}\n`));
    log.append(item);
    log.scrollTop = log.scrollHeight;
    return item;
  };
  const links = (item: HTMLElement, sources: Source[]) => {
    if (!sources.length) return;
    const span = el('span', {}, `\n${t[14]}: `);
    for (const source of sources)
      span.append(el('a', { href: new URL(source.path, location.origin).href, target: '_top' }, source.title), ' ');
    item.append(span);
  };

  async function ensureConversation() {
    if (session) return;
    const res = await fetch(api('/conversations'), {
      method: 'POST',
      headers: headers(),
      body: JSON.stringify({ language: lang, notice: config?.notice.version }),
    });
    const body = await res.json();
    if (!res.ok) throw new Error(body.errors?.[0]?.message ?? t[6]);
    session = body.data.session;
    conversation = body.data.id;
    remember();
    // Staff may answer from the inbox at any time, not only after the visitor asked for a person.
    startPolling();
  }

  function failed(message: string, retry: () => void) {
    const item = add('system', `${message} `);
    const again = el('button', { type: 'button', class: 'l' }, t[7]);
    again.addEventListener('click', () => {
      item.remove();
      retry();
    });
    item.append(again);
  }

  async function ask(text: string) {
    const reply = add('assistant', t[15]);
    try {
      await ensureConversation();
      const res = await fetch(api(`/conversations/${conversation}/messages`), {
        method: 'POST',
        headers: headers({ 'x-carbot-session': session as string }),
        body: JSON.stringify({ text }),
      });
      if (!res.ok || !res.body) {
        const body = await res.json().catch(() => ({}));
        throw new Error(body.errors?.[0]?.message ?? t[6]);
      }
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      let answer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let cut = buffer.indexOf('\n\n');
        while (cut >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null');
          if (event === 'delta') reply.textContent = answer += data.text;
          if (event === 'staff') {
            // Staff have the conversation: the assistant stays quiet; at most a note that a person will answer.
            held = true;
            if (data.notice) {
              reply.className = 'y';
              reply.textContent = data.notice;
            } else reply.remove();
            startPolling();
          }
          if (event === 'sources') links(reply, data);
          if (event === 'booking') offer(data);
          cut = buffer.indexOf('\n\n');
        }
      }
      remember();
    } catch (error) {
      reply.remove();
      failed((error as Error).message || t[6], () => void ask(text));
    }
  }

  /** New staff replies; when the chat comes back on another page (`all`), the whole conversation so far. */
  async function poll(all = false) {
    if (!session) return;
    try {
      const after = new Date(Math.max(0, Date.parse(cursor) - 10_000)).toISOString();
      const res = await fetch(api(`/conversations/${conversation}/messages?after=${encodeURIComponent(after)}`), {
        headers: headers({ 'x-carbot-session': session }),
      });
      const body = await res.json();
      if (all && !res.ok) throw new Error();
      for (const message of (body.data ?? []) as Msg[]) {
        if ((all || message.role === 'staff') && !shown.has(message.id))
          links(add(message.role, message.content), message.sources ?? []);
        shown.add(message.id);
      }
      if (typeof body.cursor === 'string') cursor = body.cursor;
      held = body.status === 'handoff' || body.status === 'answered';
    } catch {
      // the next poll tries again; a conversation that cannot come back starts anew
      if (all) {
        session = conversation = undefined;
        try {
          sessionStorage.removeItem(key);
        } catch {}
      }
    }
  }

  /** One poll at a time (a slow answer never overlaps the next), every 4 s while staff have the chat. */
  function startPolling() {
    if (polling) return;
    polling = true;
    const next = () => window.setTimeout(() => void poll().then(next), held ? 4000 : 12_000);
    next();
  }

  human.addEventListener('click', async () => {
    try {
      await ensureConversation();
      const res = await fetch(api(`/conversations/${conversation}/handoff`), {
        method: 'POST',
        headers: headers({ 'x-carbot-session': session as string }),
        body: '{}',
      });
      const body = await res.json();
      add('system', body.data?.message ?? body.errors?.[0]?.message);
      if (res.ok) held = true;
      startPolling();
    } catch {
      failed(t[6], () => human.click());
    }
  });

  /**
   * A form as a bubble in the conversation (contact details, a booking): labelled fields, the consent to
   * tick, a submit button. `send` answers the error to show, or null when done (the form goes away).
   */
  function bubbleForm(
    fields: [string, string, string][],
    consentNodes: (string | Node)[],
    submit: string,
    send: (data: Record<string, string>) => Promise<string | null>,
    after?: HTMLElement,
  ) {
    const sheet = el('form', { class: 'f' });
    for (const [name, text, autocomplete] of fields) {
      const field = el('label', {}, text);
      field.append(
        el('input', { name, autocomplete, type: name === 'email' ? 'email' : name === 'phone' ? 'tel' : 'text' }),
      );
      sheet.append(field);
    }
    const consent = el('label', { class: 'c' });
    consent.append(el('input', { type: 'checkbox', name: 'consent' }), ...consentNodes);
    const errors = el('p', { class: 'e', role: 'alert' });
    sheet.append(consent, errors, el('button', { type: 'submit' }, submit));
    const item = el('div', { class: 'a' });
    item.append(sheet);
    if (after) after.after(item);
    else log.append(item);
    log.scrollTop = log.scrollHeight;
    (sheet.querySelector('input') as HTMLInputElement).focus();
    sheet.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        const error = await send(Object.fromEntries(new FormData(sheet)) as Record<string, string>);
        if (error !== null) {
          errors.textContent = error;
          return;
        }
        item.remove();
        // The form is gone; keep keyboard users in the conversation.
        input.focus();
      } catch {
        errors.textContent = t[6];
      }
    });
    return item;
  }
  const messages = (body: { errors?: { message: string }[] }) => (body.errors ?? []).map((e) => e.message).join(' ');
  const person: [string, string, string][] = [
    ['name', t[8], 'name'],
    ['phone', t[9], 'tel'],
    ['email', t[10], 'email'],
    ['car', t[11], 'off'],
  ];

  contact.addEventListener('click', () => {
    if (!config || root.getElementById('lf')) return;
    bubbleForm([...person, ['wish', t[12], 'off']], consentText(config.consent), t[13], async (data) => {
      await ensureConversation();
      const res = await fetch(api(`/conversations/${conversation}/lead`), {
        method: 'POST',
        headers: headers({ 'x-carbot-session': session as string }),
        body: JSON.stringify({ ...data, consent: { given: data.consent === 'on', version: config?.consent.version } }),
      });
      const body = await res.json();
      if (!res.ok) return messages(body);
      add('system', body.data.message);
      return null;
    }).id = 'lf';
  });

  /** A Berlin time as the visitor reads it: "Mo., 7.12., 08:00". */
  const when = (iso: string) =>
    new Date(iso).toLocaleString(lang, {
      timeZone: 'Europe/Berlin',
      weekday: 'short',
      day: 'numeric',
      month: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });

  /** The assistant's offer of free times for a service; picking one opens the booking form below it. */
  function offer(o: Offer) {
    const item = add('assistant', o.text);
    const times = el('div', { class: 'x' });
    item.append(times);
    let sheet: HTMLElement | undefined;
    const choose = (slots: { start: string }[]) =>
      times.replaceChildren(
        ...slots.map(({ start }) => {
          const pick = el('button', { type: 'button' }, when(start));
          pick.addEventListener('click', () => {
            sheet?.remove();
            sheet = bubbleForm(
              person,
              [o.consent.text],
              `${o.book}: ${when(start)}`,
              async (data) => {
                // `?lang=` as well as the body's language: refusals of the body itself (too large, not JSON) are
                // worded before the body is read.
                const res = await fetch(`${options.api}/booking/appointments?lang=${lang}`, {
                  method: 'POST',
                  headers: headers(),
                  body: JSON.stringify({
                    ...data,
                    service: o.service.id,
                    start,
                    source: 'assistant',
                    language: lang,
                    consent: { given: data.consent === 'on', version: o.consent.version },
                  }),
                });
                const body = await res.json();
                if (res.ok) {
                  item.remove();
                  add(
                    'system',
                    `${when(body.data.start)} – ${o.service.name}\n${o.booked[body.data.status as 'requested'] ?? ''}`,
                  );
                  return null;
                }
                // Taken in the meantime: the next free times take the old ones' place.
                const next = body.errors?.[0]?.extensions?.alternatives;
                if (next?.length) choose(next);
                return messages(body);
              },
              item,
            );
          });
          return pick;
        }),
      );
    choose(o.slots);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    add('visitor', text);
    void ask(text);
  });

  const open = (state: boolean, focus = true) => {
    panel.hidden = !state;
    button.setAttribute('aria-expanded', String(state));
    if (focus) (state ? input : button).focus();
    remember();
  };
  close.addEventListener('click', () => open(false));
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') open(false);
  });
  button.addEventListener('click', () => open(panel.hidden !== false));

  if (config) {
    const c = config;
    title.textContent = `${t[0]} ${c.workshop}`;
    const first = () => {
      add('system', c.notice.text);
      add('assistant', c.greeting);
    };
    first();
    const erase = el('button', { type: 'button', class: 'l' }, c.erase.label);
    actions.append(erase);
    // The visitor's own right to erasure: the conversation, the details left in it, and this tab's memory of it.
    erase.addEventListener('click', async () => {
      if (!confirm(c.erase.confirm)) return;
      if (session) {
        const res = await fetch(api(`/conversations/${conversation}/erase`), {
          method: 'POST',
          headers: headers({ 'x-carbot-session': session }),
          body: '{}',
        }).catch(() => null);
        if (!res?.ok) return void add('system', (await res?.json().catch(() => null))?.errors?.[0]?.message ?? t[6]);
      }
      session = conversation = undefined;
      shown.clear();
      try {
        sessionStorage.removeItem(key);
      } catch {}
      log.replaceChildren();
      add('system', c.erase.done);
      first();
    });
  } else {
    title.textContent = 'Chat';
    add('system', failure || t[6]);
  }
  if (session) {
    await poll(true);
    if (session) startPolling();
  }
  // Back on another page of the site, the chat is as the visitor left it, without taking the focus.
  open(true, !options.restored);
}
