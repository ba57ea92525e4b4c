/**
 * Workshop colours as hex values (#rgb … #rrggbbaa): the only form that goes into a page's CSS custom
 * properties and the chat widget. The field is free text in the admin, so anything else is dropped and
 * the template's or the widget's own colour applies.
 */
export const HEX_COLOR = /^#[0-9a-f]{3,8}$/i;

export const hexColor = (value: string | null | undefined): string | null =>
  value && HEX_COLOR.test(value) ? value : null;
