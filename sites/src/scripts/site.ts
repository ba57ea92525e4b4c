/**
 * The only script of the sites (served from our origin, no inline code): phone menu, consent banner,
 * two-click map, and the open-now badge, recomputed in the browser because the page itself may come
 * from the cache.
 */
import { CONSENT_STORAGE_KEY, currentDecision, decide } from '@carbot/core/sites/consent';
import { MAP_ORIGIN } from '@carbot/core/sites/headers';
import { normaliseHours, openState } from '@carbot/core/sites/hours';

function stored() {
  try {
    return currentDecision(localStorage.getItem(CONSENT_STORAGE_KEY));
  } catch {
    return null;
  }
}

function store(external: boolean) {
  try {
    localStorage.setItem(CONSENT_STORAGE_KEY, JSON.stringify(decide(external, new Date())));
  } catch {
    // Private mode without storage: the decision holds for this page view only.
  }
}

function loadMap(box: HTMLElement) {
  const lat = Number(box.dataset.lat);
  const lng = Number(box.dataset.lng);
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) return;
  const d = 0.006;
  const frame = document.createElement('iframe');
  frame.src = `${MAP_ORIGIN}/export/embed.html?bbox=${lng - d},${lat - d},${lng + d},${lat + d}&layer=mapnik&marker=${lat},${lng}`;
  frame.title = box.dataset.title ?? 'Karte';
  frame.loading = 'lazy';
  frame.referrerPolicy = 'no-referrer';
  frame.width = '640';
  frame.height = '360';
  box.replaceChildren(frame);
  box.classList.add('map--loaded');
}

function setupConsent() {
  const banner = document.getElementById('consent');
  if (!banner) return;
  // The chat launcher (and any other widget honouring --carbot-offset-bottom) sits above the banner
  // while it is open, instead of covering its buttons on a phone.
  const root = document.documentElement;
  // Sizes come from the observer, after layout: reading offsetHeight right after showing the banner
  // would force a second layout while the page loads.
  new ResizeObserver(([entry]) => {
    const height = entry?.borderBoxSize?.[0]?.blockSize ?? 0;
    if (height > 0) root.style.setProperty('--carbot-offset-bottom', `${Math.ceil(height)}px`);
    else root.style.removeProperty('--carbot-offset-bottom');
  }).observe(banner);
  const setHidden = (hidden: boolean) => {
    banner.hidden = hidden;
  };
  const show = () => {
    setHidden(false);
    banner.querySelector<HTMLButtonElement>('[data-consent]')?.focus();
  };
  // The page arrives with the banner shown, or hidden by the head's pre-check when a decision is stored
  // (consent.ts); from here on the `hidden` attribute alone says whether it shows.
  const decision = stored();
  setHidden(Boolean(decision));
  root.removeAttribute('data-consent');
  for (const button of banner.querySelectorAll<HTMLButtonElement>('[data-consent]')) {
    button.addEventListener('click', () => {
      const external = button.dataset.consent === 'accept';
      store(external);
      setHidden(true);
      if (external) for (const box of document.querySelectorAll<HTMLElement>('[data-map]')) loadMap(box);
    });
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-consent-open]')) {
    button.addEventListener('click', show);
  }
  for (const box of document.querySelectorAll<HTMLElement>('[data-map]')) {
    if (decision?.external) {
      loadMap(box);
      continue;
    }
    box.querySelector('[data-map-load]')?.addEventListener('click', () => {
      const always = box.querySelector<HTMLInputElement>('[data-map-always]');
      if (always?.checked) store(true);
      loadMap(box);
    });
  }
}

function setupOpenBadges() {
  for (const badge of document.querySelectorAll<HTMLElement>('[data-hours]')) {
    let hours: ReturnType<typeof normaliseHours>;
    try {
      hours = normaliseHours(JSON.parse(badge.dataset.hours ?? '{}'));
    } catch {
      continue;
    }
    const labels = JSON.parse(badge.dataset.labels ?? '{}') as Record<string, string>;
    const days = JSON.parse(badge.dataset.days ?? '{}') as Record<string, string>;
    const state = openState(hours, new Date());
    const text = state.open
      ? `${labels.open} · ${labels.until} ${state.until}`
      : state.opensAt
        ? `${labels.closed} · ${labels.opens} ${days[state.opensDay ?? ''] ?? ''} ${state.opensAt}`
        : (labels.closed ?? '');
    badge.textContent = text.trim();
    badge.dataset.open = String(state.open);
  }
}

/**
 * On a phone the navigation folds behind the menu button (the page arrives folded; without script a
 * <noscript> style keeps it open); the call button beside it is always one tap away. Escape closes it.
 */
function setupMenu() {
  const toggle = document.querySelector<HTMLButtonElement>('[data-menu-toggle]');
  const menu = document.querySelector<HTMLElement>('[data-menu]');
  const label = toggle?.querySelector<HTMLElement>('[data-menu-label]');
  if (!toggle || !menu || !label) return;
  const set = (open: boolean) => {
    toggle.setAttribute('aria-expanded', String(open));
    menu.dataset.collapsed = String(!open);
    label.textContent = (open ? label.dataset.closeLabel : label.dataset.openLabel) ?? '';
  };
  set(false);
  toggle.addEventListener('click', () => set(toggle.getAttribute('aria-expanded') !== 'true'));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && toggle.getAttribute('aria-expanded') === 'true') {
      set(false);
      toggle.focus();
    }
  });
}

setupMenu();
setupConsent();
setupOpenBadges();
