/**
 * Directus opens its navigation drawer and its info sidebar on first load whatever the screen: on a
 * phone both are overlays, so a workshop employee signs in and sees the page hidden behind them. Below
 * Directus's `lg` breakpoint (where both become overlays) the admin starts with both closed; the menu
 * button opens them as before. Directus reads these keys once, when its layout stores are created, which
 * happens after app extensions are loaded.
 */
const OVERLAY_BELOW = '(max-width: 57.5rem)';

export function startClosedOnPhones(win: Pick<Window, 'matchMedia' | 'localStorage'>): void {
  if (!win.matchMedia(OVERLAY_BELOW).matches) return;
  win.localStorage.setItem('nav-bar-collapsed', 'true');
  win.localStorage.setItem('sidebar-collapsed', 'true');
}
